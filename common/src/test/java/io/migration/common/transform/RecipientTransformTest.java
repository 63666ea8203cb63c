package io.migration.common.transform;

import static io.migration.common.transform.Fixtures.COMPANY;
import static io.migration.common.transform.Fixtures.OTHER_COMPANY;
import static io.migration.common.transform.Fixtures.list;
import static io.migration.common.transform.Fixtures.reject;
import static io.migration.common.transform.Fixtures.row;
import static io.migration.common.transform.Fixtures.t;
import static io.migration.common.transform.Fixtures.transformRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** R3 (row checks), R5 (recipient merge) and R6 (memberships). */
class RecipientTransformTest {

    private static final String LR = "list_recipients";
    private static final UUID A_B_CO = UUID.fromString("3f8ce75e-a1d4-5589-90d7-10b3efb88c79"); // 42:a@b.co
    private static final List<SourceList> LISTS = List.of(
            list(1),
            list(2),
            new SourceList(3, COMPANY, "deleted", t(0), t(1)),
            new SourceList(4, OTHER_COMPANY, "theirs", t(0), null),
            new SourceList(5, OTHER_COMPANY, "theirs, deleted", t(0), t(1)));

    @Test
    void rowChecksRunInTheSpecsOrder() {
        RecipientShardResult result = transformRows(
                LISTS,
                row(10, 99, null, t(0), t(0)), // missing list beats NULL email
                row(11, 4, "a@b.co", t(0), t(0)), // list of another company
                row(12, 5, "bad", t(0), t(0)), // other company's deleted list: orphan first
                row(13, 3, "bad", t(0), t(0)), // deleted beats invalid email
                row(14, 1, "bad", null, null, null, "nope", null, t(0), t(0)), // email beats status
                row(15, 1, null, t(0), t(0)),
                row(16, 1, "a@b.co", null, null, null, " Active ", null, t(0), t(0)),
                row(17, 2, " A@B.CO ", null, null, null, "\fPENDING\u000B", null, t(0), t(0)));

        assertThat(result.rejects())
                .containsExactly(
                        reject(LR, 10, RejectReason.ORPHAN_LIST),
                        reject(LR, 11, RejectReason.ORPHAN_LIST),
                        reject(LR, 12, RejectReason.ORPHAN_LIST),
                        reject(LR, 13, RejectReason.DELETED_LIST),
                        reject(LR, 14, RejectReason.INVALID_EMAIL),
                        reject(LR, 15, RejectReason.INVALID_EMAIL),
                        reject(LR, 16, RejectReason.INVALID_STATUS));
        assertThat(result.memberships())
                .containsExactly(new Membership(A_B_CO, 2, COMPANY, "pending", null, t(0), t(0)));
    }

    @Test
    void rowsSharingANormalizedEmailMergeIntoOneRecipient() {
        RecipientShardResult result = transformRows(
                LISTS,
                row(1, 1, " A@B.co", " Ann ", " \u000B ", "  ", "subscribed", null, t(5), t(10)),
                row(2, 2, "a@b.CO\f", "   ", "Old-Last", " +1 555 ", "subscribed", null, t(2), t(30)),
                row(3, 1, "a@b.co", "Annie", "Older-Last", null, "subscribed", null, t(1), t(20)));

        // first_name: latest row (2) is blank, so row 3 (t20) beats row 1 (t10); last_name from row 2.
        assertThat(result.recipients())
                .containsExactly(new Recipient(A_B_CO, COMPANY, "a@b.co", "Annie", "Old-Last", "+1 555", t(1), t(30)));
    }

    @Test
    void aColumnBlankInEveryRowIsNull() {
        RecipientShardResult result = transformRows(
                LISTS,
                row(1, 1, "a@b.co", null, "\t", " \f\r\n", "subscribed", null, t(0), t(1)),
                row(2, 2, "a@b.co", "", null, null, "subscribed", null, t(0), t(2)));
        assertThat(result.recipients())
                .containsExactly(new Recipient(A_B_CO, COMPANY, "a@b.co", null, null, null, t(0), t(2)));
    }

    @Test
    void tiesOnUpdatedAtGoToTheGreaterId() {
        RecipientShardResult result = transformRows(
                LISTS,
                row(8, 1, "a@b.co", "Eight", null, null, "subscribed", "web", t(0), t(5)),
                row(9, 1, "a@b.co", "Nine", null, null, "unsubscribed", "api", t(1), t(5)),
                row(7, 1, "a@b.co", "Seven", null, null, "bounced", "csv", t(2), t(5)));
        assertThat(result.recipients()).extracting(Recipient::firstName).containsExactly("Nine");
        assertThat(result.memberships())
                .containsExactly(new Membership(A_B_CO, 1, COMPANY, "unsubscribed", "api", t(0), t(5)));
    }

    @Test
    void nonAsciiStaysUpperAndMakesADifferentRecipient() {
        RecipientShardResult result = transformRows(
                LISTS, row(1, 1, "ÉLODIE@Example.com", t(0), t(0)), row(2, 1, "élodie@example.com", t(0), t(0)));
        assertThat(result.recipients())
                .extracting(Recipient::email)
                .containsExactly("Élodie@example.com", "élodie@example.com");
        assertThat(result.recipients())
                .extracting(Recipient::id)
                .containsExactly(
                        Ids.recipientId(COMPANY, "Élodie@example.com"), Ids.recipientId(COMPANY, "élodie@example.com"));
    }

    @Test
    void oneMembershipPerListFromTheLatestRowOnIt() {
        RecipientShardResult result = transformRows(
                LISTS,
                // Twice on list 1: the latest (row 2) has a blank source, so source is NULL there.
                row(1, 1, "a@b.co", null, null, null, "Subscribed", " import ", t(3), t(4)),
                row(2, 1, "A@b.co", null, null, null, " UNSUBSCRIBED ", " \u000B", t(6), t(8)),
                row(3, 2, "a@b.co", null, null, null, "\tbounced", "\f Web form \r", t(1), t(2)));

        assertThat(result.memberships())
                .containsExactly(
                        new Membership(A_B_CO, 1, COMPANY, "unsubscribed", null, t(3), t(8)),
                        new Membership(A_B_CO, 2, COMPANY, "bounced", "Web form", t(1), t(2)));
        assertThat(result.recipients())
                .extracting(Recipient::createdAt, Recipient::updatedAt)
                .containsExactly(Tuple.tuple(t(1), t(8)));
    }

    @Test
    void rejectedRowsDoNotContributeToTheMerge() {
        RecipientShardResult result = transformRows(
                LISTS,
                row(1, 1, "a@b.co", "Kept", null, null, "subscribed", null, t(2), t(2)),
                row(2, 3, "a@b.co", "Deleted list", null, null, "subscribed", null, t(0), t(9)),
                row(3, 1, "a@b.co", "Bad status", null, null, "gone", null, t(0), t(9)));
        assertThat(result.recipients())
                .containsExactly(new Recipient(A_B_CO, COMPANY, "a@b.co", "Kept", null, null, t(2), t(2)));
        assertThat(result.memberships()).hasSize(1);
        assertThat(result.rejects()).extracting(Reject::sourceId).containsExactly(2L, 3L);
    }

    @Test
    void recipientsAreSortedByEmail() {
        RecipientShardResult result = transformRows(
                LISTS,
                row(1, 1, "z@b.co", t(0), t(0)),
                row(2, 1, "m@b.co", t(0), t(0)),
                row(3, 2, "A@b.co", t(0), t(0)));
        assertThat(result.recipients()).extracting(Recipient::email).containsExactly("a@b.co", "m@b.co", "z@b.co");
    }

    @Test
    void aRowOfAnotherCompanyIsACallerBug() {
        SourceListRecipient theirs = new SourceListRecipient(
                1, OTHER_COMPANY, 4, "a@b.co", null, null, null, "subscribed", null, t(0), t(0));
        assertThatThrownBy(() -> transformRows(LISTS, theirs)).isInstanceOf(IllegalArgumentException.class);
    }
}
