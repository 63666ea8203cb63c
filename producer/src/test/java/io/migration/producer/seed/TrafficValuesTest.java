package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.transform.Emails;
import io.migration.common.transform.Statuses;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficValuesTest {

    private final TrafficValues values = new TrafficValues(new Rng(3, 1_000, 0));

    @Test
    void newEmailsAreDistinctPeopleAndAFewAreInvalid() {
        int n = 20_000;
        Set<String> valid = new HashSet<>();
        int invalid = 0;
        int odd = 0;
        for (long id = 1; id <= n; id++) {
            String email = values.newEmail(id);
            String normalized = Emails.normalize(email);
            if (Emails.isValid(normalized)) {
                assertThat(valid.add(normalized)).as(email).isTrue();
                odd += normalized.equals(email) ? 0 : 1;
            } else {
                invalid++;
                assertThat(email == null || email.contains(Long.toString(id)))
                        .as(email)
                        .isTrue();
            }
        }
        assertThat(invalid / (double) n).isBetween(0.02, 0.06);
        assertThat(odd / (double) n).isBetween(0.05, 0.3);
    }

    @Test
    void aRespelledEmailIsTheSameRecipientWrittenOtherwise() {
        for (long id = 1; id <= 2_000; id++) {
            String email = values.newEmail(id);
            if (email == null) {
                continue;
            }
            String respelled = values.respelled(email);
            assertThat(respelled).isNotEqualTo(email);
            assertThat(Emails.normalize(respelled)).isEqualTo(Emails.normalize(email));
        }
        assertThat(values.respelled("ANNA@EXÄMPLE.COM"))
                .isNotEqualTo("ANNA@EXÄMPLE.COM")
                .satisfies(e -> assertThat(Emails.normalize(e)).isEqualTo("anna@exÄmple.com"));
    }

    @Test
    void namesAndStatusesAreMostlyCleanWithSomeDirt() {
        int n = 20_000;
        int blankNames = 0;
        int invalidStatuses = 0;
        int oddStatuses = 0;
        for (int i = 0; i < n; i++) {
            String first = values.firstName();
            blankNames += first == null || first.isBlank() ? 1 : 0;
            String status = values.status();
            if (Statuses.normalize(status) == null) {
                invalidStatuses++;
            } else if (!status.equals(Statuses.normalize(status))) {
                oddStatuses++;
            }
        }
        assertThat(blankNames / (double) n).isBetween(0.02, 0.06);
        assertThat(invalidStatuses / (double) n).isBetween(0.01, 0.04);
        assertThat(oddStatuses / (double) n).isBetween(0.05, 0.2);
    }

    @Test
    void fieldsAndTagsAreSometimesBlankOrNull() {
        int n = 20_000;
        int nullValues = 0;
        int blankTags = 0;
        for (int i = 0; i < n; i++) {
            nullValues += values.fieldValue() == null ? 1 : 0;
            String tag = values.tag();
            blankTags += tag == null || tag.isBlank() ? 1 : 0;
        }
        assertThat(nullValues / (double) n).isBetween(0.02, 0.06);
        assertThat(blankTags / (double) n).isBetween(0.02, 0.06);
    }
}
