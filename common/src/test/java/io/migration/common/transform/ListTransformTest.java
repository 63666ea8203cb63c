package io.migration.common.transform;

import static io.migration.common.transform.Fixtures.COMPANY;
import static io.migration.common.transform.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListTransformTest {

    @Test
    void liveListsMigrateAsIsAndDeletedOnesAreRejected() {
        ListResult result = ListTransform.transform(
                COMPANY,
                List.of(
                        new SourceList(3, COMPANY, "  Newsletter ", t(1), null),
                        new SourceList(1, COMPANY, "Old", t(0), t(5)),
                        new SourceList(2, COMPANY, "Promo", t(2), null)));

        assertThat(result.lists())
                .containsExactly(
                        new TargetList(2, COMPANY, "Promo", t(2)), new TargetList(3, COMPANY, "  Newsletter ", t(1)));
        assertThat(result.rejects()).containsExactly(new Reject(COMPANY, "lists", 1, RejectReason.DELETED_LIST));
    }

    @Test
    void noListsGiveAnEmptyResult() {
        ListResult result = ListTransform.transform(COMPANY, List.of());
        assertThat(result.lists()).isEmpty();
        assertThat(result.rejects()).isEmpty();
    }

    @Test
    void aListOfAnotherCompanyIsACallerBug() {
        assertThatThrownBy(() -> ListTransform.transform(
                        COMPANY, List.of(new SourceList(1, Fixtures.OTHER_COMPANY, "x", t(0), null))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
