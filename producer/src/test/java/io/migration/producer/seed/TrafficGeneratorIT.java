package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.common.schema.TargetSchema;
import io.migration.common.transform.Emails;
import io.migration.common.transform.Statuses;
import io.migration.producer.cli.CliRun;
import io.migration.producer.seed.CutoverFlags.Flag;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.Sql;
import io.migration.testsupport.TestServices;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traffic generator against a real source and target: every kind of legacy write changes the
 * source; a run inserts, updates and deletes, writes nothing for a frozen company once the
 * transactions begun before the freeze are over, and writes the target for a switched company.
 */
@RealServices
class TrafficGeneratorIT {

    private static final int HOLD_MILLIS = 300;
    /** A company's legacy rows: lists, list_recipients, suppressions and the children of its rows. */
    private static final String FINGERPRINT = "SELECT md5(concat_ws('|',"
            + " (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM lists t WHERE company_id = ?1),"
            + " (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM list_recipients t WHERE company_id = ?1),"
            + " (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM suppressions t WHERE company_id = ?1),"
            + children("list_recipient_fields") + "," + children("recipient_tags") + ","
            + children("recipient_opens") + "," + children("recipient_clicks") + ","
            + children("recipient_bounces") + "," + children("recipient_unsubscribes") + "))";

    private static DatabaseSettings sourceDb;
    private static DatabaseSettings targetDb;
    private static HikariDataSource source;
    private static HikariDataSource target;

    @BeforeAll
    static void seedAndMigrateSchema(TestServices services) throws Exception {
        sourceDb = services.source();
        targetDb = services.target();
        source = DataSources.create(
                sourceDb, PoolOptions.defaults("traffic-it-source").withMaximumPoolSize(4));
        target = DataSources.create(
                targetDb, PoolOptions.defaults("traffic-it-target").withMaximumPoolSize(4));
        new Seeder(source, 2, new PrintWriter(Writer.nullWriter())).seed(SeedPlan.of(6, 3000, 5));
        TargetSchema.migrate(target);
    }

    @AfterAll
    static void close() {
        source.close();
        target.close();
    }

    @Test
    void theApplicationsIdsStartAboveEveryTableAndNeverGoBack() {
        long top = count("SELECT greatest((SELECT max(id) FROM list_recipients), (SELECT max(id) FROM recipient_opens),"
                + " (SELECT max(id) FROM list_recipient_fields), (SELECT max(id) FROM lists))");
        try (Handle h = Jdbi.create(source).open()) {
            AppIds.prepare(h);
            long first = AppIds.next(h, 1)[0];
            assertThat(first).isGreaterThan(top);
            AppIds.prepare(h);
            long[] next = AppIds.next(h, 3);
            assertThat(next).hasSize(3).doesNotHaveDuplicates();
            assertThat(Arrays.stream(next).min().orElseThrow()).isGreaterThan(first);
        }
    }

    @Test
    void everyKindOfLegacyWriteChangesTheSource() {
        long company = 6;
        Jdbi jdbi = Jdbi.create(source);
        new CutoverFlags(jdbi).create();
        try (Handle h = jdbi.open()) {
            AppIds.prepare(h);
            CompanyPool pool = CompanyPool.load(h, company);
            TrafficValues values = new TrafficValues(new Rng(1, 2, 3));
            for (TrafficMix.Legacy write : TrafficMix.Legacy.values()) {
                String before = fingerprint(company);
                boolean changed = false;
                // Some writes change nothing now and then (a row without tags, a merge with itself).
                for (int attempt = 0; attempt < 30 && !changed; attempt++) {
                    h.begin();
                    TrafficGenerator.legacyWrite(h, pool, values, write);
                    h.commit();
                    changed = !fingerprint(company).equals(before);
                }
                assertThat(changed).as(write.name()).isTrue();
            }
        }
        assertThat(count(
                        "SELECT count(*) FROM lists WHERE company_id = ?1 AND deleted_at > now() - interval '1 hour'",
                        company))
                .as("soft-deleted lists")
                .isPositive();
    }

    @Test
    void writesFreezesAndSwitchesAsTheFlagsSay() throws Exception {
        long frozen = 2;
        long switched = 4;
        Jdbi jdbi = Jdbi.create(source);
        CutoverFlags flags = new CutoverFlags(jdbi);
        flags.create();
        flags.set(switched, new Flag(false, true));
        new Sql(targetDb)
                .exec(
                        "INSERT INTO lists (id, company_id, name, created_at) VALUES (900001, ?, 'Migrated', now()),"
                                + " (900002, ?, 'Migrated too', now())",
                        switched,
                        switched);
        String switchedBefore = fingerprint(switched);
        long maxRow = count("SELECT max(id) FROM list_recipients");
        long maxList = count("SELECT max(id) FROM lists");
        long maxSuppression = count("SELECT max(id) FROM suppressions");
        long maxField = count("SELECT max(id) FROM list_recipient_fields");
        long maxOpen = count("SELECT max(id) FROM recipient_opens");
        long oldRows = count("SELECT count(*) FROM list_recipients WHERE company_id IN (1, 3)");
        String startedAt = new Sql(sourceDb).one("SELECT now()::text");

        TrafficSettings settings =
                TrafficSettings.of(List.of(1L, 2L, 3L, switched), 80, 2, HOLD_MILLIS, 11, Duration.ofSeconds(8));
        TrafficRun run = TrafficGenerator.start(settings, source, target);
        Thread.sleep(2_500);
        flags.set(frozen, new Flag(true, false));
        Instant frozenAt = Instant.now();
        Thread.sleep(HOLD_MILLIS + 2_000);
        String frozenRows = fingerprint(frozen);
        long frozenCommits = run.stats().get(frozen).legacyCommits();
        assertThat(run.awaitEnd(Duration.ofSeconds(60)))
                .as("ends by itself after its duration")
                .isTrue();
        Map<Long, CompanyTraffic> stats = run.stats();
        run.stop();

        assertThat(stats.values())
                .allSatisfy(c -> assertThat(c.failures()).as(run.lastError()).isZero());
        assertThat(stats.values().stream()
                        .mapToLong(CompanyTraffic::transactions)
                        .sum())
                .isBetween(1L, settings.maxTransactions());

        // The frozen company: commits only from transactions that read the flag before the freeze.
        CompanyTraffic f = stats.get(frozen);
        assertThat(f.legacyCommits()).isPositive().isEqualTo(frozenCommits);
        assertThat(f.frozenSkips()).isPositive();
        assertThat(f.lastLegacyBegin()).isBefore(frozenAt);
        assertThat(f.lastLegacyCommit()).isBefore(frozenAt.plusMillis(HOLD_MILLIS + 5_000));
        assertThat(fingerprint(frozen))
                .as("no legacy write after the freeze's in-flight ones")
                .isEqualTo(frozenRows);

        // The switched company: nothing in the legacy tables, the new service's rows in the target.
        CompanyTraffic s = stats.get(switched);
        assertThat(s.legacyCommits()).isZero();
        assertThat(s.lastLegacyCommit()).isNull();
        assertThat(s.targetCommits()).isPositive();
        assertThat(fingerprint(switched)).isEqualTo(switchedBefore);
        assertThat(Long.parseLong(
                        new Sql(targetDb).one("SELECT count(*) FROM recipients WHERE company_id = ?", switched)))
                .isPositive();
        assertThat(Long.parseLong(new Sql(targetDb)
                        .one("SELECT count(*) FROM recipient_activity WHERE company_id = ?", switched)))
                .isPositive();

        // The others: inserts (rows, children, lists, suppressions), updates and deletes.
        assertThat(stats.get(1L).legacyCommits()).isPositive();
        assertThat(stats.get(3L).legacyCommits()).isPositive();
        assertThat(count("SELECT count(*) FROM list_recipients WHERE id > ?1", maxRow))
                .isPositive();
        assertThat(count("SELECT count(*) FROM list_recipient_fields WHERE id > ?1", maxField))
                .isPositive();
        assertThat(count("SELECT count(*) FROM recipient_opens WHERE id > ?1", maxOpen))
                .isPositive();
        assertThat(count("SELECT count(*) FROM lists WHERE id > ?1", maxList)).isPositive();
        assertThat(count("SELECT count(*) FROM suppressions WHERE id > ?1", maxSuppression))
                .isPositive();
        assertThat(count(
                        "SELECT count(*) FROM list_recipients WHERE id <= ?1 AND updated_at >= CAST(?2 AS timestamptz)",
                        maxRow,
                        startedAt))
                .as("updated rows")
                .isPositive();
        assertThat(count("SELECT count(*) FROM list_recipients WHERE id <= ?1 AND company_id IN (1, 3)", maxRow))
                .as("deleted rows")
                .isLessThan(oldRows);
        assertThat(count(
                        "SELECT count(*) FROM list_recipients WHERE company_id NOT IN (1, 2, 3, 4) AND id > ?1",
                        maxRow))
                .isZero();
        assertThat(dirtyNewRows(maxRow))
                .as("new or edited rows with invalid emails, blank names or odd statuses")
                .isPositive();
    }

    @Test
    void theCommandPrintsOneSummaryLinePerCompanyAndRefusesAnUnknownCompany(TestServices services) {
        CliRun run = CliRun.run(
                services.environment(),
                "traffic",
                "--companies",
                "5,6",
                "--duration",
                "2",
                "--writes-per-second",
                "20",
                "--hold-millis",
                "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0))
                .matches("company 5: \\d+ legacy commits, 0 skipped frozen, 0 target commits,"
                        + " 0 skipped switched, 0 failed, last legacy commit .+");
        assertThat(run.outLines().get(1)).startsWith("company 6: ");
        assertThat(run.err()).contains("traffic: ", "transactions in ");

        CliRun unknown = CliRun.run(services.environment(), "traffic", "--companies", "5,999", "--duration", "1");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errLines()).containsExactly("error: unknown company id(s) [999] in the source");

        Map<String, String> empty = new HashMap<>(services.environment());
        empty.put("SOURCE_DB_URL", services.extraDatabase("empty").url());
        CliRun unseeded = CliRun.run(empty, "traffic", "--all", "--duration", "1");
        assertThat(unseeded.exitCode()).isEqualTo(1);
        assertThat(unseeded.errLines())
                .singleElement()
                .asString()
                .startsWith("error: the source database has no legacy tables")
                .endsWith("run `producer seed` first");
    }

    /** Rows written or edited since the run began whose email, names or status carry the spec's dirt. */
    private static long dirtyNewRows(long maxRow) {
        return new Sql(sourceDb)
                        .rows(
                                "SELECT coalesce(email, ''), coalesce(first_name, ''), coalesce(last_name, ''), status"
                                        + " FROM list_recipients WHERE id > ? OR updated_at > now() - interval '1 minute'",
                                maxRow)
                        .stream()
                        .map(row -> row.split(" \\| ", -1))
                        .filter(c -> !Emails.isValid(Emails.normalize(c[0]))
                                || c[1].isBlank()
                                || c[2].isBlank()
                                || !c[3].equals(Statuses.normalize(c[3])))
                        .count();
    }

    private static String fingerprint(long company) {
        return new Sql(sourceDb).one(FINGERPRINT.replace("?1", Long.toString(company)));
    }

    private static long count(String sql, Object... params) {
        String filled = sql;
        for (int i = params.length; i >= 1; i--) {
            Object p = params[i - 1];
            filled = filled.replace("?" + i, p instanceof String s ? "'" + s.replace("'", "''") + "'" : p.toString());
        }
        String value = new Sql(sourceDb).one(filled);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String children(String table) {
        return " (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM " + table + " t WHERE list_recipient_id IN"
                + " (SELECT id FROM list_recipients WHERE company_id = ?1))";
    }
}
