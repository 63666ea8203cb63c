package io.migration.common.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.message.TaskGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketChecksumsTest {

    private static BucketChecksums of(int... bucketsAndRows) {
        BucketChecksums.Builder b = new BucketChecksums.Builder();
        for (int i = 0; i < bucketsAndRows.length; i += 2) {
            b.put(
                    TaskGroup.RECIPIENTS,
                    bucketsAndRows[i],
                    new BucketSum(bucketsAndRows[i + 1], "h" + bucketsAndRows[i + 1]));
        }
        return b.build();
    }

    @Test
    void aLaterCopyOfARangeReplacesItIncludingTheBucketsItFoundEmpty() {
        BucketChecksums first = of(1, 10, 5, 20, 9, 30);
        BucketChecksums later = of(5, 21, 6, 1);
        BucketChecksums copied = first.overlay(List.of(new CoveredRange(TaskGroup.RECIPIENTS, 0, 7)), later);
        assertThat(copied).isEqualTo(of(5, 21, 6, 1, 9, 30));
        assertThat(copied.rows(TaskGroup.RECIPIENTS)).isEqualTo(52);
    }

    @Test
    void changedBucketsAreThoseWhoseRowsDifferOrAppearOrVanish() {
        BucketChecksums before = of(1, 10, 5, 20, 9, 30);
        BucketChecksums now = of(1, 10, 5, 21, 7, 3);
        assertThat(before.changed(TaskGroup.RECIPIENTS, now)).containsExactly(5, 7, 9);
        assertThat(before.changed(TaskGroup.SUPPRESSIONS, now)).isEmpty();
        assertThat(before.changed(TaskGroup.RECIPIENTS, before)).isEmpty();
    }

    @Test
    void jsonRoundTrips() {
        BucketChecksums sums = new BucketChecksums.Builder()
                .put(TaskGroup.LISTS, 0, new BucketSum(3, "-12"))
                .put(TaskGroup.SUPPRESSIONS, 4095, new BucketSum(1, "99999999999999999999"))
                .build();
        assertThat(BucketChecksums.fromJson(sums.toJson())).isEqualTo(sums);
        assertThat(BucketChecksums.fromJson(null)).isEqualTo(BucketChecksums.empty());
    }
}
