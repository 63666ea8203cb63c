package io.migration.common.checksum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migration.common.message.TaskGroup;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A company's source rows per group and email bucket as {@link BucketSum}s; buckets without rows are
 * absent. Immutable: {@link #overlay} gives a new one. JSON form (the ledger's
 * {@code tasks.source_checksums}): {@code {"recipients": {"17": [3, "-123"]}, ...}}.
 */
public final class BucketChecksums {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BucketChecksums EMPTY = new BucketChecksums(new EnumMap<>(TaskGroup.class));

    private final Map<TaskGroup, TreeMap<Integer, BucketSum>> sums;

    private BucketChecksums(Map<TaskGroup, TreeMap<Integer, BucketSum>> sums) {
        this.sums = sums;
    }

    public static BucketChecksums empty() {
        return EMPTY;
    }

    /** Built from (group, bucket, sum) triples, e.g. the rows of the checksum statements. */
    public static final class Builder {
        private final Map<TaskGroup, TreeMap<Integer, BucketSum>> sums = new EnumMap<>(TaskGroup.class);

        public Builder put(TaskGroup group, int bucket, BucketSum sum) {
            sums.computeIfAbsent(group, g -> new TreeMap<>()).put(bucket, sum);
            return this;
        }

        public BucketChecksums build() {
            return new BucketChecksums(sums);
        }
    }

    public Map<Integer, BucketSum> of(TaskGroup group) {
        return Collections.unmodifiableMap(sums.getOrDefault(group, new TreeMap<>()));
    }

    /** Source rows in all buckets of {@code group}. */
    public long rows(TaskGroup group) {
        return of(group).values().stream().mapToLong(BucketSum::rows).sum();
    }

    /**
     * These sums with {@code ranges} replaced by {@code newer}'s: what a later copy of those ranges
     * read wins, including buckets it found empty.
     */
    public BucketChecksums overlay(Iterable<CoveredRange> ranges, BucketChecksums newer) {
        Map<TaskGroup, TreeMap<Integer, BucketSum>> out = new EnumMap<>(TaskGroup.class);
        sums.forEach((g, m) -> out.put(g, new TreeMap<>(m)));
        for (CoveredRange r : ranges) {
            TreeMap<Integer, BucketSum> group = out.computeIfAbsent(r.group(), g -> new TreeMap<>());
            group.subMap(r.lo(), true, r.hi(), true).clear();
            group.putAll(newer.of(r.group()).entrySet().stream()
                    .filter(e -> r.holds(e.getKey()))
                    .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), TreeMap::putAll));
        }
        return new BucketChecksums(out);
    }

    /** The buckets of {@code group} whose rows differ between these sums and {@code other}'s. */
    public SortedSet<Integer> changed(TaskGroup group, BucketChecksums other) {
        SortedSet<Integer> changed = new TreeSet<>();
        Map<Integer, BucketSum> mine = of(group);
        Map<Integer, BucketSum> theirs = other.of(group);
        mine.forEach((b, s) -> {
            if (!s.equals(theirs.get(b))) {
                changed.add(b);
            }
        });
        theirs.keySet().stream().filter(b -> !mine.containsKey(b)).forEach(changed::add);
        return changed;
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        sums.forEach((g, m) -> {
            ObjectNode group = root.putObject(g.wireName());
            m.forEach((b, s) -> {
                ArrayNode pair = group.putArray(Integer.toString(b));
                pair.add(s.rows()).add(s.hash());
            });
        });
        return root.toString();
    }

    public static BucketChecksums fromJson(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        try {
            Builder b = new Builder();
            JsonNode root = JSON.readTree(json);
            root.fields().forEachRemaining(g -> {
                TaskGroup group = TaskGroup.fromWireName(g.getKey())
                        .orElseThrow(() -> new IllegalArgumentException("unknown group " + g.getKey()));
                g.getValue()
                        .fields()
                        .forEachRemaining(e -> b.put(
                                group,
                                Integer.parseInt(e.getKey()),
                                new BucketSum(
                                        e.getValue().get(0).asLong(),
                                        e.getValue().get(1).asText())));
            });
            return b.build();
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable source checksums: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketChecksums other && normalized().equals(other.normalized());
    }

    @Override
    public int hashCode() {
        return Objects.hash(normalized());
    }

    private Map<TaskGroup, TreeMap<Integer, BucketSum>> normalized() {
        Map<TaskGroup, TreeMap<Integer, BucketSum>> out = new EnumMap<>(TaskGroup.class);
        sums.forEach((g, m) -> {
            if (!m.isEmpty()) {
                out.put(g, m);
            }
        });
        return out;
    }
}
