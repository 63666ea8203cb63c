package io.migration.common.transform;

import static io.migration.common.transform.Fixtures.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties over seeded random dirty input: order independence, shard independence, R12. */
class RecipientTransformPropertiesTest {

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void resultDoesNotDependOnInputOrder(long seed) {
        DirtyData data = DirtyData.generate(seed, 150);
        RecipientShardResult expected = RecipientTransform.transform(data.input());
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            RecipientShardInput shuffled = Fixtures.input(
                    shuffled(data.lists(), random),
                    shuffled(data.rows(), random),
                    shuffled(data.fields(), random),
                    shuffled(data.tags(), random),
                    shuffled(data.events(), random));
            assertThat(RecipientTransform.transform(shuffled)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shardsSplitByNormalizedEmailGiveTheUnionOfTheWhole(long seed) {
        DirtyData data = DirtyData.generate(seed, 150);
        Random random = new Random(seed);
        int shardCount = 1 + random.nextInt(5);
        // Every row of one normalized email (NULL included) goes to the same random shard.
        Map<String, Integer> shardOfEmail = new HashMap<>();
        Map<Long, Integer> shardOfRow = new HashMap<>();
        for (SourceListRecipient row : data.rows()) {
            String key = String.valueOf(Emails.normalize(row.email()));
            shardOfRow.put(row.id(), shardOfEmail.computeIfAbsent(key, k -> random.nextInt(shardCount)));
        }
        // Orphan children have no parent's shard: any shard will do.
        Function<Long, Integer> shardOfChild = parent -> shardOfRow.getOrDefault(parent, (int) (parent % shardCount));

        List<RecipientShardResult> parts = new ArrayList<>();
        for (int shard = 0; shard < shardCount; shard++) {
            int s = shard;
            parts.add(RecipientTransform.transform(Fixtures.input(
                    data.lists(),
                    filter(data.rows(), r -> shardOfRow.get(r.id()) == s),
                    filter(data.fields(), f -> shardOfChild.apply(f.listRecipientId()) == s),
                    filter(data.tags(), t -> shardOfChild.apply(t.listRecipientId()) == s),
                    filter(data.events(), e -> shardOfChild.apply(e.listRecipientId()) == s))));
        }
        RecipientShardResult whole = RecipientTransform.transform(data.input());
        assertThat(union(parts, RecipientShardResult::recipients))
                .containsExactlyInAnyOrderElementsOf(whole.recipients());
        assertThat(union(parts, RecipientShardResult::memberships))
                .containsExactlyInAnyOrderElementsOf(whole.memberships());
        assertThat(union(parts, RecipientShardResult::attributes))
                .containsExactlyInAnyOrderElementsOf(whole.attributes());
        assertThat(union(parts, RecipientShardResult::tags)).containsExactlyInAnyOrderElementsOf(whole.tags());
        assertThat(union(parts, RecipientShardResult::activities))
                .containsExactlyInAnyOrderElementsOf(whole.activities());
        assertThat(union(parts, RecipientShardResult::rejects)).containsExactlyInAnyOrderElementsOf(whole.rejects());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyRowContributesOrIsRejectedExactlyOnce(long seed) {
        DirtyData data = DirtyData.generate(seed, 150);
        RecipientShardResult result = RecipientTransform.transform(data.input());
        Map<String, Set<Long>> rejected = new HashMap<>();
        for (Reject reject : result.rejects()) {
            assertThat(rejected.computeIfAbsent(reject.sourceTable(), k -> new HashSet<>())
                            .add(reject.sourceId()))
                    .as("one reason only for %s", reject)
                    .isTrue();
        }
        Map<Long, SourceListRecipient> rowsById =
                data.rows().stream().collect(Collectors.toMap(SourceListRecipient::id, Function.identity()));
        Function<Long, UUID> recipientOf = parent ->
                Ids.recipientId(COMPANY, Emails.normalize(rowsById.get(parent).email()));

        // "Contributes" is checked against the output itself, independently of the reject list.
        Set<List<Object>> memberships = keys(result.memberships(), m -> List.of(m.recipientId(), m.listId()));
        Set<List<Object>> attributes = keys(result.attributes(), a -> List.of(a.recipientId(), a.name()));
        Set<List<Object>> tags = keys(result.tags(), t -> List.of(t.recipientId(), t.tag()));
        Set<List<Object>> activities = keys(result.activities(), a -> List.of(a.id()));

        account(
                data.rows(),
                "list_recipients",
                SourceListRecipient::id,
                rejected,
                r -> memberships.contains(List.of(Ids.recipientId(COMPANY, Emails.normalize(r.email())), r.listId())));
        account(
                data.fields(),
                "list_recipient_fields",
                SourceField::id,
                rejected,
                f -> attributes.contains(
                        List.of(recipientOf.apply(f.listRecipientId()), Text.lower(Text.trim(f.name())))));
        account(
                data.tags(),
                "recipient_tags",
                SourceTag::id,
                rejected,
                t -> tags.contains(List.of(recipientOf.apply(t.listRecipientId()), Text.lower(Text.trim(t.tag())))));
        for (ActivityKind kind : ActivityKind.values()) {
            account(
                    filter(data.events(), e -> e.kind() == kind),
                    kind.sourceTable(),
                    SourceEvent::id,
                    rejected,
                    e -> activities.contains(List.of(Ids.activityId(kind, e.id()))));
        }
        assertThat(rejected.keySet())
                .containsOnly(
                        "list_recipients",
                        "list_recipient_fields",
                        "recipient_tags",
                        "recipient_opens",
                        "recipient_clicks",
                        "recipient_bounces",
                        "recipient_unsubscribes");
    }

    @Test
    void theGeneratorIsDirtyEnoughToHitEveryRecipientReason() {
        Set<RejectReason> seen = EnumSet.noneOf(RejectReason.class);
        seeds().forEach(seed -> RecipientTransform.transform(
                        DirtyData.generate(seed, 150).input())
                .rejects()
                .forEach(r -> seen.add(r.reason())));
        assertThat(seen).containsExactlyInAnyOrder(RejectReason.values());
    }

    /** R12 for one table: rejected rows + rows found in the output = all rows, and rejects are its rows. */
    private static <T> void account(
            List<T> rows,
            String table,
            Function<T, Long> id,
            Map<String, Set<Long>> rejected,
            Predicate<T> contributes) {
        Set<Long> rejectedIds = rejected.getOrDefault(table, Set.of());
        Set<Long> ids = rows.stream().map(id).collect(Collectors.toSet());
        assertThat(ids).as(table).containsAll(rejectedIds);
        long contributing = rows.stream()
                .filter(r -> !rejectedIds.contains(id.apply(r)))
                .filter(contributes)
                .count();
        assertThat(rejectedIds.size() + contributing).as(table).isEqualTo(rows.size());
    }

    private static <T> Set<List<Object>> keys(List<T> rows, Function<T, List<Object>> key) {
        return rows.stream().map(key).collect(Collectors.toSet());
    }

    private static <T> List<T> union(List<RecipientShardResult> parts, Function<RecipientShardResult, List<T>> part) {
        return parts.stream().flatMap(p -> part.apply(p).stream()).toList();
    }

    private static <T> List<T> filter(List<T> rows, Predicate<T> keep) {
        return rows.stream().filter(keep).toList();
    }

    private static <T> List<T> shuffled(List<T> rows, Random random) {
        List<T> copy = new ArrayList<>(rows);
        Collections.shuffle(copy, random);
        return copy;
    }
}
