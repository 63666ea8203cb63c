package io.migration.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migration.common.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * ActualResults and TargetComparison on a target filled by copying the oracle's own rows (so it must
 * match), then damaged (so it must not, with a short, readable diff). The target tables here are a
 * minimal test-only copy of the contract's columns (plus run_id), not the Flyway schema.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetComparisonIT {

    static final List<Long> COMPANIES = List.of(1L, 2L);
    static final String RUN = "run-1";

    private TestServices services;

    @BeforeAll
    void prepare(TestServices services) throws Exception {
        this.services = services;
        LegacyDatabase.create(services.source());
        LegacyDatabase.runScript(services.source(), "fixtures/rules-fixture.sql");
        LegacyDatabase.runSql(services.target(), """
                CREATE TABLE lists (id bigint PRIMARY KEY, company_id bigint, name text, created_at timestamptz);
                CREATE TABLE recipients (id uuid PRIMARY KEY, company_id bigint, email text, first_name text,
                    last_name text, phone text, created_at timestamptz, updated_at timestamptz, shard_bucket int);
                CREATE TABLE recipient_lists (recipient_id uuid, list_id bigint, company_id bigint, status text,
                    source text, joined_at timestamptz, updated_at timestamptz);
                CREATE TABLE recipient_attributes (recipient_id uuid, company_id bigint, name text, value text);
                CREATE TABLE recipient_tags (recipient_id uuid, company_id bigint, tag text);
                CREATE TABLE recipient_activity (id uuid, recipient_id uuid, company_id bigint, list_id bigint,
                    kind text, campaign_id bigint, occurred_at timestamptz, detail jsonb);
                CREATE TABLE suppressions (company_id bigint, email text, reason text, created_at timestamptz);
                CREATE TABLE migration_rejects (run_id text NOT NULL, company_id bigint, source_table text,
                    source_id bigint, reason text);
                """);
        for (String table : ExpectedResults.COLUMNS.keySet()) {
            copyExpected(services.source(), services.target(), table, RUN);
        }
        // another run's rejects and an orphan reject with no company
        LegacyDatabase.runSql(
                services.target(),
                "INSERT INTO migration_rejects VALUES"
                        + " ('run-0', 1, 'list_recipients', 999, 'invalid_email'),"
                        + " ('run-1', NULL, 'recipient_tags', 2006, 'orphan_recipient')");
    }

    @Test
    @Order(1)
    void aTargetHoldingTheOraclesRowsMatches() {
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), COMPANIES, RUN);
        assertThat(ActualResults.table(services.target(), "recipients", List.of(2L)))
                .containsExactly("83a2c6d2-4a14-52d3-9d2e-e7afd9be0689|2|alice@example.com|\\N|\\N|\\N"
                        + "|2024-02-01T00:00:00.000000Z|2024-02-02T00:00:00.000000Z");
        assertThat(ActualResults.rejects(services.target(), COMPANIES, null))
                .contains("1|list_recipients|999|invalid_email");
        assertThat(TargetComparison.compare(services.source(), services.target(), COMPANIES, null))
                .filteredOn(d -> !d.matches())
                .extracting(TargetComparison.TableDiff::table)
                .containsExactly(ExpectedResults.REJECTS);
    }

    @Test
    @Order(2)
    void mismatchesAreReportedPerTableWithAShortDiff() {
        LegacyDatabase.runSql(services.target(), """
                UPDATE recipient_tags SET tag = 'VIP' WHERE tag = 'vip';
                DELETE FROM suppressions WHERE company_id = 2;
                INSERT INTO migration_rejects SELECT * FROM migration_rejects WHERE run_id = 'run-1' AND source_id = 7003;
                UPDATE recipients SET updated_at = updated_at + interval '1 microsecond' WHERE company_id = 2;
                """);
        String many = IntStream.range(0, 50)
                .mapToObj(i -> "(" + (900000 + i) + ", 1, 'x" + i + "', now())")
                .collect(Collectors.joining(","));
        LegacyDatabase.runSql(services.target(), "INSERT INTO lists VALUES " + many);

        List<TargetComparison.TableDiff> diffs =
                TargetComparison.compare(services.source(), services.target(), COMPANIES, RUN);
        assertThat(diffs)
                .filteredOn(d -> !d.matches())
                .extracting(TargetComparison.TableDiff::table)
                .containsExactly("lists", "recipients", "recipient_tags", "suppressions", ExpectedResults.REJECTS);

        assertThatThrownBy(() -> TargetComparison.assertTargetMatchesSource(
                        services.source(), services.target(), COMPANIES, RUN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("lists: expected 3 rows, target has 53 rows; 0 missing, 50 unexpected")
                .hasMessageContaining("... and 30 more")
                .hasMessageContaining("- 1d76a3ed-6d39-53e0-a45b-3ce713be26ee|1|vip")
                .hasMessageContaining("- 1d76a3ed-6d39-53e0-a45b-3ce713be26ee|1|VIP")
                .hasMessageContaining("- 2|bob@example.com|spam|2024-01-05T00:00:00.000000Z")
                .hasMessageContaining("|2024-02-02T00:00:00.000001Z")
                .hasMessageContaining(
                        "migration_rejects: expected 28 rows, target has 29 rows; 0 missing, 1 unexpected")
                .satisfies(e -> assertThat(e.getMessage().lines().count()).isLessThan(80));
    }

    @Test
    void diffIsAMultisetDifference() {
        TargetComparison.TableDiff d =
                TargetComparison.diff("t", List.of("b", "a", "a", "c"), List.of("a", "c", "c", "d"));
        assertThat(d.missing()).containsExactly("a", "b");
        assertThat(d.unexpected()).containsExactly("c", "d");
        assertThat(TargetComparison.diff("t", List.of("x"), List.of("x")).matches())
                .isTrue();
        assertThat(CanonicalRows.escape("a|b\\c\nd")).isEqualTo("a\\|b\\\\c\\nd");
        assertThat(Collections.nCopies(1, CanonicalRows.NULL)).containsExactly("\\N");
    }

    /** Inserts the oracle's rows for a table into the target's table of the same name, types cast from text. */
    private static void copyExpected(DatabaseSettings source, DatabaseSettings target, String table, String runId)
            throws Exception {
        List<String> columns = ExpectedResults.COLUMNS.get(table);
        boolean rejects = ExpectedResults.REJECTS.equals(table);
        try (Connection src = CanonicalRows.connect(source);
                Connection tgt = CanonicalRows.connect(target);
                PreparedStatement read = src.prepareStatement(ExpectedResults.sql(table))) {
            read.setArray(1, src.createArrayOf("bigint", COMPANIES.toArray()));
            try (ResultSet rs = read.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                String casts = IntStream.rangeClosed(1, md.getColumnCount())
                        .mapToObj(i -> {
                            try {
                                return "CAST(? AS " + md.getColumnTypeName(i) + ")";
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .collect(Collectors.joining(", "));
                String sql = "INSERT INTO " + table + " (" + (rejects ? "run_id, " : "") + String.join(", ", columns)
                        + ") VALUES (" + (rejects ? "?, " : "") + casts + ")";
                try (PreparedStatement write = tgt.prepareStatement(sql)) {
                    while (rs.next()) {
                        int p = 1;
                        if (rejects) {
                            write.setString(p++, runId);
                        }
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            write.setString(p++, rs.getString(i));
                        }
                        write.executeUpdate();
                    }
                }
            }
        }
    }
}
