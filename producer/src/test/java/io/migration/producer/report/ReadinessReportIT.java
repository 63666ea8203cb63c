package io.migration.producer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migration.common.config.DatabaseSettings;
import io.migration.producer.cli.CliRun;
import io.migration.producer.enqueue.CompanySelection;
import io.migration.testsupport.Ledger;
import io.migration.testsupport.LegacyDatabase;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.Sql;
import io.migration.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} and {@code companies} over ledger rows written by hand as workers would write them:
 * a dry run over all companies with planted problems (an all-invalid-email company, one over the
 * reject threshold, one with a forbidden reason, one with a dead task) and its orphans, a second dry
 * run, a migrate run, a verify run.
 */
@RealServices
class ReadinessReportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRY1 = "dry-1";
    private static final String DRY2 = "dry-2";
    private static final String MIGRATE = "migrate-1";
    private static final String VERIFY = "verify-1";
    private static final String RUNNING = "dry-3";

    private static Map<String, String> env;

    @BeforeAll
    static void ledger(TestServices services) {
        env = services.environment();
        DatabaseSettings source = services.source();
        LegacyDatabase.create(source);
        new Sql(source).exec("INSERT INTO companies SELECT g, 'company ' || g, now() FROM generate_series(1, 12) g");
        assertThat(CliRun.run(env, "migrate-schema").exitCode()).isZero();

        Ledger ledger = new Ledger(services.target());
        ledger.run(DRY1, "dry-run", "all", 180, "{\"max_reject_percent\": 0.5, \"fail_on_reasons\": [\"orphan_list\"]}")
                // 1: clean
                .task(
                        DRY1,
                        1,
                        "lists",
                        0,
                        "succeeded",
                        2,
                        "{\"lists\": 2}",
                        "{\"lists\": 2}",
                        "{\"lists\": 2}",
                        100,
                        null)
                .task(
                        DRY1,
                        1,
                        "recipients",
                        0,
                        "succeeded",
                        150,
                        "{\"list_recipients\": 100, \"recipient_tags\": 50}",
                        "{\"recipients\": 80, \"recipient_lists\": 100, \"recipient_tags\": 50}",
                        "{\"list_recipients\": 100, \"recipient_tags\": 50}",
                        2000,
                        null)
                .task(
                        DRY1,
                        1,
                        "suppressions",
                        0,
                        "succeeded",
                        10,
                        "{\"suppressions\": 10}",
                        "{\"suppressions\": 10}",
                        "{\"suppressions\": 10}",
                        300,
                        null)
                // 2: every email invalid
                .task(
                        DRY1,
                        2,
                        "lists",
                        0,
                        "succeeded",
                        1,
                        "{\"lists\": 1}",
                        "{\"lists\": 1}",
                        "{\"lists\": 1}",
                        50,
                        null)
                .task(
                        DRY1,
                        2,
                        "recipients",
                        0,
                        "succeeded",
                        30,
                        "{\"list_recipients\": 20, \"recipient_opens\": 10}",
                        "{}",
                        "{}",
                        400,
                        null)
                .dryRunRejects(DRY1, 2L, "recipients", "list_recipients", "invalid_email", 20, 1000)
                .dryRunRejects(DRY1, 2L, "recipients", "recipient_opens", "parent_rejected", 10, 2000)
                // 3: 1 % rejected, over the 0.5 % threshold
                .task(
                        DRY1,
                        3,
                        "recipients",
                        0,
                        "succeeded",
                        1000,
                        "{\"list_recipients\": 1000}",
                        "{\"recipients\": 990}",
                        "{\"list_recipients\": 990}",
                        900,
                        null)
                .dryRunRejects(DRY1, 3L, "recipients", "list_recipients", "invalid_status", 10, 3000)
                // 4: 0.1 % rejected, but of a reason the policy forbids
                .task(
                        DRY1,
                        4,
                        "recipients",
                        0,
                        "succeeded",
                        1000,
                        "{\"list_recipients\": 1000}",
                        "{\"recipients\": 999}",
                        "{\"list_recipients\": 999}",
                        900,
                        null)
                .dryRunRejects(DRY1, 4L, "recipients", "list_recipients", "orphan_list", 1, 4000)
                // 5: a task given up on
                .task(DRY1, 5, "recipients", 0, "dead", 0, null, null, null, 10, "deadlock detected")
                // the rows of no company, and the source's rows per table, as the orphans task counts them
                .task(DRY1, 0, "orphans", 0, "succeeded", 0, null, null, null, 500, null)
                .detail(
                        DRY1,
                        0,
                        "orphans",
                        "{\"source_rows\": {\"companies\": 12, \"lists\": 3,"
                                + " \"list_recipients\": 2120, \"recipient_tags\": 50, \"recipient_opens\": 13,"
                                + " \"recipient_clicks\": 5, \"suppressions\": 10}}")
                .dryRunRejects(DRY1, null, "orphans", "recipient_opens", "orphan_recipient", 3, 5000);

        ledger.run(DRY2, "dry-run", "companies [2, 3]", 120, "{\"max_reject_percent\": 0.5}")
                .task(
                        DRY2,
                        2,
                        "lists",
                        0,
                        "succeeded",
                        1,
                        "{\"lists\": 1}",
                        "{\"lists\": 1}",
                        "{\"lists\": 1}",
                        50,
                        null)
                .task(
                        DRY2,
                        2,
                        "recipients",
                        0,
                        "succeeded",
                        30,
                        "{\"list_recipients\": 20, \"recipient_opens\": 10}",
                        "{}",
                        "{}",
                        400,
                        null)
                .dryRunRejects(DRY2, 2L, "recipients", "list_recipients", "invalid_email", 20, 1000)
                .dryRunRejects(DRY2, 2L, "recipients", "recipient_opens", "parent_rejected", 10, 2000)
                .task(
                        DRY2,
                        3,
                        "recipients",
                        0,
                        "succeeded",
                        1000,
                        "{\"list_recipients\": 1000}",
                        "{\"recipients\": 998}",
                        "{\"list_recipients\": 998}",
                        800,
                        null)
                .dryRunRejects(DRY2, 3L, "recipients", "list_recipients", "invalid_status", 2, 3000);

        ledger.run(MIGRATE, "migrate", "companies [1, 6, 7, 8, 12]", 60, null)
                .task(
                        MIGRATE,
                        1,
                        "recipients",
                        0,
                        "succeeded",
                        150,
                        "{\"list_recipients\": 100}",
                        "{\"recipients\": 80}",
                        "{\"list_recipients\": 99}",
                        1000,
                        null)
                .migrationRejects(MIGRATE, 1, "recipients", "list_recipients", "invalid_email", 1, 9000)
                .task(
                        MIGRATE,
                        6,
                        "lists",
                        0,
                        "succeeded",
                        5,
                        "{\"lists\": 5}",
                        "{\"lists\": 4}",
                        "{\"lists\": 4}",
                        10,
                        null)
                .migrationRejects(MIGRATE, 6, "lists", "lists", "deleted_list", 1, 6000)
                .task(MIGRATE, 7, "lists", 0, "published", 0, null, null, null, 0, null)
                .task(MIGRATE, 7, "recipients", 0, "published", 0, null, null, null, 0, null)
                .task(
                        MIGRATE,
                        8,
                        "lists",
                        0,
                        "succeeded",
                        1,
                        "{\"lists\": 1}",
                        "{\"lists\": 1}",
                        "{\"lists\": 1}",
                        10,
                        null)
                .task(MIGRATE, 8, "recipients", 0, "running", 0, null, null, null, 0, null)
                .task(
                        MIGRATE,
                        12,
                        "recipients",
                        0,
                        "dead",
                        0,
                        null,
                        null,
                        null,
                        0,
                        "canceling statement due to timeout");

        ledger.run(VERIFY, "verify", "companies [1, 9]", 30, null)
                .task(VERIFY, 1, "lists", 0, "succeeded", 2, null, null, null, 10, null)
                .task(VERIFY, 1, "recipients", 0, "succeeded", 150, null, null, null, 10, null)
                .verifyResult(VERIFY, 1, "lists", 0, "lists", 2, 2, "c1", "c1", 0, 0, 0, null)
                .verifyResult(VERIFY, 1, "recipients", 0, "recipients", 80, 80, "c2", "c2", 0, 0, 0, "[]")
                .verifyResult(VERIFY, 1, "recipients", 0, "recipient_lists", 100, 100, "c3", "c3", 0, 0, 0, null)
                .task(VERIFY, 9, "recipients", 0, "succeeded", 10, null, null, null, 10, null)
                .verifyResult(
                        VERIFY,
                        9,
                        "recipients",
                        0,
                        "recipients",
                        10,
                        9,
                        "c4",
                        "c5",
                        2,
                        1,
                        1,
                        "[{\"kind\": \"missing\", \"key\": \"9:ann@example.com\"},"
                                + " {\"kind\": \"unexpected\", \"key\": \"9:bob@example.com\"}]");

        ledger.run(RUNNING, "dry-run", "companies [10]", 10, "{\"max_reject_percent\": 0.5}")
                .task(
                        RUNNING,
                        10,
                        "lists",
                        0,
                        "succeeded",
                        1,
                        "{\"lists\": 1}",
                        "{\"lists\": 1}",
                        "{\"lists\": 1}",
                        10,
                        null)
                .task(RUNNING, 10, "recipients", 0, "running", 0, null, null, null, 0, null);
    }

    @Test
    void aDryRunReportSaysPassOrFailWithTheReasons() {
        CliRun report = CliRun.run(env, "report", "--run-id", DRY1);
        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(report.out()).contains("judged by: at most 0.5 % of rows rejected, no reject of orphan_list");
        assertThat(statusLine(report, 1)).contains("PASS");
        assertThat(statusLine(report, 2)).contains("FAIL");
        assertThat(report.outLines())
                .contains(
                        "    why         96.77 % of rows rejected (30 of 31 read; max 0.5 %)",
                        "    why         1.00 % of rows rejected (10 of 1000 read; max 0.5 %)",
                        "    why         1 reject(s) of reason orphan_list (not allowed)",
                        "    why         1 of 1 task(s) dead-lettered or failed (recipients/0: deadlock detected)");
        assertThat(report.out()).contains("    would_write recipients  ");
        assertThat(report.outLines())
                .last()
                .asString()
                .startsWith("5 companies: 4 FAIL, 1 PASS; a real run needs about");
    }

    @Test
    void passingCompaniesMakeACohortFileOfExactlyThem(@TempDir Path dir) throws Exception {
        CliRun passing = CliRun.run(env, "report", "--run-id", DRY1, "--passing");
        assertThat(passing.exitCode()).as(passing.toString()).isZero();
        assertThat(passing.out().strip()).isEqualTo("1");
        Path cohort = dir.resolve("cohort.txt");
        Files.writeString(cohort, passing.out().strip() + "\n");
        assertThat(CompanySelection.fromCohortFile(cohort).companyIds()).containsExactly(1L);

        CliRun explored = CliRun.run(env, "report", "--run-id", DRY1, "--passing", "--max-reject-percent", "2");
        assertThat(explored.outLines()).containsExactly("1", "3");
        // The report's forbidden reasons replace the recorded ones: orphan_list no longer fails company 4.
        CliRun other = CliRun.run(env, "report", "--run-id", DRY1, "--passing", "--fail-on-reason", "invalid_email");
        assertThat(other.outLines()).containsExactly("1", "4");
    }

    @Test
    void theReportAsCsvHasOneRowPerCountAndTheReasons() {
        CliRun csv = CliRun.run(env, "report", "--run-id", DRY1, "--format", "csv");
        assertThat(csv.exitCode()).isZero();
        List<String> lines = csv.outLines();
        assertThat(lines.get(0)).isEqualTo("company_id,status,seconds,estimated_seconds,measure,table,reason,rows");
        assertThat(lines).anyMatch(l -> l.matches("1,PASS,[0-9.]+,2\\.400,would_write,recipients,,80"));
        assertThat(lines).anyMatch(l -> l.matches("2,FAIL,[0-9.]+,0\\.450,rejected,list_recipients,invalid_email,20"));
        assertThat(lines)
                .anyMatch(
                        l -> l.matches(
                                "3,FAIL,[0-9.]+,0\\.900,fail_reason,,1\\.00 % of rows rejected \\(10 of 1000 read; max 0\\.5 %\\),"));
        assertThat(lines)
                .contains(
                        ",orphans,,,orphaned,recipient_opens,orphan_recipient,3",
                        ",accounting,,,source_rows,list_recipients,closes,2120",
                        ",accounting,,,source_rows,recipient_clicks,source - read - orphaned = 5,5");
    }

    @Test
    void theReportAsJsonCarriesVerdictsOrphansAndTheAccounting() throws Exception {
        CliRun json = CliRun.run(env, "report", "--run-id", DRY1, "--format", "json");
        assertThat(json.exitCode()).isZero();
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.path("mode").asText()).isEqualTo("dry-run");
        JsonNode first = root.path("companies").get(0);
        assertThat(first.path("company_id").asLong()).isEqualTo(1);
        assertThat(first.path("status").asText()).isEqualTo("PASS");
        assertThat(first.path("estimated_seconds").asDouble()).isEqualTo(2.4);
        assertThat(first.at("/written/recipient_lists").asLong()).isEqualTo(100);
        assertThat(first.path("rejected").size())
                .as("a real run's rejects stay out of a dry run's")
                .isZero();
        JsonNode second = root.path("companies").get(1);
        assertThat(second.path("reasons").get(0).asText()).startsWith("96.77 %");
        assertThat(second.at("/rejected/recipient_opens/parent_rejected").asLong())
                .isEqualTo(10);
        assertThat(root.at("/orphaned/recipient_opens").asLong()).isEqualTo(3);
        assertThat(root.path("estimated_seconds").asDouble()).isEqualTo(2.4 + 0.45 + 0.9 + 0.9 + 0.01, within());
        for (JsonNode line : root.path("accounting")) {
            boolean clicks = line.path("table").asText().equals("recipient_clicks");
            assertThat(line.path("closes").asBoolean()).as(line.toString()).isEqualTo(!clicks);
        }
        JsonNode opens = root.path("accounting").findParents("table").stream()
                .filter(n -> n.path("table").asText().equals("recipient_opens"))
                .findFirst()
                .orElseThrow();
        assertThat(opens.path("source_rows").asLong()).isEqualTo(13);
        assertThat(opens.path("read").asLong()).isEqualTo(10);
        assertThat(opens.path("orphaned").asLong()).isEqualTo(3);
        assertThat(opens.path("rejected").asLong()).isEqualTo(10);
    }

    @Test
    void diffShowsPerCompanyWhatChangedBetweenTwoRuns() {
        CliRun diff = CliRun.run(env, "report", "--run-id", DRY2, "--diff", DRY1, "--format", "csv");
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        List<String> lines = diff.outLines();
        assertThat(lines.get(0)).isEqualTo("company_id,measure,table,reason,before,after,change");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("3,"))
                .containsExactly(
                        "3,status,,,FAIL,PASS,FAIL → PASS",
                        "3,contributed,list_recipients,,990,998,+8",
                        "3,rejected,list_recipients,invalid_status,10,2,-8",
                        "3,written,recipients,,990,998,+8");
        assertThat(lines).noneMatch(l -> l.startsWith("2,"));
        assertThat(lines)
                .filteredOn(l -> l.startsWith("1,") || l.startsWith("0,"))
                .containsExactly("0,status,,,orphans,absent,orphans → absent", "1,status,,,PASS,absent,PASS → absent");

        CliRun table = CliRun.run(env, "report", "--run-id", DRY2, "--diff", DRY2);
        assertThat(table.outLines())
                .containsExactly("changes from run dry-2 to run dry-2 (change = dry-2 - dry-2)", "no difference");
    }

    @Test
    void aVerifyReportSaysVerifiedOrShowsTheDifferences() throws Exception {
        CliRun report = CliRun.run(env, "report", "--run-id", VERIFY);
        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(statusLine(report, 1)).contains("VERIFIED").doesNotContain("NOT");
        assertThat(statusLine(report, 9)).contains("NOT VERIFIED");
        assertThat(report.outLines())
                .contains("    why         recipients: 10 expected, 9 held, 2 missing, 1 unexpected,"
                        + " 1 changed, checksums differ in 1 of 1 shard(s) (e.g. missing 9:ann@example.com,"
                        + " unexpected 9:bob@example.com)");
        JsonNode json = JSON.readTree(CliRun.run(env, "report", "--run-id", VERIFY, "--format", "json")
                .out());
        JsonNode check = json.path("companies").get(1).path("checks").get(0);
        assertThat(check.path("missing").asLong()).isEqualTo(2);
        assertThat(check.path("sample").get(1).path("key").asText()).isEqualTo("9:bob@example.com");
        assertThat(CliRun.run(env, "report", "--run-id", VERIFY, "--passing")
                        .out()
                        .strip())
                .isEqualTo("1");
    }

    @Test
    void aMigrateReportTakesItsRejectsFromMigrationRejects() {
        CliRun csv = CliRun.run(env, "report", "--run-id", MIGRATE, "--format", "csv");
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.outLines()).anyMatch(l -> l.matches("6,succeeded,[0-9.]+,,rejected,lists,deleted_list,1"));
        assertThat(csv.outLines()).contains("7,in progress,0.000,,tasks,,,2");
        assertThat(csv.outLines())
                .anyMatch(l -> l.matches(
                        "12,failed,[0-9.]+,,fail_reason,,recipients/0: canceling" + " statement due to timeout,"));
        assertThat(CliRun.run(env, "report", "--run-id", MIGRATE, "--passing").outLines())
                .containsExactly("1", "6");
    }

    @Test
    void companiesShowsEachLifecycleStateAndTheRunThatSetIt() throws Exception {
        CliRun csv = CliRun.run(env, "companies", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        List<String> lines = csv.outLines();
        assertThat(lines.get(0)).isEqualTo("company_id,state,run_id,mode,since,detail");
        assertThat(lines.subList(1, lines.size()))
                .extracting(l -> l.split(",")[0] + " " + l.split(",")[1] + " "
                        + (l.split(",").length > 2 ? l.split(",")[2] : ""))
                .containsExactly(
                        "1 verified verify-1",
                        "2 dry-run-failed dry-2",
                        "3 dry-run-passed dry-2",
                        "4 dry-run-failed dry-1",
                        "5 dry-run-failed dry-1",
                        "6 migrated migrate-1",
                        "7 scheduled migrate-1",
                        "8 migrating migrate-1",
                        "9 failed verify-1",
                        "10 dry-run-running dry-3",
                        "11 never-tried ",
                        "12 failed migrate-1");
        assertThat(lines.get(9)).contains("recipients: 10 expected, 9 held");

        CliRun passed = CliRun.run(env, "companies", "--state", "dry run passed");
        assertThat(passed.outLines()).hasSize(2);
        assertThat(passed.outLines().get(1)).startsWith("3          dry-run-passed   dry-2");

        JsonNode json = JSON.readTree(CliRun.run(env, "companies", "--format", "json", "--state", "never-tried")
                .out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("company_id").asLong()).isEqualTo(11);
        assertThat(json.get(0).path("run_id").isNull()).isTrue();
    }

    @Test
    void wrongArgumentsAreOneLineUsageErrors() {
        CliRun unknownRun = CliRun.run(env, "report", "--run-id", "nope");
        assertThat(unknownRun.exitCode()).isEqualTo(64);
        assertThat(unknownRun.err().strip()).isEqualTo("error: unknown run id nope");
        CliRun unknownState = CliRun.run(env, "companies", "--state", "done");
        assertThat(unknownState.exitCode()).isEqualTo(64);
        assertThat(unknownState.err()).startsWith("error: unknown --state done (known: never-tried,");
        CliRun unknownReason = CliRun.run(env, "report", "--run-id", DRY1, "--fail-on-reason", "typo");
        assertThat(unknownReason.exitCode()).isEqualTo(64);
        assertThat(unknownReason.errLines()).hasSize(1);
    }

    private static String statusLine(CliRun report, long company) {
        return report.outLines().stream()
                .filter(l -> l.startsWith(company + " "))
                .findFirst()
                .orElseThrow();
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-9);
    }
}
