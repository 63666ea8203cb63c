package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

    @Test
    void companySizesAddUpToExactlyTheRequestedRows() {
        for (int companies : new int[] {1, 2, 7, 20, 300, 1000}) {
            for (long rows : new long[] {1, 5, 999, 5000, 1_000_000}) {
                long[] sizes = SeedPlan.sizes(companies, rows, 42);
                assertThat(Arrays.stream(sizes).sum())
                        .as("%d companies, %d rows", companies, rows)
                        .isEqualTo(rows);
                assertThat(Arrays.stream(sizes).min().orElseThrow()).isNotNegative();
            }
        }
    }

    @Test
    void everyCompanyHasAFewRowsWhenThereAreEnough() {
        assertThat(Arrays.stream(SeedPlan.sizes(300, 1_000_000, 42)).min().orElseThrow())
                .isGreaterThanOrEqualTo(SeedPlan.MIN_ROWS);
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

    @Test
    void aSkewShareGivesTheLargestCompanyExactlyThatShareAndTheOthersThePowerLaw() {
        long[] plain = SeedPlan.sizes(300, 1_000_000, 42);
        long[] skewed = SeedPlan.sizes(300, 1_000_000, 42, 0.33);
        int heavy = indexOfMax(plain);

        assertThat(indexOfMax(skewed)).as("the same company is the largest").isEqualTo(heavy);
        assertThat(skewed[heavy]).isEqualTo(330_000);
        assertThat(Arrays.stream(skewed).sum()).isEqualTo(1_000_000);
        long[] others = Arrays.stream(skewed).filter(n -> n != 330_000).sorted().toArray();
        assertThat(others).hasSize(299);
        assertThat(others[0]).isGreaterThanOrEqualTo(SeedPlan.MIN_ROWS);
        assertThat(others[298]).isGreaterThanOrEqualTo(10 * others[149]).isLessThan(330_000);
    }

    @Test
    void aZeroSkewShareIsThePowerLawAlone() {
        for (long seed : new long[] {1, 7, 42}) {
            assertThat(SeedPlan.sizes(300, 1_000_000, seed, 0)).isEqualTo(SeedPlan.sizes(300, 1_000_000, seed));
            assertThat(SeedPlan.of(20, 5000, seed, 0).rowsOf(3))
                    .isEqualTo(SeedPlan.of(20, 5000, seed).rowsOf(3));
        }
    }

    @Test
    void aSkewShareKeepsTheTotalAndTheOthersFloor() {
        for (double share : new double[] {0.01, 0.2, 0.33, 0.5, SeedPlan.MAX_SKEW_SHARE}) {
            for (int companies : new int[] {1, 2, 20, 300}) {
                for (long rows : new long[] {1, 60, 5000, 1_000_000}) {
                    long[] sizes = SeedPlan.sizes(companies, rows, 42, share);
                    String what = share + " of " + rows + " rows over " + companies + " companies";
                    assertThat(Arrays.stream(sizes).sum()).as(what).isEqualTo(rows);
                    long floor = Math.min(SeedPlan.MIN_ROWS, rows / companies);
                    assertThat(Arrays.stream(sizes).min().orElseThrow())
                            .as(what)
                            .isGreaterThanOrEqualTo(floor);
                    if (companies > 1 && rows >= 5000) {
                        long heavy = sizes[indexOfMax(SeedPlan.sizes(companies, rows, 42))];
                        long othersFloor = floor * (companies - 1);
                        long wanted = Math.round(share * rows);
                        assertThat(heavy)
                                .as(what)
                                .isEqualTo(wanted + othersFloor <= rows ? wanted : rows - othersFloor);
                    }
                }
            }
        }
        // When the others' floor leaves nothing to give, the floor wins over the share.
        assertThat(SeedPlan.sizes(20, 60, 42, 0.9)).containsOnly(3L);
    }

    @Test
    void aSkewShareOutsideZeroToMaxIsRefused() {
        for (double share : new double[] {-0.01, 0.91, 1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> SeedPlan.of(300, 1_000_000, 42, share))
                    .as("share %s", share)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("skew share");
        }
        assertThat(SeedPlan.of(300, 1_000_000, 42, 0.33).skewShare()).isEqualTo(0.33);
    }

    private static int indexOfMax(long[] sizes) {
        int best = 0;
        for (int i = 1; i < sizes.length; i++) {
            if (sizes[i] > sizes[best]) {
                best = i;
            }
        }
        return best;
    }
}
