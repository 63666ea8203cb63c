package io.migration.common.transform;

import static io.migration.common.transform.Fixtures.COMPANY;
import static io.migration.common.transform.Fixtures.list;
import static io.migration.common.transform.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.copy.PgTime;
import io.migration.common.shard.Buckets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the worker takes from {@link RecipientShard} beyond the rule results RecipientTransform's
 * tests check: the per-table accounting (R12), the bucket each reject is filed under (R13), and the
 * order rows come out in (the target's index order).
 */
class RecipientShardTest {

    private static final Map<Long, SourceList> LISTS =
            Map.of(1L, list(1), 2L, list(2), 3L, new SourceList(3, COMPANY, "deleted", t(0), t(1)));

    @Test
    void everyRowReadIsCountedAsContributedOrRejectedOnce() {
        RecipientShard shard = new RecipientShard(COMPANY, LISTS);
        row(shard, 1, 1, "a@b.co", 1);
        row(shard, 2, 2, " A@B.CO ", 2); // merges into a@b.co
        row(shard, 3, 3, "c@d.co", 3); // deleted list
        row(shard, 4, 9, "e@f.co", 4); // orphan list
        shard.field(10, 1, "City", utf8("Old"));
        shard.field(11, 2, "city", utf8("New")); // merged away: still contributes
        shard.field(12, 1, " ", utf8("x")); // blank name
        shard.field(13, 1, "zip", null); // null value
        shard.field(14, 3, "city", utf8("x")); // parent rejected
        shard.tag(20, 1, "VIP");
        shard.tag(21, 2, " vip"); // duplicate after normalization: contributes
        shard.tag(22, 4, "x"); // parent rejected
        shard.event(ActivityKind.OPEN, 30, 1, true, 7, 0, utf8("ua"), null);
        shard.event(ActivityKind.BOUNCE, 31, 3, false, 0, 0, utf8("hard"), null);

        assertThat(shard.contributedByTable())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "list_recipients",
                        2L,
                        "list_recipient_fields",
                        2L,
                        "recipient_tags",
                        2L,
                        "recipient_opens",
                        1L));
        assertThat(shard.rejects().countByTable())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "list_recipients",
                        2L,
                        "list_recipient_fields",
                        3L,
                        "recipient_tags",
                        1L,
                        "recipient_bounces",
                        1L));
        assertThat(shard.recipientCount()).isEqualTo(1);
        assertThat(shard.activityCount()).isEqualTo(1);
    }

    @Test
    void rejectsAreFiledUnderTheBucketOfTheirRowsEmailAndChildrenUnderTheirParents() {
        RecipientShard shard = new RecipientShard(COMPANY, LISTS);
        row(shard, 1, 1, "  Kept@Example.org", 1);
        row(shard, 2, 3, "Gone@Example.org ", 2); // deleted list
        row(shard, 3, 1, null, 3); // invalid email, NULL: bucket 0
        shard.field(10, 1, "", utf8("x"));
        shard.tag(11, 2, "vip");
        shard.event(ActivityKind.CLICK, 12, 3, true, 1, 0, utf8("u"), null);
        Map<Long, Integer> buckets = new HashMap<>();
        RejectBuffer rejects = shard.rejects();
        for (int i = 0; i < rejects.size(); i++) {
            buckets.put(rejects.sourceId(i), rejects.bucket(i));
        }
        assertThat(buckets)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        10L,
                        Buckets.of("kept@example.org"),
                        2L,
                        Buckets.of("gone@example.org"),
                        11L,
                        Buckets.of("gone@example.org"),
                        3L,
                        0,
                        12L,
                        0));
        assertThat(shard.hasRow(2)).isTrue();
        assertThat(shard.hasRow(99)).isFalse();
    }

    @Test
    void rowsComeOutInTheOrderOfTheirTargetIndexes() {
        RecipientShard shard = new RecipientShard(COMPANY, LISTS);
        Random random = new Random(9);
        for (int i = 1; i <= 2_000; i++) {
            row(shard, i, 1 + random.nextInt(2), "p" + random.nextInt(700) + "@x.io", i);
        }
        for (int i = 1; i <= 3_000; i++) {
            shard.tag(i, 1 + random.nextInt(2_000), "t" + random.nextInt(5));
            shard.event(ActivityKind.OPEN, i, 1 + random.nextInt(2_000), true, 1, i, null, null);
        }
        List<long[]> memberships = new ArrayList<>();
        shard.memberships(
                (hi, lo, listId, status, source, joined, updated) -> memberships.add(new long[] {hi, listId}));
        for (int i = 1; i < memberships.size(); i++) {
            long[] a = memberships.get(i - 1);
            long[] b = memberships.get(i);
            int byRecipient = Long.compareUnsigned(a[0] >>> 24, b[0] >>> 24);
            assertThat(byRecipient < 0 || byRecipient == 0 && (a[0] != b[0] || a[1] < b[1]))
                    .as("memberships by unsigned recipient id, then list")
                    .isTrue();
        }
        List<Long> activityIds = new ArrayList<>();
        shard.activities(
                (hi,
                        lo,
                        rHi,
                        rLo,
                        listId,
                        kind,
                        hasCampaign,
                        campaign,
                        occurred,
                        details,
                        firstAt,
                        firstLength,
                        secondAt,
                        secondLength) -> activityIds.add(hi >>> 24));
        assertThat(activityIds).hasSize(3_000).isSortedAccordingTo(Long::compareUnsigned);
        List<String> emails = new ArrayList<>();
        shard.recipients((hi, lo, email, first, last, phone, created, updated, bucket) -> emails.add(email));
        assertThat(emails)
                .isSortedAccordingTo((a, b) -> Long.compareUnsigned(UuidOrder.textKey(a), UuidOrder.textKey(b)));
    }

    private static void row(RecipientShard shard, long id, long listId, String email, int minute) {
        shard.row(
                id,
                COMPANY,
                listId,
                email,
                null,
                null,
                null,
                "subscribed",
                null,
                PgTime.micros(t(0)),
                PgTime.micros(t(minute)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
