package io.migration.producer.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.producer.cli.CliRun;
import io.migration.testsupport.Broker;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.Sql;
import io.migration.testsupport.TestServices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The schema-drift guard end to end on a seeded source: a dry run records its policy, schemas and
 * orphans task through {@code enqueue}; {@code enqueue --mode migrate} then refuses what the dry run
 * did not see. No worker runs: the tests mark the dry run's tasks as a worker would.
 */
@RealServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DriftGuardIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServices services;
    private static Map<String, String> env;
    private static DatabaseSettings source;
    private static DatabaseSettings target;
    private static String dryRun;

    @BeforeAll
    static void seed(TestServices testServices) {
        services = testServices;
        env = testServices.environment();
        source = testServices.source();
        target = testServices.target();
        assertThat(CliRun.run(env, "migrate-schema").exitCode()).isZero();
        CliRun seeded = CliRun.run(env, "seed", "--companies", "4", "--rows", "400", "--seed", "3");
        assertThat(seeded.exitCode()).as(seeded.toString()).isZero();
    }

    @Test
    @Order(1)
    void aDryRunOverAllCompaniesRecordsItsPolicySchemasAndAnOrphansTask() throws Exception {
        CliRun enqueued = CliRun.run(
                env,
                "enqueue",
                "--mode",
                "dry-run",
                "--all",
                "--max-reject-percent",
                "1",
                "--fail-on-reason",
                "orphan_list");
        assertThat(enqueued.exitCode()).as(enqueued.toString()).isZero();
        dryRun = enqueued.lastOutLine();
        assertThat(enqueued.err()).contains("judged by: at most 1 % of rows rejected, no reject of orphan_list");

        JsonNode policy =
                JSON.readTree(new Sql(target).one("SELECT policy::text FROM migration.runs WHERE run_id = ?", dryRun));
        assertThat(policy.path("max_reject_percent").asDouble()).isEqualTo(1.0);
        assertThat(policy.path("fail_on_reasons").get(0).asText()).isEqualTo("orphan_list");
        assertThat(new Sql(target).one("SELECT source_fingerprint FROM migration.runs WHERE run_id = ?", dryRun))
                .matches("sha256:[0-9a-f]{64}");
        JsonNode sourceSchema = JSON.readTree(
                new Sql(target).one("SELECT source_schema::text FROM migration.runs WHERE run_id = ?", dryRun));
        assertThat(sourceSchema.path("tables").size()).isEqualTo(10);
        assertThat(sourceSchema.at("/tables/list_recipients/columns/email/type").asText())
                .isEqualTo("text");
        JsonNode targetSchema = JSON.readTree(
                new Sql(target).one("SELECT target_schema::text FROM migration.runs WHERE run_id = ?", dryRun));
        assertThat(targetSchema
                        .at("/tables/recipients/constraints/recipients_company_email_key")
                        .asText())
                .isEqualTo("UNIQUE (company_id, email)");

        List<String> companies = new Sql(source).rows("SELECT id FROM companies ORDER BY id");
        List<TaskMessage> published = drainWorkQueue();
        assertThat(published)
                .hasSize(Integer.parseInt(
                        new Sql(target).one("SELECT task_count FROM migration.runs WHERE run_id = ?", dryRun)));
        assertThat(published)
                .allMatch(m -> m.mode() == RunMode.DRY_RUN && m.runId().equals(dryRun));
        assertThat(published)
                .filteredOn(m -> m.group() == TaskGroup.ORPHANS)
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.companyId()).isZero();
                    assertThat(m.shardCount()).isEqualTo(1);
                });
        // Every company is covered: by a lists task, or whole by a company task when it is small.
        assertThat(published.stream()
                        .filter(m -> m.group() == TaskGroup.LISTS || m.group() == TaskGroup.COMPANY)
                        .map(m -> Long.toString(m.companyId())))
                .containsExactlyInAnyOrderElementsOf(companies);
    }

    private String tasksOf(long company) {
        return new Sql(target)
                .one("SELECT count(*) FROM migration.tasks WHERE run_id = ? AND company_id = " + company, dryRun);
    }

    @Test
    @Order(2)
    void migrateRefusesCompaniesWhoseDryRunHasNotPassedAndRecordsNothing() {
        CliRun refused = CliRun.run(env, "enqueue", "--mode", "migrate", "--companies", "1,2");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.errLines())
                .filteredOn(l -> l.startsWith("refused: "))
                .containsExactly(
                        "refused: company 1: no passing dry run (latest: " + dryRun + " FAIL: incomplete: " + tasksOf(1)
                                + " of " + tasksOf(1) + " task(s) not finished)",
                        "refused: company 2: no passing dry run (latest: " + dryRun + " FAIL: incomplete: " + tasksOf(2)
                                + " of " + tasksOf(2) + " task(s) not finished)");
        assertThat(refused.errLines()).last().asString().startsWith("error: refused 2 of 2 company(ies)");
        assertThat(refused.out()).isEmpty();
        assertThat(migrateRuns()).isEmpty();
    }

    @Test
    @Order(3)
    void aPassingDryRunOnTheSameSchemaLetsMigrateThrough() throws Exception {
        passAllTasksOf(dryRun);
        CliRun accepted = CliRun.run(env, "enqueue", "--mode", "migrate", "--companies", "1,2");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(migrateRuns()).containsExactly(accepted.lastOutLine() + " | f");
        assertThat(drainWorkQueue()).isNotEmpty().allMatch(m -> m.mode() == RunMode.MIGRATE);
    }

    @Test
    @Order(4)
    void aSourceColumnAddedOrRetypedAfterTheDryRunIsRefusedNamingTheChange() throws Exception {
        new Sql(source).exec("ALTER TABLE list_recipients ADD COLUMN nickname text");
        new Sql(source).exec("ALTER TABLE list_recipients ALTER COLUMN email TYPE varchar(320)");
        List<String> before = migrateRuns();

        CliRun refused = CliRun.run(env, "enqueue", "--mode", "migrate", "--companies", "1,2");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        String change = "source schema changed since dry run " + dryRun
                + ": list_recipients.email: type text → character varying(320);"
                + " list_recipients.nickname: column added (text, nullable)";
        assertThat(refused.errLines())
                .filteredOn(l -> l.startsWith("refused: "))
                .containsExactly("refused: company 1: " + change, "refused: company 2: " + change);
        assertThat(migrateRuns()).isEqualTo(before);
        assertThat(drainWorkQueue()).isEmpty();

        CliRun overridden =
                CliRun.run(env, "enqueue", "--mode", "migrate", "--companies", "1,2", "--skip-readiness-check");
        assertThat(overridden.exitCode()).as(overridden.toString()).isZero();
        String run = overridden.lastOutLine();
        assertThat(overridden.err())
                .contains("warning: readiness check skipped (--skip-readiness-check): 2 of 2"
                        + " company(ies) would have been refused; run " + run + " records the override");
        assertThat(new Sql(target).one("SELECT skip_readiness FROM migration.runs WHERE run_id = ?", run))
                .isEqualTo("t");
        JsonNode overrides = JSON.readTree(
                new Sql(target).one("SELECT readiness_overrides::text FROM migration.runs WHERE run_id = ?", run));
        assertThat(overrides.path("max_age_days").asInt()).isEqualTo(14);
        assertThat(overrides.path("refused")).hasSize(2);
        assertThat(overrides.path("refused").get(0).path("company_id").asLong()).isEqualTo(1);
        assertThat(overrides.path("refused").get(0).path("reason").asText()).isEqualTo(change);
        assertThat(drainWorkQueue()).isNotEmpty();

        CliRun report = CliRun.run(env, "report", "--run-id", run);
        assertThat(report.out())
                .contains("readiness check skipped (--skip-readiness-check): 2 company(ies) would have"
                        + " been refused");
    }

    @Test
    @Order(5)
    void aTargetChangeIsNamedToo() {
        // A fresh passing dry run on today's source, so that only the target differs.
        String fresh = passingDryRun(env);
        new Sql(target).exec("ALTER TABLE recipients ADD COLUMN nickname text");
        try {
            CliRun refused = CliRun.run(env, "enqueue", "--mode", "migrate", "--companies", "3");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.errLines())
                    .contains("refused: company 3: target schema changed since dry run " + fresh
                            + ": recipients.nickname: column added (text, nullable)");
        } finally {
            new Sql(target).exec("ALTER TABLE recipients DROP COLUMN nickname");
        }
        CliRun accepted = CliRun.run(env, "enqueue", "--mode", "migrate", "--companies", "3");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
    }

    @Test
    @Order(6)
    void aDryRunOlderThanTheNoticePeriodIsRefusedUnlessTheMaximumAgeAllowsIt() throws Exception {
        String old = passingDryRun(env);
        new Sql(target).exec("UPDATE migration.runs SET created_at = now() - interval '15 days' WHERE run_id = ?", old);
        new Sql(target)
                .exec(
                        "UPDATE migration.runs SET created_at = now() - interval '20 days'"
                                + " WHERE mode = 'dry-run' AND run_id <> ?",
                        old);

        CliRun refused = CliRun.run(env, "enqueue", "--mode", "migrate", "--companies", "4");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.errLines())
                .contains("refused: company 4: passing dry run " + old + " is 15.0 days old (max 14)");

        CliRun byOption =
                CliRun.run(env, "enqueue", "--mode", "migrate", "--companies", "4", "--readiness-max-age", "16");
        assertThat(byOption.exitCode()).as(byOption.toString()).isZero();
        Map<String, String> longer = new HashMap<>(env);
        longer.put(ReadinessOptions.ENV_MAX_AGE_DAYS, "16");
        CliRun byEnvironment = CliRun.run(longer, "enqueue", "--mode", "migrate", "--companies", "4");
        assertThat(byEnvironment.exitCode()).as(byEnvironment.toString()).isZero();
        drainWorkQueue();
    }

    @Test
    @Order(7)
    void optionsOfAnotherModeAreUsageErrors() {
        CliRun wrong = CliRun.run(env, "enqueue", "--mode", "verify", "--all", "--skip-readiness-check");
        assertThat(wrong.exitCode()).isEqualTo(64);
        assertThat(wrong.err().strip())
                .isEqualTo("error: --readiness-max-age and --skip-readiness-check apply to --mode migrate"
                        + " (see --help)");
        CliRun verify = CliRun.run(env, "enqueue", "--mode", "verify", "--companies", "1");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(new Sql(target)
                        .one(
                                "SELECT policy IS NULL AND source_fingerprint IS NOT NULL FROM migration.runs"
                                        + " WHERE run_id = ?",
                                verify.lastOutLine()))
                .isEqualTo("t");
    }

    private static String passingDryRun(Map<String, String> environment) {
        CliRun enqueued = CliRun.run(environment, "enqueue", "--mode", "dry-run", "--all");
        assertThat(enqueued.exitCode()).as(enqueued.toString()).isZero();
        passAllTasksOf(enqueued.lastOutLine());
        return enqueued.lastOutLine();
    }

    /** What workers would record for a clean dry run: every task succeeded, rows read, nothing rejected. */
    private static void passAllTasksOf(String runId) {
        new Sql(target)
                .exec(
                        "UPDATE migration.tasks SET state = 'succeeded', started_at = now(), finished_at = now(),"
                                + " duration_ms = 100, rows_read = 10, read_by_table = '{\"lists\": 10}' WHERE run_id = ?",
                        runId);
    }

    private static List<String> migrateRuns() {
        return new Sql(target)
                .rows("SELECT run_id, skip_readiness FROM migration.runs WHERE mode = 'migrate'"
                        + " ORDER BY created_at");
    }

    /** Takes what enqueue published off the test fleet's work queue, decoded as a worker would. */
    private static List<TaskMessage> drainWorkQueue() throws Exception {
        try (Broker broker = new Broker(services.amqpUri(), services.fleetName())) {
            return broker.drainTasks();
        }
    }
}
