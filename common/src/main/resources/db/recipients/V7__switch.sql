-- The switch (CLI.md "schedule", "cutover"): each company's window with its notice, cutover runs whose
-- tasks are catch-up copies and verifications, each company's cutover as it goes, and what the target
-- held at the switch (so that a rollback can say what the new service wrote since).

ALTER TABLE migration.runs DROP CONSTRAINT IF EXISTS runs_mode_check;
ALTER TABLE migration.runs ADD CONSTRAINT runs_mode_check
    CHECK (mode IN ('dry-run', 'migrate', 'verify', 'cutover'));
-- cutover --unscheduled: companies outside their window were switched on the operator's word.
ALTER TABLE migration.runs ADD COLUMN unscheduled boolean NOT NULL DEFAULT false;

ALTER TABLE migration.tasks
    -- A cutover run's tasks are of two kinds (catch-up copies, verifications); NULL: the run's mode.
    ADD COLUMN mode text CHECK (mode IS NULL OR mode IN ('catch-up', 'verify')),
    -- catch-up: what the copy read, per group and bucket, as [rows, hash sum], in the copy's own source
    -- snapshot, so that the next pass re-copies exactly the buckets that changed since.
    ADD COLUMN source_checksums jsonb;

-- One window per company: scheduling again replaces it and restarts its notice. A cutover that
-- fails cancels it (the customers must be told again); one that switches uses it.
CREATE TABLE migration.switch_windows (
    company_id      bigint      PRIMARY KEY,
    window_start    timestamptz NOT NULL,
    window_end      timestamptz NOT NULL CHECK (window_end > window_start),
    notice_date     date        NOT NULL,
    notice_days     integer     NOT NULL,
    state           text        NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'used', 'cancelled')),
    state_reason    text,
    scheduled_at    timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Each company of a cutover run: where its switch stands, and what the report shows.
CREATE TABLE migration.cutovers (
    run_id             text        NOT NULL REFERENCES migration.runs (run_id),
    company_id         bigint      NOT NULL,
    state              text        NOT NULL DEFAULT 'pending'
                       CHECK (state IN ('pending', 'catching-up', 'frozen', 'switched', 'failed', 'rolled-back')),
    passes             integer     NOT NULL DEFAULT 0,
    rows_recopied      bigint      NOT NULL DEFAULT 0,
    -- Shard numbers of the run's tasks for this company are handed out in order, pass after pass.
    next_shard         integer     NOT NULL DEFAULT 0,
    -- The readiness thresholds re-checked on the final rows (the passing dry run's), NULL: skipped.
    policy             jsonb,
    freeze_started_at  timestamptz,
    frozen_at          timestamptz,
    unfrozen_at        timestamptz,
    switch_started_at  timestamptz,
    switched_at        timestamptz,
    freeze_window_ms   bigint,
    final_delta_rows   bigint,
    -- Per target table: expected and actual rows, missing, unexpected and changed keys (a sample).
    verification       jsonb,
    reason             text,
    rolled_back_at     timestamptz,
    -- Per target table: rows inserted, changed and deleted since the switch.
    rollback_report    jsonb,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, company_id)
);
CREATE INDEX cutovers_company_idx ON migration.cutovers (company_id);

-- The company's target rows at the switch, by key: a rollback compares the target with them.
CREATE TABLE migration.switch_images (
    run_id        text   NOT NULL,
    company_id    bigint NOT NULL,
    target_table  text   NOT NULL,
    row_key       text   NOT NULL,
    row_hash      text   NOT NULL,
    PRIMARY KEY (run_id, company_id, target_table, row_key)
);
