package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

    @Test
    void companySizesAddUpToExactlyTheRequestedRows() {
        for (int companies : new int[] {1, 2, 7, 20, 300, 1000}) {
            for (long rows : new long[] {1, 5, 999, 5000, 1_000_000}) {
                long[] sizes = SeedPlan.sizes(companies, rows, 42);
                assertThat(Arrays.stream(sizes).sum()).as("%d companies, %d rows", companies, rows).isEqualTo(rows);
                assertThat(Arrays.stream(sizes).min().orElseThrow()).isNotNegative();
            }
        }
    }

    @Test
    void everyCompanyHasAFewRowsWhenThereAreEnough() {
        assertThat(Arrays.stream(SeedPlan.sizes(300, 1_000_000, 42)).min().orElseThrow()).isGreaterThanOrEqualTo(SeedPlan.MIN_ROWS);
        assertThat(SeedPlan.sizes(20, 60, 42)).containsOnly(3L);
    }

    @Test
    void sizesFollowAPowerLaw() {
        long[] sizes = SeedPlan.sizes(300, 1_000_000, 42).clone();
        Arrays.sort(sizes);
        long largest = sizes[sizes.length - 1];
        assertThat(largest).isGreaterThanOrEqualTo(10 * sizes[sizes.length / 2]);
        assertThat(largest).isBetween(150_000L, 250_000L);

        long[] small = SeedPlan.sizes(20, 5000, 7).clone();
        Arrays.sort(small);
        assertThat(small[19]).isGreaterThanOrEqualTo(10 * small[10]);
    }

    @Test
    void theSeedDecidesWhichCompanyIsLargestAndNothingElse() {
        assertThat(SeedPlan.sizes(50, 100_000, 1)).isEqualTo(SeedPlan.sizes(50, 100_000, 1));
        long[] a = SeedPlan.sizes(50, 100_000, 1).clone();
        long[] b = SeedPlan.sizes(50, 100_000, 2).clone();
        assertThat(a).isNotEqualTo(b);
        Arrays.sort(a);
        Arrays.sort(b);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void listsRangeFromAFewToAFewHundredAndIdRangesAreContiguous() {
        SeedPlan plan = SeedPlan.of(300, 1_000_000, 42);
        long nextRow = 1;
        long nextList = 1;
        for (int c = 1; c <= 300; c++) {
            assertThat(plan.rowStart(c)).isEqualTo(nextRow);
            assertThat(plan.listStart(c)).isEqualTo(nextList);
            assertThat(plan.listCount(c)).isBetween(3, SeedPlan.MAX_LISTS);
            nextRow += plan.rowsOf(c);
            nextList += plan.listCount(c);
        }
        assertThat(nextRow - 1).isEqualTo(1_000_000);
        assertThat(plan.totalLists()).isEqualTo(nextList - 1);
    }
}
