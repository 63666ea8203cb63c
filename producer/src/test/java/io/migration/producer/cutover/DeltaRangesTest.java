package io.migration.producer.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DeltaRangesTest {

    private static List<String> ranges(List<Integer> buckets, int max) {
        return DeltaRanges.of(new TreeSet<>(buckets), max).stream()
                .map(r -> r[0] + "-" + r[1])
                .toList();
    }

    @Test
    void neighboursJoinAndTheNarrowestGapsCloseFirst() {
        assertThat(ranges(List.of(), 8)).isEmpty();
        assertThat(ranges(List.of(7), 8)).containsExactly("7-7");
        assertThat(ranges(List.of(1, 2, 3, 9, 10), 8)).containsExactly("1-3", "9-10");
        assertThat(ranges(List.of(1, 5, 100, 102, 4000), 3)).containsExactly("1-5", "100-102", "4000-4000");
        assertThat(ranges(List.of(1, 5, 100, 102, 4000), 2)).containsExactly("1-102", "4000-4000");
        assertThat(ranges(List.of(1, 5, 100, 102, 4000), 1)).containsExactly("1-4000");
    }

    @Test
    void everyChangedBucketIsCoveredWhateverTheLimit() {
        List<Integer> buckets = List.of(0, 17, 18, 400, 401, 402, 999, 2048, 4095);
        for (int max = 1; max <= 10; max++) {
            List<int[]> out = DeltaRanges.of(new TreeSet<>(buckets), max);
            assertThat(out).hasSizeLessThanOrEqualTo(max);
            for (int b : buckets) {
                assertThat(out.stream().anyMatch(r -> r[0] <= b && b <= r[1]))
                        .as("bucket %d with %d ranges", b, max)
                        .isTrue();
            }
        }
        assertThatThrownBy(() -> DeltaRanges.of(new TreeSet<>(buckets), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
