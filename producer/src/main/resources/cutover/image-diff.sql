-- What the new service did to a target table of the company since the switch: rows whose key is new
-- (inserted), gone (deleted), or whose row changed.
SELECT count(*) FILTER (WHERE i.row_key IS NULL) AS inserted,
       count(*) FILTER (WHERE n.row_key IS NULL) AS deleted,
       count(*) FILTER (WHERE i.row_hash <> n.row_hash) AS changed
FROM (SELECT row_key, row_hash FROM migration.switch_images
      WHERE run_id = :runId AND company_id = :companyId AND target_table = '${table}') i
FULL JOIN (SELECT md5(${key}) AS row_key, md5(t::text) AS row_hash FROM public.${table} t
           WHERE t.company_id = :companyId) n ON n.row_key = i.row_key
