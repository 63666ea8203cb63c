package io.migration.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Every command and subcommand answers --help with its usage and exit 0 (CLI.md), required options or not. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "migrate-schema",
                "seed",
                "enqueue",
                "status",
                "report",
                "dlq",
                "dlq list",
                "dlq replay",
                "dlq purge",
                "throttle",
                "pause",
                "resume",
                "traffic"
            })
    void answersHelpWithItsUsage(String command) {
        assertHelp(command);
    }

    @Test
    void everyRegisteredCommandAnswersHelpIncludingOnesAddedLater() {
        List<String> commands = new ArrayList<>();
        collect(new CommandLine(new ProducerCli(Map.of())), "", commands);
        assertThat(commands).contains("dlq list", "throttle", "enqueue").hasSizeGreaterThanOrEqualTo(12);
        commands.forEach(HelpTest::assertHelp);
    }

    @Test
    void theJarsOwnHelpLinesAreUnchanged() {
        CliRun run = CliRun.run(Map.of(), "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: producer ").contains("dlq", "throttle", "pause", "resume");
    }

    @Test
    void aCommandWithSubcommandsButNoneGivenIsOneLineAndUsageExit() {
        CliRun run = CliRun.run(Map.of(), "dlq");
        assertThat(run.exitCode()).isEqualTo(OneLineErrors.USAGE);
        assertThat(run.errLines())
                .containsExactly("error: a subcommand is required: list, replay or purge (see --help)");
    }

    @Test
    void aWrongArgumentIsStillOneLine() {
        CliRun run = CliRun.run(Map.of(), "throttle", "--rows-per-second", "fast");
        assertThat(run.exitCode()).isEqualTo(OneLineErrors.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--rows-per-second");
    }

    /**
     * picocli lets a help option win over an unmatched argument (FIELD-NOTES): `producer
     * no-such-command --help` printed the top-level usage and exited 0, as if the command existed.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "no-such-command",
                "no-such-command --help",
                "--help no-such-command",
                "dlq no-such --help",
                "dlq list no-such --help",
                "status --no-such-option --help"
            })
    void anUnknownCommandOrArgumentIsOneLineAndUsageExitEvenWithHelp(String args) {
        CliRun run = CliRun.run(Map.of(), args.split(" "));
        assertThat(run.exitCode()).as(args).isEqualTo(OneLineErrors.USAGE);
        assertThat(run.errLines()).as(args).hasSize(1);
        assertThat(run.err()).as(args).contains("no-such").startsWith("error: ");
        assertThat(run.out()).as(args).isEmpty();
    }

    @Test
    void anUnknownCommandIsCalledOne() {
        assertThat(CliRun.run(Map.of(), "no-such-command", "--help").errLines())
                .containsExactly("error: unknown command 'no-such-command' (see --help)");
        assertThat(CliRun.run(Map.of(), "dlq", "no-such").errLines())
                .containsExactly("error: unknown command 'dlq no-such' (see --help)");
    }

    private static void collect(CommandLine commandLine, String prefix, List<String> out) {
        commandLine.getSubcommands().forEach((name, sub) -> {
            String full = (prefix + " " + name).strip();
            out.add(full);
            collect(sub, full, out);
        });
    }

    private static void assertHelp(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        CliRun run = CliRun.run(Map.of(), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(command + " --help: " + run.err()).isZero();
        assertThat(run.out()).as(command).contains("Usage: producer " + command);
        assertThat(run.err()).as(command).isEmpty();
    }
}
