package io.migration.producer.enqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.message.RunMode;
import io.migration.producer.enqueue.RunReuse.Recorded;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReuseTest {

    private static final Recorded TWO_COMPANIES = new Recorded("migrate", "companies [1, 2]", 3000, List.of(1L, 2L));
    private static final Recorded ALL = new Recorded("migrate", "all", 3000, null);

    @Test
    void theSameRequestIsARepeat() {
        assertThat(RunReuse.difference(
                        "r1", TWO_COMPANIES, RunMode.MIGRATE, CompanySelection.of(List.of(2L, 1L)), 3000))
                .isEmpty();
        assertThat(RunReuse.difference(
                        "r1", TWO_COMPANIES, RunMode.MIGRATE, CompanySelection.of(List.of(1L, 2L)), null))
                .isEmpty();
        assertThat(RunReuse.difference("r1", ALL, RunMode.MIGRATE, CompanySelection.everyCompany(), null))
                .isEmpty();
    }

    @Test
    void aDifferentShardSizeIsRefusedNamingBoth() {
        assertThat(RunReuse.difference(
                        "r1", TWO_COMPANIES, RunMode.MIGRATE, CompanySelection.of(List.of(1L, 2L)), 7000))
                .hasValue("run r1 was planned with --shard-rows 3000, not 7000; use a new --run-id");
    }

    @Test
    void aDifferentSelectionIsRefused() {
        assertThat(RunReuse.difference(
                        "r1", TWO_COMPANIES, RunMode.MIGRATE, CompanySelection.of(List.of(1L, 3L)), null))
                .hasValue("run r1 was planned over companies [1, 2], not companies [1, 3]; use a new --run-id");
        assertThat(RunReuse.difference("r1", TWO_COMPANIES, RunMode.MIGRATE, CompanySelection.everyCompany(), null))
                .hasValue("run r1 was planned over companies [1, 2], not all; use a new --run-id");
        assertThat(RunReuse.difference("r1", ALL, RunMode.MIGRATE, CompanySelection.of(List.of(1L)), null))
                .isPresent();
    }

    @Test
    void aDifferentModeIsRefused() {
        assertThat(RunReuse.difference("r1", ALL, RunMode.DRY_RUN, CompanySelection.everyCompany(), null))
                .hasValue("run r1 was planned with --mode migrate, not dry-run; use a new --run-id");
    }
}
