-- The company's lists: the lists group migrates them, and the recipients group needs them for R3
-- (a row whose list is not among them is orphan_list: missing or another company's).
SELECT id, company_id, name, created_at, deleted_at FROM lists WHERE company_id = ${company}
