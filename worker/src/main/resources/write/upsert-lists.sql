-- A company's lists in one statement. Upsert, not insert: a list the source moved from another company
-- may still be in the target under it. created_at comes as ISO-8601 text (Instant.toString).
INSERT INTO lists (id, company_id, name, created_at)
SELECT id, company_id, name, CAST(created_at AS timestamptz)
FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[])) AS l(id, company_id, name, created_at)
ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id, name = EXCLUDED.name, created_at = EXCLUDED.created_at
