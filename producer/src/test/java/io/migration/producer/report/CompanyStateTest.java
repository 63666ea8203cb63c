package io.migration.producer.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyStateTest {

    @Test
    void statesAreNamedWithDashesSpacesOrUnderscores() {
        assertThat(CompanyState.named("dry-run-passed")).contains(CompanyState.DRY_RUN_PASSED);
        assertThat(CompanyState.named("Dry run passed")).contains(CompanyState.DRY_RUN_PASSED);
        assertThat(CompanyState.named("never_tried")).contains(CompanyState.NEVER_TRIED);
        assertThat(CompanyState.named("done")).isEmpty();
        assertThat(CompanyState.names()).startsWith("never-tried, dry-run-running, dry-run-passed");
    }
}
