package io.migration.producer.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class PolicyOptionsTest {

    @Command(name = "test")
    static final class WithPolicy {
        @Mixin
        PolicyOptions policy;
    }

    private static PolicyOptions parse(String... args) {
        WithPolicy command = new WithPolicy();
        new CommandLine(command).parseArgs(args);
        return command.policy;
    }

    @Test
    void optionsWinOverTheEnvironmentWhichWinsOverTheDefaults() {
        Map<String, String> env = Map.of(
                PolicyOptions.ENV_MAX_REJECT_PERCENT,
                "2",
                PolicyOptions.ENV_MAX_REJECTS,
                "9",
                PolicyOptions.ENV_FAIL_ON_REASONS,
                "invalid_email, blank_tag");
        assertThat(parse().forNewDryRun(Map.of())).isEqualTo(ReadinessPolicy.defaults());
        assertThat(parse().forNewDryRun(env))
                .isEqualTo(ReadinessPolicy.of(2, 9L, List.of("blank_tag", "invalid_email")));
        assertThat(parse("--max-reject-percent", "0.1", "--fail-on-reason", "null_value")
                        .forNewDryRun(env))
                .isEqualTo(ReadinessPolicy.of(0.1, 9L, List.of("null_value")));
    }

    @Test
    void reportOptionsReplaceOnlyTheGivenRecordedThresholds() {
        ReadinessPolicy recorded = ReadinessPolicy.of(0.5, 3L, List.of("orphan_list"));
        assertThat(parse().over(recorded)).isEqualTo(recorded);
        assertThat(parse("--max-reject-percent", "5").over(recorded))
                .isEqualTo(ReadinessPolicy.of(5, 3L, List.of("orphan_list")));
    }

    @Test
    void badValuesAreUsageErrorsNamingTheSetting() {
        assertThatThrownBy(() -> parse().forNewDryRun(Map.of(PolicyOptions.ENV_MAX_REJECT_PERCENT, "lots")))
                .isInstanceOf(ParameterException.class)
                .hasMessage("READINESS_MAX_REJECT_PERCENT must be a number: lots");
        assertThatThrownBy(() -> parse("--fail-on-reason", "nope").forNewDryRun(Map.of()))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("unknown reject reason nope");
    }
}
