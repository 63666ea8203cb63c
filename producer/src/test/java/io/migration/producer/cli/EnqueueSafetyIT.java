package io.migration.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.migration.common.amqp.Topology;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.Sql;
import io.migration.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enqueue refuses what it cannot do safely, in one line, recording nothing: a wrong broker, a
 * reused run id asked differently, an unreadable cohort file, a URL that is not JDBC.
 */
@RealServices
class EnqueueSafetyIT {

    private static Map<String, String> env;
    private static Sql target;
    private static String uri;
    private static Topology topology;

    @BeforeAll
    static void seedAndMigrate(TestServices services) {
        env = services.environment();
        target = new Sql(services.target());
        uri = services.amqpUri();
        topology = new Topology(services.fleetName());
        assertThat(CliRun.run(env, "seed", "--companies", "4", "--rows", "400").exitCode())
                .isZero();
        assertThat(CliRun.run(env, "migrate-schema").exitCode()).isZero();
    }

    @Test
    void aMalformedAmqpUriIsOneLineNamingItAndRecordsNothing() {
        CliRun run = CliRun.run(
                with("AMQP_URI", "amqp://guest:s3cret@"),
                "enqueue",
                "--mode",
                "migrate",
                "--skip-readiness-check",
                "--all",
                "--run-id",
                "malformed");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("error: AMQP_URI is not a valid amqp:// URI")
                .doesNotContain("s3cret");
        assertThat(run.out()).isEmpty();
        assertThat(runsNamed("malformed")).isZero();
    }

    @Test
    void anUnreachableBrokerRecordsNoRun() {
        CliRun run = CliRun.run(
                with("AMQP_URI", "amqp://guest:s3cret@127.0.0.1:1/%2F"),
                "enqueue",
                "--mode",
                "migrate",
                "--companies",
                "1",
                "--run-id",
                "unreachable");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("error: cannot reach RabbitMQ at amqp://guest:***@127.0.0.1:1/%2F (AMQP_URI): ")
                .contains("nothing was recorded")
                .doesNotContain("s3cret");
        assertThat(runsNamed("unreachable")).isZero();
        assertThat(CliRun.run(env, "status", "--run-id", "unreachable").err()).contains("unknown run id unreachable");
    }

    @Test
    void aReusedRunIdPublishesNothingTwiceAndRefusesADifferentRequest() throws Exception {
        CliRun first = CliRun.run(
                env,
                "enqueue",
                "--mode",
                "migrate",
                "--skip-readiness-check",
                "--companies",
                "1,2",
                "--run-id",
                "same",
                "--shard-rows",
                "100");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.lastOutLine()).isEqualTo("same");
        long tasks = target.number("SELECT count(*) FROM migration.tasks WHERE run_id = 'same'");
        assertThat(tasks).isGreaterThan(2);
        assertThat(target.one("SELECT selection_ids::text || ' ' || fleet FROM migration.runs WHERE run_id = 'same'"))
                .isEqualTo("{1,2} " + topology.fleetName());

        CliRun again = CliRun.run(
                env,
                "enqueue",
                "--mode",
                "migrate",
                "--skip-readiness-check",
                "--companies",
                "2,1",
                "--run-id",
                "same");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("published 0 task(s) of run same");

        assertRefused(
                new String[] {"--companies", "1,2", "--shard-rows", "7000"},
                "error: run same was planned with --shard-rows 100, not 7000; use a new --run-id");
        assertRefused(
                new String[] {"--companies", "1,3"},
                "error: run same was planned over companies [1, 2], not companies [1, 3]; use a new --run-id");
        assertRefused(
                new String[] {"--all"},
                "error: run same was planned over companies [1, 2], not all; use a new --run-id");

        assertThat(target.number("SELECT count(*) FROM migration.tasks WHERE run_id = 'same'"))
                .isEqualTo(tasks);
        assertThat(workQueueCount()).isEqualTo(tasks);
    }

    @Test
    void aCohortFileThatCannotBeReadSaysWhy(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.txt");
        CliRun run = CliRun.run(
                env, "enqueue", "--mode", "migrate", "--skip-readiness-check", "--cohort", missing.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).containsExactly("error: cannot read cohort file " + missing + ": no such file");

        Path directory = Files.createDirectory(dir.resolve("cohort"));
        run = CliRun.run(
                env, "enqueue", "--mode", "migrate", "--skip-readiness-check", "--cohort", directory.toString());
        assertThat(run.errLines())
                .containsExactly("error: cannot read cohort file " + directory + ": it is a directory");

        Path binary = Files.write(dir.resolve("cohort.gz"), new byte[] {0x1f, (byte) 0x8b, 0x08, 0, (byte) 0xff});
        run = CliRun.run(env, "enqueue", "--mode", "migrate", "--skip-readiness-check", "--cohort", binary.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines())
                .containsExactly("error: cohort file " + binary + " is not a text list of company"
                        + " ids (one a line): it holds binary data");
    }

    @Test
    void aUrlThatIsNotJdbcNamesItsVariableWithoutThePassword() {
        CliRun run = CliRun.run(
                with("TARGET_DB_URL", "postgres://app:s3cret@db.example/recipients"),
                "enqueue",
                "--mode",
                "migrate",
                "--skip-readiness-check",
                "--all");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines())
                .containsExactly("error: TARGET_DB_URL must be a PostgreSQL JDBC URL such as"
                        + " jdbc:postgresql://localhost:5432/recipients, not postgres://app:***@db.example/recipients");

        run = CliRun.run(with("SOURCE_DB_URL", "jdbc:mysql://db/legacy"), "status", "--run-id", "x");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: SOURCE_DB_URL must be a PostgreSQL JDBC URL");
    }

    private void assertRefused(String[] selection, String line) {
        String[] head = {"enqueue", "--mode", "migrate", "--skip-readiness-check", "--run-id", "same"};
        String[] args = new String[selection.length + head.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(selection, 0, args, head.length, selection.length);
        CliRun run = CliRun.run(env, args);
        assertThat(run.exitCode()).isEqualTo(OneLineErrors.USAGE);
        assertThat(run.errLines()).containsExactly(line);
        assertThat(run.out()).isEmpty();
    }

    private static long runsNamed(String runId) {
        return target.number("SELECT count(*) FROM migration.runs WHERE run_id = ?", runId);
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put(name, value);
        return changed;
    }

    private static long workQueueCount() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        try (Connection c = factory.newConnection();
                Channel ch = c.createChannel()) {
            return ch.queueDeclarePassive(topology.workQueue()).getMessageCount();
        }
    }
}
