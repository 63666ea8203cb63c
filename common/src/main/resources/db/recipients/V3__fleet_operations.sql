-- What running a fleet against production needs besides the data: the operator's throttle and
-- pause, the live workers sharing the fleet's rate budget, the task life cycle's counters, the
-- customer's test run (dry runs, readiness, schema fingerprints) and verify results.

-- One row per fleet (FLEET_NAME): `producer throttle|pause|resume` write it, every worker polls it.
CREATE TABLE migration.fleet_control (
    fleet            text        PRIMARY KEY,
    -- The whole fleet's budget in source rows per second; NULL: the workers' configured default.
    rows_per_second  bigint      CHECK (rows_per_second IS NULL OR rows_per_second > 0),
    paused           boolean     NOT NULL DEFAULT false,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text
);

-- Each worker upserts its row every few seconds; the budget is shared among the workers seen
-- recently, and `status` shows what each one does and why it is slow or paused.
CREATE TABLE migration.workers (
    fleet            text        NOT NULL,
    worker           text        NOT NULL,
    consumers        integer     NOT NULL,
    -- starting, consuming, paused (by the operator), breaker_open, stopping
    state            text        NOT NULL,
    source_breaker   text,
    target_breaker   text,
    -- This worker's pace limit now (its share of the budget, after any slowdown); NULL: unlimited.
    pace_limit       double precision,
    -- Source rows read per second over the last interval.
    read_rate        double precision NOT NULL DEFAULT 0,
    -- Why the worker slowed itself down (the source's health signal), NULL when it did not.
    slowdown         text,
    in_flight        integer     NOT NULL DEFAULT 0,
    started_at       timestamptz NOT NULL DEFAULT now(),
    last_seen        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (fleet, worker)
);

ALTER TABLE migration.runs
    ADD COLUMN fleet               text,
    -- The selected company ids (NULL for --all): a repeated enqueue must select the same.
    ADD COLUMN selection_ids       bigint[],
    -- migrate: the readiness check was skipped (--skip-readiness-check), and what it would have refused.
    ADD COLUMN skip_readiness      boolean NOT NULL DEFAULT false,
    ADD COLUMN readiness_overrides jsonb,
    -- dry-run: the readiness thresholds the run is judged by.
    ADD COLUMN policy              jsonb,
    -- dry-run: the source and target schemas as they were (columns, types, nullability, constraints).
    ADD COLUMN source_schema       jsonb,
    ADD COLUMN target_schema       jsonb,
    ADD COLUMN source_fingerprint  text,
    ADD COLUMN target_fingerprint  text;

ALTER TABLE migration.tasks
    -- attempts (V2) now counts the task's own failures only: crashes, outages and broker
    -- reconnects never count. deliveries counts every claim; unfinished the claims since the
    -- last recorded end (a worker that died on this task each time: a crash loop).
    ADD COLUMN deliveries           integer NOT NULL DEFAULT 0,
    ADD COLUMN unfinished           integer NOT NULL DEFAULT 0,
    -- Source rows the running claim has read so far (reported by the worker's heartbeat).
    ADD COLUMN progress_rows        bigint  NOT NULL DEFAULT 0,
    -- R12: source rows that contributed to the target, by legacy table.
    ADD COLUMN contributed_by_table jsonb,
    -- Mode-specific figures (dry run: orphan totals, estimates; verify: summary).
    ADD COLUMN detail               jsonb;

-- Dry runs keep their rejects apart from real runs' (migration_rejects), per run and shard.
CREATE TABLE migration.dry_run_rejects (
    run_id        text    NOT NULL,
    company_id    bigint,
    task_group    text    NOT NULL,
    shard         integer NOT NULL,
    source_table  text    NOT NULL,
    source_id     bigint  NOT NULL,
    reason        text    NOT NULL
);
CREATE INDEX dry_run_rejects_shard_idx ON migration.dry_run_rejects (run_id, company_id, task_group, shard);

-- Verify runs: per task and target table, what the source says the target must hold against what
-- it holds, and a bounded sample of the differing keys.
CREATE TABLE migration.verify_results (
    run_id             text    NOT NULL,
    company_id         bigint  NOT NULL,
    task_group         text    NOT NULL,
    shard              integer NOT NULL,
    target_table       text    NOT NULL,
    expected_rows      bigint  NOT NULL,
    actual_rows        bigint  NOT NULL,
    expected_checksum  text    NOT NULL,
    actual_checksum    text    NOT NULL,
    missing            bigint  NOT NULL DEFAULT 0,
    unexpected         bigint  NOT NULL DEFAULT 0,
    changed            bigint  NOT NULL DEFAULT 0,
    -- [{"kind": "missing|unexpected|changed", "key": "..."}], at most a few dozen.
    sample             jsonb,
    PRIMARY KEY (run_id, company_id, task_group, shard, target_table)
);
