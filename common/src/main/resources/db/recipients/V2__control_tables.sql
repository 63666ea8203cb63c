-- The migration's own bookkeeping: runs and their tasks (one per company per table-shard).
-- It lives beside the target data so that a shard's rows and its task's state commit together.

CREATE TABLE migration.runs (
    run_id       text        PRIMARY KEY,
    mode         text        NOT NULL CHECK (mode IN ('dry-run', 'migrate', 'verify')),
    selection    text        NOT NULL,
    shard_rows   integer     NOT NULL,
    task_count   integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE migration.tasks (
    run_id          text        NOT NULL REFERENCES migration.runs (run_id),
    company_id      bigint      NOT NULL,
    task_group      text        NOT NULL,
    shard           integer     NOT NULL,
    shard_count     integer     NOT NULL,
    bucket_lo       integer     NOT NULL,
    bucket_hi       integer     NOT NULL,
    estimated_rows  bigint      NOT NULL,
    state           text        NOT NULL DEFAULT 'planned'
                    CHECK (state IN ('planned', 'published', 'running', 'retrying', 'succeeded', 'failed', 'dead')),
    attempts        integer     NOT NULL DEFAULT 0,
    rows_read       bigint      NOT NULL DEFAULT 0,
    rows_written    bigint      NOT NULL DEFAULT 0,
    rows_rejected   bigint      NOT NULL DEFAULT 0,
    read_by_table   jsonb,
    written_by_table jsonb,
    worker          text,
    error           text,
    published_at    timestamptz,
    started_at      timestamptz,
    finished_at     timestamptz,
    duration_ms     bigint,
    PRIMARY KEY (run_id, company_id, task_group, shard)
);
CREATE INDEX tasks_state_idx ON migration.tasks (run_id, state);
