package io.migration.producer.seed;

import static io.migration.common.copy.ColumnType.INT8;
import static io.migration.common.copy.ColumnType.TEXT;
import static io.migration.common.copy.ColumnType.TIMESTAMPTZ;
import static io.migration.common.copy.CopyTable.column;

import io.migration.common.copy.CopyTable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ten legacy tables as the seed COPYs them, in the order {@link LegacyTables} writes each row's
 * values: the one description of each COPY, from which its statement is made and against which
 * the shared binary writer checks every value.
 */
final class LegacyCopyTables {

    static final Map<String, CopyTable> BY_NAME = List.of(
                    CopyTable.of(
                            "companies", column("id", INT8), column("name", TEXT), column("created_at", TIMESTAMPTZ)),
                    CopyTable.of(
                            "lists",
                            column("id", INT8),
                            column("company_id", INT8),
                            column("name", TEXT),
                            column("created_at", TIMESTAMPTZ),
                            column("deleted_at", TIMESTAMPTZ)),
                    CopyTable.of(
                            "list_recipients",
                            column("id", INT8),
                            column("company_id", INT8),
                            column("list_id", INT8),
                            column("email", TEXT),
                            column("first_name", TEXT),
                            column("last_name", TEXT),
                            column("phone", TEXT),
                            column("status", TEXT),
                            column("source", TEXT),
                            column("created_at", TIMESTAMPTZ),
                            column("updated_at", TIMESTAMPTZ)),
                    CopyTable.of(
                            "list_recipient_fields",
                            column("id", INT8),
                            column("list_recipient_id", INT8),
                            column("name", TEXT),
                            column("value", TEXT)),
                    CopyTable.of(
                            "recipient_tags",
                            column("id", INT8),
                            column("list_recipient_id", INT8),
                            column("tag", TEXT)),
                    CopyTable.of(
                            "recipient_opens",
                            column("id", INT8),
                            column("list_recipient_id", INT8),
                            column("campaign_id", INT8),
                            column("opened_at", TIMESTAMPTZ),
                            column("user_agent", TEXT)),
                    CopyTable.of(
                            "recipient_clicks",
                            column("id", INT8),
                            column("list_recipient_id", INT8),
                            column("campaign_id", INT8),
                            column("url", TEXT),
                            column("clicked_at", TIMESTAMPTZ)),
                    CopyTable.of(
                            "recipient_bounces",
                            column("id", INT8),
                            column("list_recipient_id", INT8),
                            column("campaign_id", INT8),
                            column("kind", TEXT),
                            column("reason", TEXT),
                            column("bounced_at", TIMESTAMPTZ)),
                    CopyTable.of(
                            "recipient_unsubscribes",
                            column("id", INT8),
                            column("list_recipient_id", INT8),
                            column("campaign_id", INT8),
                            column("reason", TEXT),
                            column("unsubscribed_at", TIMESTAMPTZ)),
                    CopyTable.of(
                            "suppressions",
                            column("id", INT8),
                            column("company_id", INT8),
                            column("email", TEXT),
                            column("reason", TEXT),
                            column("created_at", TIMESTAMPTZ)))
            .stream()
            .collect(Collectors.toUnmodifiableMap(CopyTable::name, Function.identity()));

    private LegacyCopyTables() {}
}
