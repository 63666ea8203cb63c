package io.migration.worker.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.producer.cli.ProducerCli;
import io.migration.producer.seed.CutoverFlags;
import io.migration.producer.seed.TrafficGenerator;
import io.migration.producer.seed.TrafficRun;
import io.migration.producer.seed.TrafficSettings;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.Datasets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What the switch's integration tests share: a seeded source that passed its dry run, the reference
 * hooks (logging each call to a file), the application's traffic, the producer's commands in-process,
 * and SQL on both databases.
 */
final class CutoverRig implements AutoCloseable {

    static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();

    final TestServices services;
    final Map<String, String> env;
    final List<Long> companies;
    final Path hookLog;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** Seeds {@code companies} companies of {@code rows} list_recipients in all and creates the target. */
    CutoverRig(TestServices services, int companies, int rows, long seed) throws IOException {
        this.services = services;
        this.companies = Datasets.seedAndCreateSchema(services, companies, rows, seed);
        this.hookLog = Files.createTempFile("cutover-hooks", ".log");
        // The application's flag table, which the reference hooks write (the traffic generator makes it too).
        try (HikariDataSource source = DataSources.create(services.source(), PoolOptions.defaults("app"))) {
            new CutoverFlags(Jdbi.create(source)).create();
        }
        this.env = new HashMap<>(services.environment());
        // The seed is dirty on purpose: readiness here is about the newest rows, not the seed's.
        env.put("READINESS_MAX_REJECT_PERCENT", "60");
        env.put("APP_DB_URL", libpq(services.source()));
        for (String hook : List.of("freeze", "unfreeze", "switch", "rollback")) {
            env.put("CUTOVER_" + hook.toUpperCase() + "_HOOK", hook(hook, ""));
        }
    }

    /** The reference hook, after {@code before} (a shell fragment), each call logged as "hook company". */
    String hook(String name, String before) {
        return before + "echo " + name + " $COMPANY_ID >> " + hookLog + "; "
                + REPOSITORY.resolve("scripts/hooks/" + name + ".sh");
    }

    /** The application's traffic on {@code companies}; switched companies' new-service writes only with a target. */
    TrafficRun traffic(List<Long> on, double perSecond, boolean withTarget, Duration duration) {
        HikariDataSource source = pool(services.source());
        HikariDataSource target = withTarget ? pool(services.target()) : null;
        TrafficRun run =
                TrafficGenerator.start(TrafficSettings.of(on, perSecond, 2, 200, 11, duration), source, target);
        open.add(run);
        return run;
    }

    private HikariDataSource pool(DatabaseSettings db) {
        HikariDataSource ds =
                DataSources.create(db, PoolOptions.defaults("traffic").withMaximumPoolSize(3));
        open.add(ds);
        return ds;
    }

    /** A dry run of every company, then a window open now for {@code scheduled}. */
    void dryRunAndSchedule(List<Long> scheduled) throws Exception {
        assertThat(run("enqueue", "--mode", "dry-run", "--all", "--run-id", "dry"))
                .isZero();
        assertThat(run("status", "--run-id", "dry", "--wait", "--timeout", "180"))
                .isZero();
        Instant start = Instant.now().plusSeconds(1);
        assertThat(run(
                        "schedule",
                        "--companies",
                        ids(scheduled),
                        "--window",
                        start + "/" + start.plusSeconds(3600),
                        "--notice-days",
                        "0"))
                .isZero();
        Thread.sleep(Duration.between(Instant.now(), start).toMillis() + 100);
    }

    int run(String... args) {
        return ProducerCli.run(env, args);
    }

    /** Runs a command, returning its exit code, standard output and standard error. */
    Result capture(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream realErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true));
        try {
            PrintWriter outWriter = new PrintWriter(out, true);
            PrintWriter errWriter = new PrintWriter(err, true);
            int code = ProducerCli.run(env, outWriter, errWriter, args);
            outWriter.flush();
            errWriter.flush();
            return new Result(code, out.toString(), err + stderr.toString());
        } finally {
            System.setErr(realErr);
            realErr.print(stderr);
        }
    }

    record Result(int code, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            return lines.get(lines.size() - 1);
        }
    }

    List<String> hookCalls() throws IOException {
        return Files.readAllLines(hookLog).stream().filter(l -> !l.isBlank()).toList();
    }

    /** The largest companies by list_recipients, largest first. */
    List<Long> largest(int n) throws Exception {
        return longs(
                services.source(),
                "SELECT company_id FROM list_recipients GROUP BY 1 ORDER BY count(*) DESC, 1" + " LIMIT " + n);
    }

    static List<Long> longs(DatabaseSettings db, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = connect(db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    static String text(DatabaseSettings db, String sql) throws Exception {
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

    static Connection connect(DatabaseSettings db) throws Exception {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    static String ids(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /** A libpq URI for psql in the reference hooks. */
    static String libpq(DatabaseSettings db) {
        String rest = db.url().substring("jdbc:postgresql://".length());
        String password = db.password() == null || db.password().isEmpty() ? "" : ":" + db.password();
        return "postgresql://" + db.user() + password + "@" + rest;
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        Files.deleteIfExists(hookLog);
    }
}
