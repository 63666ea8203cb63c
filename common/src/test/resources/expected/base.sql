-- The expected-results oracle: an independent SQL reading of MIGRATION.md (R1-R12), run against
-- the SOURCE database. This file holds the common table expressions; every query in this folder
-- (lists.sql, recipients.sql, ..., rejects.sql, accounting.sql) is this file followed by that
-- file's final SELECT (ExpectedResults.sql(name) assembles them). Its single parameter is the
-- bigint[] of the company ids to compute. Needs the pgcrypto extension (digest(..., 'sha1')).
--
-- trim  = btrim over the six ASCII white-space characters only (k.ws);
-- lower = translate of ASCII A-Z only (never lower(), which depends on the locale);
-- lengths with char_length (code points); latest = greatest (updated_at, id);
-- earliest = least (created_at, id).
WITH
params AS (
    SELECT CAST(? AS bigint[]) AS companies
),
k AS (
    SELECT ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) AS ws,
           (SELECT string_agg(chr(i), '' ORDER BY i) FROM generate_series(1, 32) AS i) AS ctl,  -- U+0001..U+0020 (text cannot hold U+0000)
           'ABCDEFGHIJKLMNOPQRSTUVWXYZ' AS upper_ascii,
           'abcdefghijklmnopqrstuvwxyz' AS lower_ascii,
           decode('7b1f4c2e2d6a5b8e9c3f0a4d6e8b1c25', 'hex') AS ns                           -- R2 namespace
),

-- R3 lists of the selected companies.
src_lists AS (
    SELECT l.* FROM lists l CROSS JOIN params p WHERE l.company_id = ANY (p.companies)
),

-- R1/R3/R4: every list_recipients row of the selected companies with its reject reason (NULL when accepted),
-- checked in the contract's order: orphan_list, deleted_list, invalid_email, invalid_status.
lr AS (
    SELECT r.id, r.company_id, r.list_id, r.created_at, r.updated_at,
           e.email AS n_email,
           translate(btrim(r.status, k.ws), k.upper_ascii, k.lower_ascii) AS n_status,
           nullif(btrim(r.first_name, k.ws), '') AS t_first_name,
           nullif(btrim(r.last_name, k.ws), '') AS t_last_name,
           nullif(btrim(r.phone, k.ws), '') AS t_phone,
           nullif(btrim(r.source, k.ws), '') AS t_source,
           CASE
               WHEN l.id IS NULL OR l.company_id <> r.company_id THEN 'orphan_list'
               WHEN l.deleted_at IS NOT NULL THEN 'deleted_list'
               WHEN NOT e.valid THEN 'invalid_email'
               WHEN translate(btrim(r.status, k.ws), k.upper_ascii, k.lower_ascii)
                    NOT IN ('subscribed', 'unsubscribed', 'bounced', 'pending') THEN 'invalid_status'
           END AS reject_reason
    FROM list_recipients r
    CROSS JOIN params p
    CROSS JOIN k
    LEFT JOIN lists l ON l.id = r.list_id
    CROSS JOIN LATERAL (
        SELECT ne.email,
               coalesce(
                   char_length(ne.email) BETWEEN 3 AND 254
                   AND char_length(ne.email) - char_length(replace(ne.email, '@', '')) = 1
                   AND char_length(split_part(ne.email, '@', 1)) BETWEEN 1 AND 64
                   AND char_length(translate(ne.email, k.ctl, '')) = char_length(ne.email)
                   AND strpos(split_part(ne.email, '@', 2), '.') > 0
                   AND left(split_part(ne.email, '@', 2), 1) <> '.'
                   AND right(split_part(ne.email, '@', 2), 1) <> '.'
                   AND strpos(split_part(ne.email, '@', 2), '..') = 0,
                   false) AS valid
        FROM (SELECT translate(btrim(r.email, k.ws), k.upper_ascii, k.lower_ascii) AS email OFFSET 0) ne  -- OFFSET 0: normalize once per row, not once per reference
    ) e
    WHERE r.company_id = ANY (p.companies)
),

-- R2/R5: accepted rows with their recipient's id, uuid v5 (SHA-1) of company_id || ':' || email.
ok_lr AS (
    SELECT lr.*,
           CAST(encode(set_byte(set_byte(substring(d.h FROM 1 FOR 16),
                                         6, (get_byte(d.h, 6) & 15) | 80),    -- version 5
                                8, (get_byte(d.h, 8) & 63) | 128),            -- variant 10
                       'hex') AS uuid) AS recipient_id
    FROM lr
    CROSS JOIN k
    CROSS JOIN LATERAL (SELECT digest(k.ns || convert_to(lr.company_id::text || ':' || lr.n_email, 'UTF8'), 'sha1') AS h) d
    WHERE lr.reject_reason IS NULL
),

-- R7/R10: fields under the selected companies' list_recipients rows (children of unknown parents are in no company).
fld AS (
    SELECT f.id, f.list_recipient_id AS parent_id, lr.company_id, f.value,
           translate(btrim(f.name, k.ws), k.upper_ascii, k.lower_ascii) AS n_name,
           CASE
               WHEN lr.reject_reason IS NOT NULL THEN 'parent_rejected'
               WHEN coalesce(btrim(f.name, k.ws), '') = '' THEN 'blank_field_name'
               WHEN f.value IS NULL THEN 'null_value'
           END AS reject_reason
    FROM list_recipient_fields f
    JOIN lr ON lr.id = f.list_recipient_id
    CROSS JOIN k
),

-- R8/R10: tags.
tg AS (
    SELECT t.id, t.list_recipient_id AS parent_id, lr.company_id,
           translate(btrim(t.tag, k.ws), k.upper_ascii, k.lower_ascii) AS n_tag,
           CASE
               WHEN lr.reject_reason IS NOT NULL THEN 'parent_rejected'
               WHEN coalesce(btrim(t.tag, k.ws), '') = '' THEN 'blank_tag'
           END AS reject_reason
    FROM recipient_tags t
    JOIN lr ON lr.id = t.list_recipient_id
    CROSS JOIN k
),

-- R9: the four event tables as one; detail keys with a NULL value are left out.
ev_raw AS (
    SELECT 'recipient_opens' AS source_table, 'open' AS kind, o.id, o.list_recipient_id, o.campaign_id,
           o.opened_at AS occurred_at, jsonb_strip_nulls(jsonb_build_object('user_agent', o.user_agent)) AS detail
    FROM recipient_opens o
    UNION ALL
    SELECT 'recipient_clicks', 'click', c.id, c.list_recipient_id, c.campaign_id,
           c.clicked_at, jsonb_strip_nulls(jsonb_build_object('url', c.url))
    FROM recipient_clicks c
    UNION ALL
    SELECT 'recipient_bounces', 'bounce', b.id, b.list_recipient_id, b.campaign_id,
           b.bounced_at, jsonb_strip_nulls(jsonb_build_object('type', b.kind, 'reason', b.reason))
    FROM recipient_bounces b
    UNION ALL
    SELECT 'recipient_unsubscribes', 'unsubscribe', u.id, u.list_recipient_id, u.campaign_id,
           u.unsubscribed_at, jsonb_strip_nulls(jsonb_build_object('reason', u.reason))
    FROM recipient_unsubscribes u
),
ev AS (
    SELECT e.*, lr.company_id,
           CASE WHEN lr.reject_reason IS NOT NULL THEN 'parent_rejected' END AS reject_reason
    FROM ev_raw e
    JOIN lr ON lr.id = e.list_recipient_id
),

-- R1/R11: suppressions of the selected companies with their normalized email and its validity.
sup AS (
    SELECT s.id, s.company_id, s.reason, s.created_at, e.email AS n_email, e.valid
    FROM suppressions s
    CROSS JOIN params p
    CROSS JOIN k
    CROSS JOIN LATERAL (
        SELECT ne.email,
               coalesce(
                   char_length(ne.email) BETWEEN 3 AND 254
                   AND char_length(ne.email) - char_length(replace(ne.email, '@', '')) = 1
                   AND char_length(split_part(ne.email, '@', 1)) BETWEEN 1 AND 64
                   AND char_length(translate(ne.email, k.ctl, '')) = char_length(ne.email)
                   AND strpos(split_part(ne.email, '@', 2), '.') > 0
                   AND left(split_part(ne.email, '@', 2), 1) <> '.'
                   AND right(split_part(ne.email, '@', 2), 1) <> '.'
                   AND strpos(split_part(ne.email, '@', 2), '..') = 0,
                   false) AS valid
        FROM (SELECT translate(btrim(s.email, k.ws), k.upper_ascii, k.lower_ascii) AS email OFFSET 0) ne  -- OFFSET 0: normalize once per row, not once per reference
    ) e
    WHERE s.company_id = ANY (p.companies)
),

-- ===== What the target must hold =====
exp_lists AS (
    SELECT id, company_id, name, created_at FROM src_lists WHERE deleted_at IS NULL
),
exp_recipients AS (
    SELECT recipient_id AS id, company_id, n_email AS email,
           (array_agg(t_first_name ORDER BY updated_at DESC, id DESC) FILTER (WHERE t_first_name IS NOT NULL))[1] AS first_name,
           (array_agg(t_last_name ORDER BY updated_at DESC, id DESC) FILTER (WHERE t_last_name IS NOT NULL))[1] AS last_name,
           (array_agg(t_phone ORDER BY updated_at DESC, id DESC) FILTER (WHERE t_phone IS NOT NULL))[1] AS phone,
           min(created_at) AS created_at,
           max(updated_at) AS updated_at
    FROM ok_lr
    GROUP BY recipient_id, company_id, n_email
),
exp_recipient_lists AS (
    SELECT recipient_id, list_id, company_id,
           (array_agg(n_status ORDER BY updated_at DESC, id DESC))[1] AS status,
           (array_agg(t_source ORDER BY updated_at DESC, id DESC))[1] AS source,
           min(created_at) AS joined_at,
           max(updated_at) AS updated_at
    FROM ok_lr
    GROUP BY recipient_id, list_id, company_id
),
exp_recipient_attributes AS (
    SELECT DISTINCT ON (o.recipient_id, f.n_name)
           o.recipient_id, o.company_id, f.n_name AS name, f.value
    FROM fld f
    JOIN ok_lr o ON o.id = f.parent_id
    WHERE f.reject_reason IS NULL
    ORDER BY o.recipient_id, f.n_name, o.updated_at DESC, o.id DESC, f.id DESC
),
exp_recipient_tags AS (
    SELECT DISTINCT o.recipient_id, o.company_id, t.n_tag AS tag
    FROM tg t
    JOIN ok_lr o ON o.id = t.parent_id
    WHERE t.reject_reason IS NULL
),
exp_recipient_activity AS (
    SELECT CAST(encode(set_byte(set_byte(substring(d.h FROM 1 FOR 16),
                                         6, (get_byte(d.h, 6) & 15) | 80),
                                8, (get_byte(d.h, 8) & 63) | 128),
                       'hex') AS uuid) AS id,
           o.recipient_id, o.company_id, o.list_id, e.kind, e.campaign_id, e.occurred_at, e.detail,
           e.source_table, e.id AS source_id
    FROM ev e
    JOIN ok_lr o ON o.id = e.list_recipient_id
    CROSS JOIN k
    CROSS JOIN LATERAL (SELECT digest(k.ns || convert_to(e.kind || ':' || e.id::text, 'UTF8'), 'sha1') AS h) d
    WHERE e.reject_reason IS NULL
),
exp_suppressions AS (
    SELECT DISTINCT ON (company_id, n_email)
           company_id, n_email AS email, reason, created_at
    FROM sup
    WHERE valid
    ORDER BY company_id, n_email, created_at, id
),
exp_rejects AS (
    SELECT company_id, 'lists' AS source_table, id AS source_id, 'deleted_list' AS reason
    FROM src_lists WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT company_id, 'list_recipients', id, reject_reason FROM lr WHERE reject_reason IS NOT NULL
    UNION ALL
    SELECT company_id, 'list_recipient_fields', id, reject_reason FROM fld WHERE reject_reason IS NOT NULL
    UNION ALL
    SELECT company_id, 'recipient_tags', id, reject_reason FROM tg WHERE reject_reason IS NOT NULL
    UNION ALL
    SELECT company_id, source_table, id, reject_reason FROM ev WHERE reject_reason IS NOT NULL
    UNION ALL
    SELECT company_id, 'suppressions', id, 'invalid_email' FROM sup WHERE NOT valid
)
