package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.producer.seed.CutoverFlags.Flag;
import io.migration.testsupport.LegacyDatabase;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.Sql;
import io.migration.testsupport.TestServices;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference hooks of scripts/hooks/ run with psql against a real database, as cutover runs them. */
@RealServices
class CutoverHooksIT {

    private static DatabaseSettings app;
    private static CutoverFlags flags;

    @BeforeAll
    static void createTheFlagTable(TestServices services) {
        app = services.source();
        flags = new CutoverFlags(Jdbi.create(app.url(), app.user(), app.password()));
        flags.create();
    }

    @Test
    void eachHookSetsTheFlagItsContractSays() throws Exception {
        long company = 42;
        assertThat(flags.read(company)).isEqualTo(Flag.LEGACY);

        assertThat(hook("freeze", company).exitCode()).isZero();
        assertThat(flags.read(company)).isEqualTo(new Flag(true, false));
        String frozenAt = updatedAt(company);

        Hook unfreeze = hook("unfreeze", company);
        assertThat(unfreeze.exitCode()).as(unfreeze.output()).isZero();
        assertThat(flags.read(company)).isEqualTo(new Flag(false, false));
        assertThat(updatedAt(company)).isGreaterThan(frozenAt);

        assertThat(hook("freeze", company).exitCode()).isZero();
        Hook switched = hook("switch", company);
        assertThat(switched.exitCode()).isZero();
        assertThat(switched.output()).contains("company 42", "run run-hooks-it");
        assertThat(flags.read(company)).isEqualTo(new Flag(false, true));

        assertThat(hook("rollback", company).exitCode()).isZero();
        assertThat(flags.read(company)).isEqualTo(new Flag(false, false));
        assertThat(flags.read(company + 1)).as("other companies untouched").isEqualTo(Flag.LEGACY);
        assertThat(new Sql(app).one("SELECT count(*) FROM app_cutover_flags")).isEqualTo("1");
    }

    @Test
    void aFailureIsANonZeroExit(TestServices services) throws Exception {
        assertThat(hook("freeze", Map.of("COMPANY_ID", "7", "APP_DB_URL", uri(app).replace(":5432/", ":1/")))
                        .exitCode())
                .isNotZero();
        DatabaseSettings noFlags = services.extraDatabase("noflags");
        assertThat(hook("switch", Map.of("COMPANY_ID", "7", "APP_DB_URL", uri(noFlags)))
                        .output())
                .contains("app_cutover_flags");
        assertThat(hook("switch", Map.of("COMPANY_ID", "7", "APP_DB_URL", uri(noFlags)))
                        .exitCode())
                .isNotZero();
        assertThat(hook("rollback", Map.of("APP_DB_URL", uri(app))).exitCode()).isNotZero();
        Hook injected =
                hook("freeze", Map.of("COMPANY_ID", "7); DROP TABLE app_cutover_flags; --", "APP_DB_URL", uri(app)));
        assertThat(injected.exitCode()).isNotZero();
        assertThat(new Sql(app).one("SELECT to_regclass('app_cutover_flags') IS NOT NULL"))
                .isEqualTo("t");
    }

    @Test
    void theGeneratorSkipsACompanyTheFreezeHookFroze() throws Exception {
        LegacyDatabase.create(app);
        LegacyDatabase.runSql(
                app,
                "INSERT INTO companies VALUES (5, 'Hooked', now());"
                        + " INSERT INTO lists VALUES (50, 5, 'Main', now(), NULL)");
        assertThat(hook("freeze", 5).exitCode()).isZero();
        try (HikariDataSource source = DataSources.create(app, PoolOptions.defaults("hooks-it"))) {
            TrafficRun run = TrafficGenerator.start(
                    TrafficSettings.of(List.of(5L), 50, 1, 0, 1, Duration.ofSeconds(1)), source, null);
            assertThat(run.awaitEnd(Duration.ofSeconds(30))).isTrue();
            CompanyTraffic stats = run.stats().get(5L);
            assertThat(stats.frozenSkips()).isPositive();
            assertThat(stats.legacyCommits()).isZero();
        }
        assertThat(new Sql(app).one("SELECT count(*) FROM list_recipients")).isEqualTo("0");
    }

    record Hook(int exitCode, String output) {}

    private static Hook hook(String name, long company) throws Exception {
        return hook(
                name, Map.of("COMPANY_ID", Long.toString(company), "RUN_ID", "run-hooks-it", "APP_DB_URL", uri(app)));
    }

    private static Hook hook(String name, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(hooks().resolve(name + ".sh").toString()).redirectErrorStream(true);
        pb.environment().remove("COMPANY_ID");
        pb.environment().remove("RUN_ID");
        pb.environment().remove("APP_DB_URL");
        pb.environment().putAll(env);
        pb.environment().put("PGPASSWORD", app.password());
        Process process = pb.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " ended").isTrue();
        return new Hook(process.exitValue(), output);
    }

    /** The libpq URI of a test database: its JDBC URL without "jdbc:" and parameters, with the user. */
    private static String uri(DatabaseSettings db) {
        String base = db.safeUrl().substring("jdbc:postgresql://".length());
        return "postgresql://" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8) + "@" + base;
    }

    private static String updatedAt(long company) {
        return new Sql(app).one("SELECT updated_at::text FROM app_cutover_flags WHERE company_id = ?", company);
    }

    /** scripts/hooks of this checkout, found upwards from the module's directory. */
    private static Path hooks() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path hooks = dir.resolve("scripts/hooks");
            if (Files.isExecutable(hooks.resolve("freeze.sh"))) {
                return hooks;
            }
        }
        throw new IOException(
                "no executable scripts/hooks/freeze.sh above " + Path.of("").toAbsolutePath());
    }
}
