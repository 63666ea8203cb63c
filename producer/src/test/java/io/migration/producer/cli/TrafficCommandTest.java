package io.migration.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traffic command's wrong arguments: one line and the usage exit, before anything connects. */
class TrafficCommandTest {

    /** A source nobody listens on: a refusal must come before any connection is tried. */
    private static final Map<String, String> NOWHERE = Map.of("SOURCE_DB_URL", "jdbc:postgresql://127.0.0.1:1/none");

    @Test
    void needsCompaniesOrAllButNotBoth() {
        assertUsage(CliRun.run(NOWHERE, "traffic"), "--all");
        assertUsage(CliRun.run(NOWHERE, "traffic", "--all", "--companies", "1"), "mutually exclusive");
    }

    @Test
    void refusesSettingsThatCannotRun() {
        assertUsage(CliRun.run(NOWHERE, "traffic", "--companies", "1", "--threads", "0"), "threads");
        assertUsage(
                CliRun.run(NOWHERE, "traffic", "--companies", "1", "--writes-per-second", "0"), "writes per second");
        assertUsage(CliRun.run(NOWHERE, "traffic", "--companies", "1", "--duration", "0"), "duration");
        assertUsage(CliRun.run(NOWHERE, "traffic", "--companies", "1", "--hold-millis", "-5"), "hold-open");
        assertUsage(CliRun.run(NOWHERE, "traffic", "--companies", "0,2"), "positive");
        assertUsage(CliRun.run(NOWHERE, "traffic", "--companies", "x"), "--companies");
    }

    @Test
    void anUnreachableSourceIsOneLine() {
        CliRun run = CliRun.run(NOWHERE, "traffic", "--companies", "1", "--duration", "1");
        assertThat(run.exitCode()).isEqualTo(OneLineErrors.FAILURE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: cannot connect to jdbc:postgresql://127.0.0.1:1/none");
        assertThat(run.out()).isEmpty();
    }

    private static void assertUsage(CliRun run, String mentioned) {
        assertThat(run.exitCode()).isEqualTo(OneLineErrors.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(mentioned);
        assertThat(run.out()).isEmpty();
    }
}
