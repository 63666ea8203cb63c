package io.migration.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.config.DatabaseSettings;
import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.ExpectedResults;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Verify mode against real workers: silent on correct targets (several random seeds), and it finds
 * a changed, a deleted and an extra target row, and a source row changed after the migration,
 * naming the kind of difference and the row's key.
 */
@RealServices
class VerifyIT {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void verifyFindsNothingOnCorrectTargetsAndEveryKindOfDifferenceOtherwise(TestServices services) throws Exception {
        Map<String, String> env = services.environment();
        assertThat(ProducerCli.run(env, "migrate-schema")).isZero();
        try (WorkerProcess worker = WorkerProcess.start("verify-1", env).awaitConsuming(START)) {
            for (int seed : new int[] {5, 17, 29}) {
                reseed(services, env, seed);
                List<Long> companies = ExpectedResults.allCompanyIds(services.source());
                run(env, "migrate", "m-" + seed, "--skip-readiness-check", "--shard-rows", "700");
                run(env, "verify", "v-" + seed, "--shard-rows", "900");
                assertThat(passing(env, "v-" + seed))
                        .as("seed %d: every company verified", seed)
                        .containsExactlyElementsOf(companies);
                assertThat(differences(services, "v-" + seed))
                        .as("seed %d", seed)
                        .isEmpty();
            }

            List<Long> companies = ExpectedResults.allCompanyIds(services.source());
            long changedCompany = companies.get(0);
            long tamperedCompany = companies.get(1);
            String changed = sql(
                    services.target(),
                    "UPDATE recipients SET first_name = 'Mallory' WHERE id = ("
                            + "SELECT id FROM recipients WHERE company_id = " + tamperedCompany
                            + " ORDER BY id LIMIT 1) RETURNING 'id=' || id");
            String deleted = sql(
                    services.target(),
                    "DELETE FROM recipient_tags WHERE (recipient_id, tag) = ("
                            + "SELECT recipient_id, tag FROM recipient_tags WHERE company_id = " + tamperedCompany
                            + " ORDER BY 1, 2 LIMIT 1) RETURNING 'recipient_id=' || recipient_id || ' tag=' || tag");
            String extra = sql(
                    services.target(),
                    "INSERT INTO recipient_attributes (recipient_id, company_id, name,"
                            + " value) SELECT id, company_id, 'planted', 'x' FROM recipients WHERE company_id = "
                            + tamperedCompany + " ORDER BY id LIMIT 1 RETURNING 'recipient_id=' || recipient_id"
                            + " || ' name=' || name");
            String moved = sql(
                    services.source(),
                    "UPDATE suppressions SET reason = reason || ' (edited)'"
                            + " WHERE id = (SELECT min(id) FROM suppressions WHERE company_id = " + changedCompany
                            + " AND email ~ '^[a-z0-9.]+@[a-z0-9.]+\\.[a-z]+$') RETURNING 'company_id=' || company_id"
                            + " || ' email=' || lower(email)");

            run(env, "verify", "v-after", "--shard-rows", "900");
            List<String> found = differences(services, "v-after");
            assertThat(found)
                    .contains(
                            "recipients changed " + changed,
                            "recipient_tags missing " + deleted,
                            "recipient_attributes unexpected " + extra,
                            "suppressions changed " + moved);
            assertThat(passing(env, "v-after"))
                    .doesNotContain(changedCompany, tamperedCompany)
                    .containsAll(companies.subList(2, companies.size()));
        }
    }

    private static void reseed(TestServices services, Map<String, String> env, int seed) throws Exception {
        assertThat(ProducerCli.run(
                        env, "seed", "--companies", "5", "--rows", "2500", "--seed", Integer.toString(seed), "--force"))
                .isZero();
        for (String table : ExpectedResults.TABLES) {
            sql(services.target(), "DELETE FROM " + table);
        }
        sql(services.target(), "DELETE FROM migration_rejects");
    }

    private static void run(Map<String, String> env, String mode, String runId, String... extra) {
        List<String> args = new ArrayList<>(List.of("enqueue", "--mode", mode, "--all", "--run-id", runId));
        args.addAll(List.of(extra));
        assertThat(ProducerCli.run(env, args.toArray(String[]::new)))
                .as("enqueue " + runId)
                .isZero();
        assertThat(ProducerCli.run(env, "status", "--run-id", runId, "--wait", "--timeout", "180"))
                .as("run " + runId + " ends with every task succeeded")
                .isZero();
    }

    /** The companies `report --passing` calls VERIFIED. */
    private static List<Long> passing(Map<String, String> env, String runId) {
        StringWriter out = new StringWriter();
        assertThat(ProducerCli.run(
                        env,
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter()),
                        "report",
                        "--run-id",
                        runId,
                        "--passing"))
                .isZero();
        return out.toString()
                .lines()
                .filter(l -> !l.isBlank())
                .map(Long::parseLong)
                .collect(Collectors.toList());
    }

    /** Every sampled difference of the run: "table kind key". */
    private static List<String> differences(TestServices services, String runId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(services.target());
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT r.target_table, s->>'kind', s->>'key' FROM migration.verify_results r,"
                                + " jsonb_array_elements(coalesce(r.sample, '[]')) s WHERE r.run_id = '" + runId
                                + "'")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
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
