-- The recipients service's tables (MIGRATION.md, "Target tables"). Names and columns are the
-- contract; shard_bucket is ours: the hash bucket of the normalized email, so a shard can
-- replace exactly the rows it owns (R13) without touching its neighbours.

CREATE TABLE lists (
    id          bigint      PRIMARY KEY,
    company_id  bigint      NOT NULL,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX lists_company_idx ON lists (company_id);

CREATE TABLE recipients (
    id            uuid        PRIMARY KEY,
    company_id    bigint      NOT NULL,
    email         text        NOT NULL,
    first_name    text,
    last_name     text,
    phone         text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    shard_bucket  integer     NOT NULL,
    CONSTRAINT recipients_company_email_key UNIQUE (company_id, email)
);
CREATE INDEX recipients_shard_idx ON recipients (company_id, shard_bucket);

CREATE TABLE recipient_lists (
    recipient_id  uuid        NOT NULL,
    list_id       bigint      NOT NULL,
    company_id    bigint      NOT NULL,
    status        text        NOT NULL,
    source        text,
    joined_at     timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (recipient_id, list_id)
);

CREATE TABLE recipient_attributes (
    recipient_id  uuid   NOT NULL,
    company_id    bigint NOT NULL,
    name          text   NOT NULL,
    value         text   NOT NULL,
    PRIMARY KEY (recipient_id, name)
);

CREATE TABLE recipient_tags (
    recipient_id  uuid   NOT NULL,
    company_id    bigint NOT NULL,
    tag           text   NOT NULL,
    PRIMARY KEY (recipient_id, tag)
);

CREATE TABLE recipient_activity (
    id            uuid        PRIMARY KEY,
    recipient_id  uuid        NOT NULL,
    company_id    bigint      NOT NULL,
    list_id       bigint      NOT NULL,
    kind          text        NOT NULL,
    campaign_id   bigint,
    occurred_at   timestamptz NOT NULL,
    detail        jsonb       NOT NULL
);
CREATE INDEX recipient_activity_recipient_idx ON recipient_activity (recipient_id);

CREATE TABLE suppressions (
    company_id    bigint      NOT NULL,
    email         text        NOT NULL,
    reason        text        NOT NULL,
    created_at    timestamptz NOT NULL,
    shard_bucket  integer     NOT NULL,
    PRIMARY KEY (company_id, email)
);
CREATE INDEX suppressions_shard_idx ON suppressions (company_id, shard_bucket);

-- One row per source row that did not contribute (R12). task_group and shard_bucket say which
-- shard recorded it, so a re-run of that shard replaces them (R13: rejects are that run's).
CREATE TABLE migration_rejects (
    run_id        text        NOT NULL,
    company_id    bigint,
    source_table  text        NOT NULL,
    source_id     bigint      NOT NULL,
    reason        text        NOT NULL,
    task_group    text        NOT NULL,
    shard_bucket  integer     NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX migration_rejects_shard_idx ON migration_rejects (company_id, task_group, shard_bucket);
CREATE INDEX migration_rejects_run_idx ON migration_rejects (run_id, company_id);
