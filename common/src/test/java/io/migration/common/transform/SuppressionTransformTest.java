package io.migration.common.transform;

import static io.migration.common.transform.Fixtures.COMPANY;
import static io.migration.common.transform.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class SuppressionTransformTest {

    private static SourceSuppression s(long id, String email, String reason, int minute) {
        return new SourceSuppression(id, COMPANY, email, reason, t(minute));
    }

    @Test
    void mergesPerNormalizedEmailKeepingTheEarliestRow() {
        SuppressionResult result = SuppressionTransform.transform(
                COMPANY,
                List.of(
                        s(1, "A@B.co", "later", 5),
                        s(2, " a@b.CO\u000B", " complaint ", 3),
                        s(3, "\fa@b.co", "same time, greater id", 3),
                        s(4, "É@x.io", "manual", 1)));

        assertThat(result.suppressions())
                .containsExactly(
                        // Reason kept exactly as stored, padding included.
                        new Suppression(COMPANY, "a@b.co", " complaint ", t(3)),
                        new Suppression(COMPANY, "É@x.io", "manual", t(1)));
        assertThat(result.rejects()).isEmpty();
    }

    @Test
    void tieOnCreatedAtGoesToTheLeastId() {
        SuppressionResult result =
                SuppressionTransform.transform(COMPANY, List.of(s(9, "a@b.co", "nine", 1), s(8, "A@b.co", "eight", 1)));
        assertThat(result.suppressions()).containsExactly(new Suppression(COMPANY, "a@b.co", "eight", t(1)));
    }

    @Test
    void invalidEmailsAreRejected() {
        SuppressionResult result = SuppressionTransform.transform(
                COMPANY,
                List.of(
                        s(1, "not-an-email", "x", 0),
                        s(2, "a b@c.co", "x", 0),
                        s(3, null, "x", 0),
                        s(4, "ok@c.co", "x", 0)));
        assertThat(result.suppressions()).containsExactly(new Suppression(COMPANY, "ok@c.co", "x", t(0)));
        assertThat(result.rejects())
                .extracting(Reject::sourceId, r -> r.reason().code(), Reject::sourceTable)
                .containsExactly(
                        Tuple.tuple(1L, "invalid_email", "suppressions"),
                        Tuple.tuple(2L, "invalid_email", "suppressions"),
                        Tuple.tuple(3L, "invalid_email", "suppressions"));
        assertThat(result.rejects()).allMatch(r -> r.companyId() == COMPANY);
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        Random random = new Random(11);
        String[] emails = {"a@b.co", " A@B.CO", "c@d.io\t", "bad", "É@x.io", "é@x.io"};
        List<SourceSuppression> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(s(i, emails[random.nextInt(emails.length)], "r" + i, random.nextInt(5)));
        }
        SuppressionResult expected = SuppressionTransform.transform(COMPANY, rows);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(rows, random);
            assertThat(SuppressionTransform.transform(COMPANY, rows)).isEqualTo(expected);
        }
        // R12: every row either merged into a suppression or rejected, never both.
        long invalid = rows.stream()
                .filter(r -> !Emails.isValid(Emails.normalize(r.email())))
                .count();
        assertThat(expected.rejects()).hasSize((int) invalid);
        assertThat(expected.suppressions())
                .extracting(Suppression::email)
                .containsExactly("a@b.co", "c@d.io", "É@x.io", "é@x.io");
    }

    @Test
    void aRowOfAnotherCompanyIsACallerBug() {
        assertThatThrownBy(() -> SuppressionTransform.transform(
                        COMPANY, List.of(new SourceSuppression(1, Fixtures.OTHER_COMPANY, "a@b.co", "x", t(0)))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
