package io.migration.producer.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutoverSettingsTest {

    @ParameterizedTest(name = "{0} -> {1} ms")
    @CsvSource({
        "30, 30000",
        "30s, 30000",
        "30 seconds, 30000",
        "500ms, 500",
        "2 minutes, 120000",
        "1h, 3600000",
        "PT45S, 45000",
        "pt1m, 60000",
        "7d, 604800000"
    })
    void readsDurationsAsOperatorsWriteThem(String value, long millis) {
        assertThat(CutoverSettings.parse("X", value, "s")).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"soon", "0", "-5s", "10 fortnights", "PTx"})
    void refusesWhatIsNotAPositiveDurationNamingTheVariable(String value) {
        assertThatThrownBy(() -> CutoverSettings.parse("CUTOVER_HOOK_TIMEOUT", value, "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CUTOVER_HOOK_TIMEOUT");
    }

    @Test
    void defaultsAndMissingHooks() {
        CutoverSettings s = CutoverSettings.fromEnvironment(Map.of("CUTOVER_FREEZE_HOOK", "f"));
        assertThat(s.hookTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.rollbackWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(s.maxFrozen()).isEqualTo(1);
        assertThat(s.missingCutoverHooks())
                .contains("CUTOVER_UNFREEZE_HOOK", "CUTOVER_SWITCH_HOOK")
                .doesNotContain("CUTOVER_FREEZE_HOOK ");
        assertThat(CutoverSettings.fromEnvironment(Map.of(
                                "CUTOVER_FREEZE_HOOK", "f", "CUTOVER_UNFREEZE_HOOK", "u", "CUTOVER_SWITCH_HOOK", "s"))
                        .missingCutoverHooks())
                .isNull();
        assertThatThrownBy(() -> CutoverSettings.fromEnvironment(Map.of("CUTOVER_MAX_FROZEN", "0")))
                .hasMessageContaining("CUTOVER_MAX_FROZEN");
    }
}
