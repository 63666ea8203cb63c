-- One query per kind of dirt that MIGRATION.md ("What the source really holds") requires of the
-- seed. Each returns one count; SeedCommandIT expects every count to be above zero.
-- A check starts at a line "-- dirt: NAME" and runs to the next such line.
-- ws: the six ASCII white-space characters that trim removes.

-- dirt: email in mixed case
SELECT count(*) FROM list_recipients WHERE email ~ '[A-Z]' AND email ~ '[a-z]';
-- dirt: email all upper case
SELECT count(*) FROM list_recipients WHERE email ~ '[A-Z]' AND email !~ '[a-z]';
-- dirt: email padded with a space
SELECT count(*) FROM list_recipients WHERE email LIKE ' %' OR email LIKE '% ';
-- dirt: email padded with a tab
SELECT count(*) FROM list_recipients WHERE email ~ '^\t|\t$';
-- dirt: email padded with a newline
SELECT count(*) FROM list_recipients WHERE email ~ '^\n|\n$';
-- dirt: email padded with a vertical tab
SELECT count(*) FROM list_recipients WHERE email ~ '^\x0B|\x0B$';
-- dirt: email padded with a form feed
SELECT count(*) FROM list_recipients WHERE email ~ '^\f|\f$';
-- dirt: email padded with a carriage return
SELECT count(*) FROM list_recipients WHERE email ~ '^\r|\r$';
-- dirt: email NULL
SELECT count(*) FROM list_recipients WHERE email IS NULL;
-- dirt: email blank
SELECT count(*) FROM list_recipients WHERE btrim(email, E' \t\n\x0B\f\r') = '';
-- dirt: email without @
SELECT count(*) FROM list_recipients WHERE position('@' in email) = 0 AND btrim(email, E' \t\n\x0B\f\r') <> '';
-- dirt: email with two @
SELECT count(*) FROM list_recipients WHERE email LIKE '%@%@%';
-- dirt: email with an empty local part
SELECT count(*) FROM list_recipients WHERE btrim(email, E' \t\n\x0B\f\r') LIKE '@%';
-- dirt: email with a local part over 64 characters
SELECT count(*) FROM list_recipients WHERE length(split_part(btrim(email, E' \t\n\x0B\f\r'), '@', 1)) > 64;
-- dirt: email longer than 254 characters
SELECT count(*) FROM list_recipients WHERE length(btrim(email, E' \t\n\x0B\f\r')) > 254;
-- dirt: email shorter than 3 characters
SELECT count(*) FROM list_recipients WHERE length(btrim(email, E' \t\n\x0B\f\r')) BETWEEN 1 AND 2;
-- dirt: email domain without a dot
SELECT count(*) FROM list_recipients WHERE btrim(email, E' \t\n\x0B\f\r') ~ '^[^@]+@[^@.]+$';
-- dirt: email domain starting with a dot
SELECT count(*) FROM list_recipients WHERE email LIKE '%@.%';
-- dirt: email domain ending with a dot
SELECT count(*) FROM list_recipients WHERE btrim(email, E' \t\n\x0B\f\r') LIKE '%@%.';
-- dirt: email domain with ..
SELECT count(*) FROM list_recipients WHERE split_part(email, '@', 2) LIKE '%..%';
-- dirt: email with an internal space
SELECT count(*) FROM list_recipients WHERE btrim(email, E' \t\n\x0B\f\r') LIKE '% %';
-- dirt: email with an internal control character
SELECT count(*) FROM list_recipients WHERE btrim(email, E' \t\n\x0B\f\r') ~ '[\x01-\x1F]';
-- dirt: email with non-ASCII characters
SELECT count(*) FROM list_recipients WHERE octet_length(email) <> length(email);
-- dirt: email with non-ASCII upper-case letters
SELECT count(*) FROM list_recipients WHERE email ~ '[ÀÉÄÖÜØÅŁÇ]';
-- dirt: same person on three or more lists
SELECT count(*) FROM (
    SELECT 1 FROM list_recipients WHERE email IS NOT NULL
    GROUP BY company_id, lower(btrim(email, E' \t\n\x0B\f\r'))
    HAVING count(DISTINCT list_id) >= 3) s;
-- dirt: same person in several companies
SELECT count(*) FROM (
    SELECT 1 FROM list_recipients WHERE email IS NOT NULL
    GROUP BY lower(btrim(email, E' \t\n\x0B\f\r'))
    HAVING count(DISTINCT company_id) >= 2) s;
-- dirt: same person twice on the same list, emails differing in case or padding
SELECT count(*) FROM (
    SELECT 1 FROM list_recipients WHERE email IS NOT NULL
    GROUP BY company_id, list_id, lower(btrim(email, E' \t\n\x0B\f\r'))
    HAVING count(DISTINCT email) >= 2) s;
-- dirt: names that differ between lists
SELECT count(*) FROM (
    SELECT 1 FROM list_recipients WHERE email IS NOT NULL AND btrim(first_name, E' \t\n\x0B\f\r') <> ''
    GROUP BY company_id, lower(btrim(email, E' \t\n\x0B\f\r'))
    HAVING count(DISTINCT btrim(first_name, E' \t\n\x0B\f\r')) >= 2) s;
-- dirt: NULL names
SELECT count(*) FROM list_recipients WHERE first_name IS NULL OR last_name IS NULL;
-- dirt: empty names
SELECT count(*) FROM list_recipients WHERE first_name = '' OR last_name = '';
-- dirt: names only white space
SELECT count(*) FROM list_recipients WHERE first_name <> '' AND btrim(first_name, E' \t\n\x0B\f\r') = '';
-- dirt: padded names
SELECT count(*) FROM list_recipients WHERE btrim(first_name, E' \t\n\x0B\f\r') <> first_name AND btrim(first_name, E' \t\n\x0B\f\r') <> '';
-- dirt: blank phones
SELECT count(*) FROM list_recipients WHERE phone IS NOT NULL AND btrim(phone, E' \t\n\x0B\f\r') = '';
-- dirt: status in odd case or padding
SELECT count(*) FROM list_recipients WHERE status NOT IN ('subscribed', 'unsubscribed', 'bounced', 'pending')
    AND lower(btrim(status, E' \t\n\x0B\f\r')) IN ('subscribed', 'unsubscribed', 'bounced', 'pending');
-- dirt: status padded
SELECT count(*) FROM list_recipients WHERE status <> btrim(status, E' \t\n\x0B\f\r') AND btrim(status, E' \t\n\x0B\f\r') <> '';
-- dirt: status invalid
SELECT count(*) FROM list_recipients WHERE lower(btrim(status, E' \t\n\x0B\f\r')) NOT IN ('subscribed', 'unsubscribed', 'bounced', 'pending');
-- dirt: status empty
SELECT count(*) FROM list_recipients WHERE status = '';
-- dirt: source NULL
SELECT count(*) FROM list_recipients WHERE source IS NULL;
-- dirt: source blank or padded
SELECT count(*) FROM list_recipients WHERE source <> btrim(source, E' \t\n\x0B\f\r');
-- dirt: list_id of no list
SELECT count(*) FROM list_recipients r WHERE NOT EXISTS (SELECT 1 FROM lists l WHERE l.id = r.list_id);
-- dirt: list_id of another company's list
SELECT count(*) FROM list_recipients r JOIN lists l ON l.id = r.list_id WHERE l.company_id <> r.company_id;
-- dirt: rows on deleted lists
SELECT count(*) FROM list_recipients r JOIN lists l ON l.id = r.list_id AND l.company_id = r.company_id
    WHERE l.deleted_at IS NOT NULL;
-- dirt: deleted lists
SELECT count(*) FROM lists WHERE deleted_at IS NOT NULL;
-- dirt: ties in updated_at within a person's rows
SELECT count(*) FROM (
    SELECT 1 FROM list_recipients WHERE email IS NOT NULL
    GROUP BY company_id, lower(btrim(email, E' \t\n\x0B\f\r'))
    HAVING count(*) > count(DISTINCT updated_at)) s;
-- dirt: fields of rows that do not exist
SELECT count(*) FROM list_recipient_fields c WHERE NOT EXISTS (SELECT 1 FROM list_recipients r WHERE r.id = c.list_recipient_id);
-- dirt: tags of rows that do not exist
SELECT count(*) FROM recipient_tags c WHERE NOT EXISTS (SELECT 1 FROM list_recipients r WHERE r.id = c.list_recipient_id);
-- dirt: opens of rows that do not exist
SELECT count(*) FROM recipient_opens c WHERE NOT EXISTS (SELECT 1 FROM list_recipients r WHERE r.id = c.list_recipient_id);
-- dirt: clicks of rows that do not exist
SELECT count(*) FROM recipient_clicks c WHERE NOT EXISTS (SELECT 1 FROM list_recipients r WHERE r.id = c.list_recipient_id);
-- dirt: bounces of rows that do not exist
SELECT count(*) FROM recipient_bounces c WHERE NOT EXISTS (SELECT 1 FROM list_recipients r WHERE r.id = c.list_recipient_id);
-- dirt: unsubscribes of rows that do not exist
SELECT count(*) FROM recipient_unsubscribes c WHERE NOT EXISTS (SELECT 1 FROM list_recipients r WHERE r.id = c.list_recipient_id);
-- dirt: duplicate tags differing in case
SELECT count(*) FROM (
    SELECT 1 FROM recipient_tags GROUP BY list_recipient_id, lower(btrim(tag, E' \t\n\x0B\f\r'))
    HAVING count(DISTINCT tag) >= 2) s;
-- dirt: blank tags
SELECT count(*) FROM recipient_tags WHERE btrim(tag, E' \t\n\x0B\f\r') = '';
-- dirt: field names differing in case or padding on one row
SELECT count(*) FROM (
    SELECT 1 FROM list_recipient_fields GROUP BY list_recipient_id, lower(btrim(name, E' \t\n\x0B\f\r'))
    HAVING count(DISTINCT name) >= 2) s;
-- dirt: field names in odd case
SELECT count(*) FROM list_recipient_fields WHERE name ~ '[A-Z]';
-- dirt: field names padded
SELECT count(*) FROM list_recipient_fields WHERE name <> btrim(name, E' \t\n\x0B\f\r') AND btrim(name, E' \t\n\x0B\f\r') <> '';
-- dirt: blank field names
SELECT count(*) FROM list_recipient_fields WHERE btrim(name, E' \t\n\x0B\f\r') = '';
-- dirt: NULL field values
SELECT count(*) FROM list_recipient_fields WHERE value IS NULL;
-- dirt: NULL user_agent
SELECT count(*) FROM recipient_opens WHERE user_agent IS NULL;
-- dirt: NULL bounce reason
SELECT count(*) FROM recipient_bounces WHERE reason IS NULL;
-- dirt: NULL bounce campaign
SELECT count(*) FROM recipient_bounces WHERE campaign_id IS NULL;
-- dirt: NULL unsubscribe reason
SELECT count(*) FROM recipient_unsubscribes WHERE reason IS NULL;
-- dirt: NULL unsubscribe campaign
SELECT count(*) FROM recipient_unsubscribes WHERE campaign_id IS NULL;
-- dirt: suppressions twice for one person
SELECT count(*) FROM (
    SELECT 1 FROM suppressions GROUP BY company_id, lower(btrim(email, E' \t\n\x0B\f\r'))
    HAVING count(*) >= 2) s;
-- dirt: suppressions in odd case or padding
SELECT count(*) FROM suppressions WHERE email <> lower(btrim(email, E' \t\n\x0B\f\r'));
-- dirt: suppressions with an invalid email
SELECT count(*) FROM suppressions WHERE position('@' in email) = 0 OR email LIKE '%@%@%' OR email LIKE '%..%'
    OR btrim(email, E' \t\n\x0B\f\r') LIKE '@%' OR btrim(email, E' \t\n\x0B\f\r') ~ '^[^@]+@[^@.]+$'
    OR btrim(email, E' \t\n\x0B\f\r') ~ '[\x01-\x20]' OR email LIKE '%@.%' OR btrim(email, E' \t\n\x0B\f\r') LIKE '%.'
    OR length(btrim(email, E' \t\n\x0B\f\r')) NOT BETWEEN 3 AND 254;
-- dirt: a company ten times the median company
SELECT count(*) FROM (SELECT company_id, count(*) AS n FROM list_recipients GROUP BY company_id) s
    WHERE n >= 10 * (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n)
                     FROM (SELECT count(*) AS n FROM list_recipients GROUP BY company_id) m);
