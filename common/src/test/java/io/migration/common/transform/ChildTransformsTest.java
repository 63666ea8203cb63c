package io.migration.common.transform;

import static io.migration.common.transform.Fixtures.COMPANY;
import static io.migration.common.transform.Fixtures.list;
import static io.migration.common.transform.Fixtures.open;
import static io.migration.common.transform.Fixtures.reject;
import static io.migration.common.transform.Fixtures.row;
import static io.migration.common.transform.Fixtures.t;
import static io.migration.common.transform.Fixtures.transform;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R7 (attributes), R8 (tags), R9 (activity) and R10 (children of rejected or missing rows). */
class ChildTransformsTest {

    private static final UUID A = Ids.recipientId(COMPANY, "a@b.co");
    private static final List<SourceList> LISTS = List.of(list(1), list(2), list(3));
    // Row 1 is older than row 2; row 3 ties row 2 on updated_at but has the greater id, so 3 > 2 > 1.
    private static final List<SourceListRecipient> ROWS = List.of(
            row(1, 1, "a@b.co", t(0), t(1)),
            row(2, 2, "A@B.CO", t(0), t(5)),
            row(3, 3, " a@b.co", t(0), t(5)),
            row(4, 1, "broken", t(0), t(9)));

    private static RecipientShardResult fields(SourceField... fields) {
        return transform(LISTS, ROWS, List.of(fields), List.of(), List.of());
    }

    @Test
    void fieldNamesAreTrimmedAndLoweredAndTheLatestParentWins() {
        RecipientShardResult result = fields(
                new SourceField(10, 1, "City", "Oldtown"),
                new SourceField(11, 2, " CITY\t", "Midtown"),
                new SourceField(12, 3, "city", " Newtown "), // parent 3 is latest; value kept as stored
                new SourceField(13, 1, "\u000BZip\f", "")); // empty value is not NULL
        assertThat(result.attributes())
                .containsExactly(new Attribute(A, COMPANY, "city", " Newtown "), new Attribute(A, COMPANY, "zip", ""));
        assertThat(result.rejects()).extracting(Reject::sourceTable).containsOnly("list_recipients");
    }

    @Test
    void parentRecencyBeatsFieldIdAndFieldIdBreaksTiesWithinOneParent() {
        RecipientShardResult result = fields(
                new SourceField(50, 1, "plan", "old parent, big id"),
                new SourceField(20, 3, "plan", "latest parent, small id"),
                new SourceField(21, 3, "PLAN", "latest parent, greater id"),
                new SourceField(30, 2, "Plan", "middle parent"));
        assertThat(result.attributes()).containsExactly(new Attribute(A, COMPANY, "plan", "latest parent, greater id"));
    }

    @Test
    void blankNamesAndNullValuesAreRejectedAndTakeNoPartInTheChoice() {
        RecipientShardResult result = fields(
                new SourceField(10, 1, "city", "Oldtown"),
                new SourceField(11, 3, "city", null), // NULL on the latest parent: rejected
                new SourceField(12, 3, " \f\u000B", "x"), // name only white space
                new SourceField(13, 3, "", null)); // blank name is checked before NULL value
        assertThat(result.attributes()).containsExactly(new Attribute(A, COMPANY, "city", "Oldtown"));
        assertThat(result.rejects())
                .filteredOn(r -> r.sourceTable().equals("list_recipient_fields"))
                .containsExactly(
                        reject("list_recipient_fields", 11, RejectReason.NULL_VALUE),
                        reject("list_recipient_fields", 12, RejectReason.BLANK_FIELD_NAME),
                        reject("list_recipient_fields", 13, RejectReason.BLANK_FIELD_NAME));
    }

    @Test
    void tagsAreNormalizedAndDeduplicatedPerRecipient() {
        RecipientShardResult result = transform(
                LISTS,
                ROWS,
                List.of(),
                List.of(
                        new SourceTag(1, 1, "VIP"),
                        new SourceTag(2, 2, " vip\u000B"),
                        new SourceTag(3, 3, "Vip"),
                        new SourceTag(4, 1, "Éte"),
                        new SourceTag(5, 2, " \t "),
                        new SourceTag(6, 3, "")),
                List.of());
        assertThat(result.tags()).containsExactly(new Tag(A, COMPANY, "vip"), new Tag(A, COMPANY, "Éte"));
        assertThat(result.rejects())
                .filteredOn(r -> r.sourceTable().equals("recipient_tags"))
                .containsExactly(
                        reject("recipient_tags", 5, RejectReason.BLANK_TAG),
                        reject("recipient_tags", 6, RejectReason.BLANK_TAG));
    }

    @Test
    void eachEventBecomesOneActivityWithItsParentsList() {
        RecipientShardResult result = transform(
                LISTS,
                ROWS,
                List.of(),
                List.of(),
                List.of(
                        open(123, 2, "Mozilla/5.0 \"x\""),
                        open(124, 1, null),
                        new SourceEvent(ActivityKind.CLICK, 5, 3, 8L, t(4), null, "https://e.x/?a=1&b=é", null, null),
                        new SourceEvent(ActivityKind.BOUNCE, 6, 1, null, t(5), null, null, "hard", "mailbox full"),
                        new SourceEvent(ActivityKind.BOUNCE, 7, 1, 9L, t(6), null, null, "soft", null),
                        new SourceEvent(ActivityKind.UNSUBSCRIBE, 8, 2, null, t(7), null, null, null, null),
                        new SourceEvent(ActivityKind.UNSUBSCRIBE, 9, 2, 3L, t(8), null, null, null, "too many")));

        assertThat(result.activities())
                .containsExactlyInAnyOrder(
                        new Activity(
                                UUID.fromString("0a77b607-de62-5a1b-a7f6-b4defbbca8f8"),
                                A,
                                COMPANY,
                                2,
                                "open",
                                7L,
                                t(9),
                                "{\"user_agent\":\"Mozilla/5.0 \\\"x\\\"\"}"),
                        new Activity(Ids.activityId(ActivityKind.OPEN, 124), A, COMPANY, 1, "open", 7L, t(9), "{}"),
                        new Activity(
                                Ids.activityId(ActivityKind.CLICK, 5),
                                A,
                                COMPANY,
                                3,
                                "click",
                                8L,
                                t(4),
                                "{\"url\":\"https://e.x/?a=1&b=é\"}"),
                        new Activity(
                                Ids.activityId(ActivityKind.BOUNCE, 6),
                                A,
                                COMPANY,
                                1,
                                "bounce",
                                null,
                                t(5),
                                "{\"type\":\"hard\",\"reason\":\"mailbox full\"}"),
                        new Activity(
                                Ids.activityId(ActivityKind.BOUNCE, 7),
                                A,
                                COMPANY,
                                1,
                                "bounce",
                                9L,
                                t(6),
                                "{\"type\":\"soft\"}"),
                        new Activity(
                                Ids.activityId(ActivityKind.UNSUBSCRIBE, 8),
                                A,
                                COMPANY,
                                2,
                                "unsubscribe",
                                null,
                                t(7),
                                "{}"),
                        new Activity(
                                Ids.activityId(ActivityKind.UNSUBSCRIBE, 9),
                                A,
                                COMPANY,
                                2,
                                "unsubscribe",
                                3L,
                                t(8),
                                "{\"reason\":\"too many\"}"));
        assertThat(result.activities()).isSortedAccordingTo(Comparator.comparing(Activity::id));
    }

    @Test
    void childrenOfRejectedRowsAreParentRejectedBeforeTheirOwnChecks() {
        RecipientShardResult result = transform(
                LISTS,
                ROWS,
                List.of(new SourceField(1, 4, " ", null), new SourceField(2, 4, "ok", "ok")),
                List.of(new SourceTag(1, 4, "  "), new SourceTag(2, 4, "vip")),
                List.of(
                        open(1, 4, "ua"),
                        new SourceEvent(ActivityKind.BOUNCE, 2, 4, null, t(0), null, null, "h", null)));
        assertThat(result.attributes()).isEmpty();
        assertThat(result.tags()).isEmpty();
        assertThat(result.activities()).isEmpty();
        assertThat(result.rejects())
                .containsExactly(
                        reject("list_recipient_fields", 1, RejectReason.PARENT_REJECTED),
                        reject("list_recipient_fields", 2, RejectReason.PARENT_REJECTED),
                        reject("list_recipients", 4, RejectReason.INVALID_EMAIL),
                        reject("recipient_bounces", 2, RejectReason.PARENT_REJECTED),
                        reject("recipient_opens", 1, RejectReason.PARENT_REJECTED),
                        reject("recipient_tags", 1, RejectReason.PARENT_REJECTED),
                        reject("recipient_tags", 2, RejectReason.PARENT_REJECTED));
    }

    @Test
    void childrenOfMissingRowsAreOrphansOfNoCompany() {
        RecipientShardResult result = transform(
                LISTS,
                ROWS,
                List.of(new SourceField(1, 999, "city", "x")),
                List.of(new SourceTag(1, 999, "vip")),
                List.of(new SourceEvent(ActivityKind.CLICK, 1, 999, 1L, t(0), null, "u", null, null)));
        assertThat(result.rejects())
                .filteredOn(r -> r.reason() == RejectReason.ORPHAN_RECIPIENT)
                .containsExactly(
                        new Reject(null, "list_recipient_fields", 1, RejectReason.ORPHAN_RECIPIENT),
                        new Reject(null, "recipient_clicks", 1, RejectReason.ORPHAN_RECIPIENT),
                        new Reject(null, "recipient_tags", 1, RejectReason.ORPHAN_RECIPIENT));
        assertThat(Orphans.reject("recipient_opens", 5))
                .isEqualTo(new Reject(null, "recipient_opens", 5, RejectReason.ORPHAN_RECIPIENT));
    }

    @Test
    void childrenOfDifferentRecipientsStaySeparate() {
        UUID other = Ids.recipientId(COMPANY, "o@b.co");
        RecipientShardResult result = transform(
                LISTS,
                List.of(row(1, 1, "a@b.co", t(0), t(1)), row(2, 1, "o@b.co", t(0), t(9))),
                List.of(new SourceField(1, 1, "city", "A-town"), new SourceField(2, 2, "city", "O-town")),
                List.of(new SourceTag(1, 1, "vip"), new SourceTag(2, 2, "VIP")),
                List.of());
        assertThat(result.attributes())
                .containsExactlyInAnyOrder(
                        new Attribute(A, COMPANY, "city", "A-town"), new Attribute(other, COMPANY, "city", "O-town"));
        assertThat(result.tags()).containsExactlyInAnyOrder(new Tag(A, COMPANY, "vip"), new Tag(other, COMPANY, "vip"));
    }
}
