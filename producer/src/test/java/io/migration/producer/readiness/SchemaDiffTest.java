package io.migration.producer.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.producer.readiness.SchemaDescription.Column;
import io.migration.producer.readiness.SchemaDescription.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static final Column BIGINT = new Column("bigint", false);
    private static final Column TEXT = new Column("text", true);

    private static Table table(Map<String, Column> columns, Map<String, String> constraints) {
        return new Table(new TreeMap<>(columns), new TreeMap<>(constraints), new TreeMap<>());
    }

    private static SchemaDescription schema(Map<String, Table> tables) {
        return new SchemaDescription(new TreeMap<>(tables));
    }

    private static final SchemaDescription BEFORE = schema(Map.of(
            "lists",
                    table(
                            Map.of("id", BIGINT, "name", new Column("text", false)),
                            Map.of("lists_pkey", "PRIMARY KEY (id)")),
            "list_recipients",
                    table(
                            Map.of("id", BIGINT, "email", TEXT, "phone", TEXT),
                            Map.of("list_recipients_pkey", "PRIMARY KEY (id)"))));

    @Test
    void theSameSchemaHasNoDifferenceAndTheSameFingerprint() {
        assertThat(SchemaDiff.lines(BEFORE, BEFORE)).isEmpty();
        SchemaDescription copy = SchemaSnapshot.parse(SchemaSnapshot.of(BEFORE).json());
        assertThat(copy).isEqualTo(BEFORE);
        assertThat(SchemaSnapshot.of(copy).fingerprint())
                .isEqualTo(SchemaSnapshot.of(BEFORE).fingerprint());
    }

    @Test
    void oneLinePerChangeNamingTableColumnAndTypes() {
        Map<String, Column> recipients = new LinkedHashMap<>(Map.of(
                "id",
                BIGINT,
                "email",
                new Column("character varying(320)", true),
                "nickname",
                TEXT,
                "phone",
                new Column("text", false)));
        SchemaDescription after = schema(Map.of(
                "lists", table(Map.of("id", BIGINT, "name", new Column("text", false)), Map.of()),
                "list_recipients",
                        table(
                                recipients,
                                Map.of(
                                        "list_recipients_pkey",
                                        "PRIMARY KEY (id)",
                                        "email_check",
                                        "CHECK (email IS NOT NULL)"))));

        assertThat(SchemaDiff.lines(BEFORE, after))
                .containsExactly(
                        "list_recipients.email: type text → character varying(320)",
                        "list_recipients.nickname: column added (text, nullable)",
                        "list_recipients.phone: nullable → not null",
                        "list_recipients: constraint email_check added (CHECK (email IS NOT NULL))",
                        "lists: constraint lists_pkey removed (PRIMARY KEY (id))");
        assertThat(SchemaSnapshot.of(after).fingerprint())
                .isNotEqualTo(SchemaSnapshot.of(BEFORE).fingerprint());
    }

    @Test
    void tablesColumnsConstraintsAndTriggersAddedRemovedOrChanged() {
        Table withTrigger = new Table(
                new TreeMap<>(Map.of("id", BIGINT)),
                new TreeMap<>(Map.of("lists_pkey", "PRIMARY KEY (id, name)")),
                new TreeMap<>(Map.of("audit", "CREATE TRIGGER audit …")));
        SchemaDescription after =
                schema(Map.of("lists", withTrigger, "suppressions", table(Map.of("id", BIGINT), Map.of())));

        assertThat(SchemaDiff.lines(BEFORE, after))
                .containsExactly(
                        "table list_recipients removed",
                        "lists.name: column removed (was text, not null)",
                        "lists: constraint lists_pkey changed: PRIMARY KEY (id) → PRIMARY KEY (id, name)",
                        "lists: trigger audit added (CREATE TRIGGER audit …)",
                        "table suppressions added (1 columns)");
    }

    @Test
    void theCanonicalJsonSortsKeysAndLeavesOutEmptyTriggers() {
        String json = SchemaSnapshot.of(BEFORE).json();
        assertThat(json)
                .startsWith(
                        "{\"tables\":{\"list_recipients\":{\"columns\":{\"email\":{\"nullable\":true,\"type\":\"text\"}");
        assertThat(json).doesNotContain("triggers");
        assertThat(SchemaSnapshot.of(BEFORE).fingerprint()).matches("sha256:[0-9a-f]{64}");
    }
}
