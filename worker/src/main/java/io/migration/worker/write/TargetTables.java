package io.migration.worker.write;

import static io.migration.common.copy.ColumnType.INT4;
import static io.migration.common.copy.ColumnType.INT8;
import static io.migration.common.copy.ColumnType.JSONB;
import static io.migration.common.copy.ColumnType.TEXT;
import static io.migration.common.copy.ColumnType.TIMESTAMPTZ;
import static io.migration.common.copy.ColumnType.UUID;
import static io.migration.common.copy.CopyTable.column;

import io.migration.common.copy.CopyTable;

/**
 * The target tables as the worker COPYs them (MIGRATION.md's columns plus our {@code shard_bucket}
 * and {@code task_group}): the one description of each COPY, from which its statement is made and
 * against which every value written is checked.
 */
final class TargetTables {

    static final CopyTable RECIPIENTS = CopyTable.of(
            "recipients",
            column("id", UUID),
            column("company_id", INT8),
            column("email", TEXT),
            column("first_name", TEXT),
            column("last_name", TEXT),
            column("phone", TEXT),
            column("created_at", TIMESTAMPTZ),
            column("updated_at", TIMESTAMPTZ),
            column("shard_bucket", INT4));

    static final CopyTable MEMBERSHIPS = CopyTable.of(
            "recipient_lists",
            column("recipient_id", UUID),
            column("list_id", INT8),
            column("company_id", INT8),
            column("status", TEXT),
            column("source", TEXT),
            column("joined_at", TIMESTAMPTZ),
            column("updated_at", TIMESTAMPTZ));

    static final CopyTable ATTRIBUTES = CopyTable.of(
            "recipient_attributes",
            column("recipient_id", UUID),
            column("company_id", INT8),
            column("name", TEXT),
            column("value", TEXT));

    static final CopyTable TAGS = CopyTable.of(
            "recipient_tags", column("recipient_id", UUID), column("company_id", INT8), column("tag", TEXT));

    static final CopyTable ACTIVITY = CopyTable.of(
            "recipient_activity",
            column("id", UUID),
            column("recipient_id", UUID),
            column("company_id", INT8),
            column("list_id", INT8),
            column("kind", TEXT),
            column("campaign_id", INT8),
            column("occurred_at", TIMESTAMPTZ),
            column("detail", JSONB));

    /** Where activities go when an id is still held by another shard's recipient (merge-activity-staging). */
    static final CopyTable ACTIVITY_STAGING = ACTIVITY.renamed("activity_staging");

    static final CopyTable SUPPRESSIONS = CopyTable.of(
            "suppressions",
            column("company_id", INT8),
            column("email", TEXT),
            column("reason", TEXT),
            column("created_at", TIMESTAMPTZ),
            column("shard_bucket", INT4));

    static final CopyTable REJECTS = CopyTable.of(
            "migration_rejects",
            column("run_id", TEXT),
            column("company_id", INT8),
            column("source_table", TEXT),
            column("source_id", INT8),
            column("reason", TEXT),
            column("task_group", TEXT),
            column("shard_bucket", INT4));

    private TargetTables() {}
}
