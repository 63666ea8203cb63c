-- Appended to base.sql (see there). R12 accounting: every source row of the selected companies
-- (their lists, list_recipients and suppressions rows, and the fields, tags and events under their
-- list_recipients rows), enumerated straight from the legacy tables, must either contribute to an
-- expected target row or be an expected reject, exactly once. Returns the violations: empty when
-- the oracle accounts for everything.
--   source_rows   how often the row was enumerated as a source row of these companies (must be 1)
--   contributes   1 when the row is an input of an expected target row that exists (key checked)
--   rejects       how many expected rejects name it
, src AS (
    SELECT 'lists' AS source_table, l.id AS source_id, l.company_id
    FROM lists l, params p WHERE l.company_id = ANY (p.companies)
    UNION ALL
    SELECT 'list_recipients', r.id, r.company_id
    FROM list_recipients r, params p WHERE r.company_id = ANY (p.companies)
    UNION ALL
    SELECT 'suppressions', s.id, s.company_id
    FROM suppressions s, params p WHERE s.company_id = ANY (p.companies)
    UNION ALL
    SELECT 'list_recipient_fields', c.id, r.company_id
    FROM list_recipient_fields c JOIN list_recipients r ON r.id = c.list_recipient_id, params p
    WHERE r.company_id = ANY (p.companies)
    UNION ALL
    SELECT 'recipient_tags', c.id, r.company_id
    FROM recipient_tags c JOIN list_recipients r ON r.id = c.list_recipient_id, params p
    WHERE r.company_id = ANY (p.companies)
    UNION ALL
    SELECT 'recipient_opens', c.id, r.company_id
    FROM recipient_opens c JOIN list_recipients r ON r.id = c.list_recipient_id, params p
    WHERE r.company_id = ANY (p.companies)
    UNION ALL
    SELECT 'recipient_clicks', c.id, r.company_id
    FROM recipient_clicks c JOIN list_recipients r ON r.id = c.list_recipient_id, params p
    WHERE r.company_id = ANY (p.companies)
    UNION ALL
    SELECT 'recipient_bounces', c.id, r.company_id
    FROM recipient_bounces c JOIN list_recipients r ON r.id = c.list_recipient_id, params p
    WHERE r.company_id = ANY (p.companies)
    UNION ALL
    SELECT 'recipient_unsubscribes', c.id, r.company_id
    FROM recipient_unsubscribes c JOIN list_recipients r ON r.id = c.list_recipient_id, params p
    WHERE r.company_id = ANY (p.companies)
),
contrib AS (
    SELECT 'lists' AS source_table, x.id AS source_id, x.company_id FROM exp_lists x
    UNION ALL
    SELECT 'list_recipients', o.id, o.company_id
    FROM ok_lr o
    WHERE EXISTS (SELECT 1 FROM exp_recipients x WHERE x.id = o.recipient_id AND x.company_id = o.company_id)
      AND EXISTS (SELECT 1 FROM exp_recipient_lists x WHERE x.recipient_id = o.recipient_id AND x.list_id = o.list_id)
    UNION ALL
    SELECT 'list_recipient_fields', f.id, f.company_id
    FROM fld f JOIN ok_lr o ON o.id = f.parent_id
    WHERE f.reject_reason IS NULL
      AND EXISTS (SELECT 1 FROM exp_recipient_attributes x WHERE x.recipient_id = o.recipient_id AND x.name = f.n_name)
    UNION ALL
    SELECT 'recipient_tags', t.id, t.company_id
    FROM tg t JOIN ok_lr o ON o.id = t.parent_id
    WHERE t.reject_reason IS NULL
      AND EXISTS (SELECT 1 FROM exp_recipient_tags x WHERE x.recipient_id = o.recipient_id AND x.tag = t.n_tag)
    UNION ALL
    SELECT source_table, source_id, company_id FROM exp_recipient_activity
    UNION ALL
    SELECT 'suppressions', s.id, s.company_id
    FROM sup s
    WHERE s.valid
      AND EXISTS (SELECT 1 FROM exp_suppressions x WHERE x.company_id = s.company_id AND x.email = s.n_email)
),
tally AS (
    SELECT source_table, source_id, company_id, 1 AS s, 0 AS c, 0 AS r FROM src
    UNION ALL
    SELECT source_table, source_id, company_id, 0, 1, 0 FROM contrib
    UNION ALL
    SELECT source_table, source_id, company_id, 0, 0, 1 FROM exp_rejects
)
SELECT source_table, source_id, min(company_id) AS company_id,
       sum(s) AS source_rows, sum(c) AS contributes, sum(r) AS rejects
FROM tally
GROUP BY source_table, source_id
HAVING sum(s) <> 1 OR sum(c) + sum(r) <> 1 OR min(company_id) IS DISTINCT FROM max(company_id)
    OR count(company_id) <> count(*)
