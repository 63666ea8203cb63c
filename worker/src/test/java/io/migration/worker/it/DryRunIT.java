package io.migration.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.config.DatabaseSettings;
import io.migration.producer.cli.CliRun;
import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.ExpectedResults;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TargetComparison;
import io.migration.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer's test run end to end with a real worker: a dry run changes no target table (empty,
 * or holding a migrated company), companies with planted problems fail their readiness check with
 * the right reasons and the cohort file holds exactly the passing ones, R12 closes over the whole
 * source, and the passing cohort then migrates exactly as the rules say.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DryRunIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final List<String> LEGACY = List.of(
            "lists",
            "list_recipients",
            "list_recipient_fields",
            "recipient_tags",
            "recipient_opens",
            "recipient_clicks",
            "recipient_bounces",
            "recipient_unsubscribes",
            "suppressions");

    private TestServices services;
    private Map<String, String> env;
    private List<Long> companies;

    @BeforeAll
    void seed(TestServices services) throws Exception {
        this.services = services;
        this.env = services.environment();
        companies = Datasets.seedAndCreateSchema(services, 6, 4000, 23);
    }

    @Test
    @Order(1)
    void aDryRunChangesNoTargetTableEmptyOrHoldingAMigratedCompany() throws Exception {
        try (WorkerProcess worker = WorkerProcess.start("dry-1", env).awaitConsuming(START)) {
            Map<String, String> empty = checksums(services.target());
            run("dry-run", "dry-empty", "--all");
            assertThat(checksums(services.target()))
                    .as("an empty target stays empty")
                    .isEqualTo(empty);

            run("migrate", "migrate-one", "--companies", companies.get(0).toString(), "--skip-readiness-check");
            Map<String, String> holding = checksums(services.target());
            assertThat(holding).isNotEqualTo(empty);
            run("dry-run", "dry-holding", "--all", "--shard-rows", "1500");
            assertThat(checksums(services.target()))
                    .as("a migrated company's rows are untouched")
                    .isEqualTo(holding);
        }
    }

    @Test
    @Order(2)
    void plantedProblemsFailTheirReadinessCheckAndTheCohortHoldsExactlyThePassingOnes(@TempDir Path dir)
            throws Exception {
        long allInvalid = companies.get(1);
        long overThreshold = companies.get(2);
        sql(
                services.source(),
                "UPDATE list_recipients SET email = 'no-at-sign-' || id WHERE company_id = " + allInvalid);
        sql(
                services.source(),
                "UPDATE list_recipients SET email = NULL WHERE company_id = " + overThreshold + " AND id % 10 < 6");
        try (WorkerProcess worker = WorkerProcess.start("dry-2", env).awaitConsuming(START)) {
            run("dry-run", "dry-planted", "--all", "--max-reject-percent", "45");
        }
        String report = out("report", "--run-id", "dry-planted");
        assertThat(blockOf(report, allInvalid)).contains("FAIL").contains("why").contains("reject");
        assertThat(blockOf(report, overThreshold))
                .contains("FAIL")
                .contains("why")
                .contains("reject");
        assertThat(blockOf(report, companies.get(3))).contains("PASS");
        List<Long> passing = out("report", "--run-id", "dry-planted", "--passing")
                .lines()
                .filter(l -> !l.isBlank())
                .map(Long::parseLong)
                .toList();
        List<Long> expected = new ArrayList<>(companies);
        expected.removeAll(List.of(allInvalid, overThreshold));
        assertThat(passing).containsExactlyElementsOf(expected);

        // The cohort file holds exactly those; migrate accepts them (a fresh passing dry run on the
        // same schemas) and refuses a failing company.
        Path cohort =
                Files.writeString(dir.resolve("cohort.txt"), out("report", "--run-id", "dry-planted", "--passing"));
        assertThat(ProducerCli.run(
                        env,
                        "enqueue",
                        "--mode",
                        "migrate",
                        "--companies",
                        Long.toString(allInvalid),
                        "--run-id",
                        "refused"))
                .as("no passing dry run for it")
                .isNotZero();
        try (WorkerProcess worker = WorkerProcess.start("dry-3", env).awaitConsuming(START)) {
            run("migrate", "cohort", "--cohort", cohort.toString());
        }
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), expected, "cohort");
    }

    @Test
    @Order(3)
    void overTheWholeSourceReadIsContributedPlusRejectedPlusOrphaned() throws Exception {
        Map<String, Long> source = new TreeMap<>();
        for (String table : LEGACY) {
            source.put(table, Long.parseLong(sql(services.source(), "SELECT count(*) FROM " + table)));
        }
        Map<String, long[]> byTable = new LinkedHashMap<>();
        try (Connection c = connect(services.target());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT r.key, sum(r.value::bigint),"
                        + " sum(coalesce((t.contributed_by_table ->> r.key)::bigint, 0))"
                        + " FROM migration.tasks t, jsonb_each_text(t.read_by_table) r"
                        + " WHERE t.run_id = 'dry-planted' AND t.task_group <> 'orphans' GROUP BY r.key")) {
            while (rs.next()) {
                byTable.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        Map<String, Long> rejected = counts("SELECT source_table, count(*) FROM migration.dry_run_rejects"
                + " WHERE run_id = 'dry-planted' AND task_group <> 'orphans' GROUP BY 1");
        Map<String, Long> orphaned = counts("SELECT source_table, count(*) FROM migration.dry_run_rejects"
                + " WHERE run_id = 'dry-planted' AND task_group = 'orphans' AND reason = 'orphan_recipient'"
                + " GROUP BY 1");
        assertThat(orphaned).as("the seed plants children of no parent").isNotEmpty();
        assertThat(orphaned)
                .isEqualTo(ExpectedResults.orphanChildren(services.source()).entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (String table : LEGACY) {
            long[] readContributed = byTable.getOrDefault(table, new long[2]);
            long read = readContributed[0];
            long contributed = readContributed[1];
            long rejects = rejected.getOrDefault(table, 0L);
            long orphans = orphaned.getOrDefault(table, 0L);
            assertThat(read).as(table + ": read = contributed + rejected").isEqualTo(contributed + rejects);
            assertThat(read + orphans)
                    .as(table + ": every source row is read or orphaned")
                    .isEqualTo(source.get(table));
        }
    }

    private void run(String mode, String runId, String... selection) {
        List<String> args = new ArrayList<>(List.of("enqueue", "--mode", mode, "--run-id", runId));
        args.addAll(List.of(selection));
        assertThat(ProducerCli.run(env, args.toArray(String[]::new)))
                .as("enqueue " + runId)
                .isZero();
        assertThat(ProducerCli.run(env, "status", "--run-id", runId, "--wait", "--timeout", "180"))
                .as(runId + " ends with every task succeeded")
                .isZero();
    }

    private String out(String... args) {
        CliRun run = CliRun.run(env, args);
        assertThat(run.exitCode()).isZero();
        return run.out();
    }

    /** The company's line of the table report and the indented lines under it (its reasons). */
    private static String blockOf(String report, long company) {
        List<String> lines = report.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(company + " ")) {
                StringBuilder block = new StringBuilder(lines.get(i));
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith(" "); j++) {
                    block.append('\n').append(lines.get(j));
                }
                return block.toString();
            }
        }
        throw new AssertionError("no line for company " + company + " in:\n" + report);
    }

    /** Every contract table's content as one md5, in key order. */
    private static Map<String, String> checksums(DatabaseSettings target) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String table : ExpectedResults.COLUMNS.keySet()) {
            out.put(
                    table,
                    sql(
                            target,
                            "SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))" + " FROM " + table
                                    + " t"));
        }
        return out;
    }

    private Map<String, Long> counts(String query) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = connect(services.target());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static String sql(DatabaseSettings db, String sql) throws Exception {
        try (Connection c = connect(db);
                Statement st = c.createStatement()) {
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
            return null;
        }
    }

    private static Connection connect(DatabaseSettings db) throws Exception {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
