package io.migration.producer.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReadinessPolicyTest {

    private static DryRunFigures finished(long read, Map<String, Long> rejects) {
        return new DryRunFigures(3, 3, 0, read, new TreeMap<>(rejects), null);
    }

    @Test
    void aCleanCompanyPassesTheDefaults() {
        Verdict verdict = ReadinessPolicy.defaults().judge(finished(10_000, Map.of("invalid_email", 50L)));
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.label()).isEqualTo("PASS");
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void moreRejectsThanTheDefaultHalfPercentFail() {
        Verdict verdict = ReadinessPolicy.defaults().judge(finished(10_000, Map.of("invalid_email", 51L)));
        assertThat(verdict.label()).isEqualTo("FAIL");
        assertThat(verdict.reasons()).containsExactly("0.51 % of rows rejected (51 of 10000 read; max 0.5 %)");
    }

    @Test
    void anAllInvalidEmailCompanyFailsAtOneHundredPercent() {
        Verdict verdict =
                ReadinessPolicy.defaults().judge(finished(30, Map.of("invalid_email", 20L, "parent_rejected", 10L)));
        assertThat(verdict.reasons()).containsExactly("100.00 % of rows rejected (30 of 30 read; max 0.5 %)");
    }

    @Test
    void aForbiddenReasonFailsEvenBelowThePercentage() {
        ReadinessPolicy policy = ReadinessPolicy.of(0.5, null, List.of("orphan_list"));
        Verdict verdict = policy.judge(finished(10_000, Map.of("orphan_list", 2L, "invalid_email", 1L)));
        assertThat(verdict.reasons()).containsExactly("2 reject(s) of reason orphan_list (not allowed)");
        assertThat(policy.judge(finished(10_000, Map.of("invalid_email", 1L))).passed())
                .isTrue();
    }

    @Test
    void aLimitOnTheNumberOfRejects() {
        ReadinessPolicy policy = ReadinessPolicy.of(100, 5L, List.of());
        assertThat(policy.judge(finished(100, Map.of("blank_tag", 5L))).passed())
                .isTrue();
        assertThat(policy.judge(finished(100, Map.of("blank_tag", 6L))).reasons())
                .containsExactly("6 rows rejected (max 5)");
    }

    @Test
    void deadAndUnfinishedTasksFailWithEveryReason() {
        DryRunFigures figures = new DryRunFigures(
                5, 2, 1, 100, new TreeMap<>(Map.of("invalid_status", 3L)), "recipients/2: could not\n serialize");
        assertThat(ReadinessPolicy.defaults().judge(figures).reasons())
                .containsExactly(
                        "1 of 5 task(s) dead-lettered or failed (recipients/2: could not serialize)",
                        "incomplete: 2 of 5 task(s) not finished",
                        "3.00 % of rows rejected (3 of 100 read; max 0.5 %)");
    }

    @Test
    void anEmptyCompanyPassesButACompanyWithoutTasksFails() {
        assertThat(ReadinessPolicy.defaults().judge(finished(0, Map.of())).passed())
                .isTrue();
        assertThat(ReadinessPolicy.defaults()
                        .judge(new DryRunFigures(0, 0, 0, 0, new TreeMap<>(), null))
                        .reasons())
                .containsExactly("no task of this company in the run");
    }

    @Test
    void thePolicyRoundTripsThroughItsRecordedJson() {
        ReadinessPolicy policy = ReadinessPolicy.of(1.25, 7L, List.of("null_value", "blank_tag"));
        assertThat(policy.toJson())
                .isEqualTo(
                        "{\"max_reject_percent\":1.25,\"max_rejects\":7,\"fail_on_reasons\":[\"blank_tag\",\"null_value\"]}");
        assertThat(ReadinessPolicy.fromJson(policy.toJson())).isEqualTo(policy);
        assertThat(ReadinessPolicy.fromJson(null)).isEqualTo(ReadinessPolicy.defaults());
        assertThat(policy.describe())
                .isEqualTo("at most 1.25 % of rows rejected, at most 7 rejects, no reject of blank_tag, null_value");
    }

    @Test
    void badThresholdsAreRefusedWithTheKnownReasons() {
        assertThatThrownBy(() -> ReadinessPolicy.of(101, null, List.of())).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> ReadinessPolicy.of(1, -1L, List.of())).hasMessageContaining("negative");
        assertThatThrownBy(() -> ReadinessPolicy.of(1, null, List.of("typo")))
                .hasMessage(
                        "unknown reject reason typo (known: invalid_email, deleted_list, orphan_list, invalid_status,"
                                + " blank_field_name, null_value, blank_tag, parent_rejected, orphan_recipient)");
    }
}
