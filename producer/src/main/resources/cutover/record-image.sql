-- A target table's rows of the company at the switch, by key (both as md5: no email or name kept).
INSERT INTO migration.switch_images (run_id, company_id, target_table, row_key, row_hash)
SELECT :runId, :companyId, '${table}', md5(${key}), md5(t::text)
FROM public.${table} t
WHERE t.company_id = :companyId
ON CONFLICT DO NOTHING
