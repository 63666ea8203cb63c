package io.migration.producer.seed;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The shape of a seeded dataset, decided before any row is written: how many list_recipients
 * rows, lists, people and suppressions each company has, and where its id ranges start.
 * Company sizes follow a power law: the company of rank i (a seed-dependent shuffle of the ids)
 * weighs i^-1.1, and every company gets at least {@link #MIN_ROWS} rows when there are enough.
 * A skew share, when given, overrides the largest company's size: it holds exactly that share of
 * the rows (the benchmark's "one company holds a third" dataset), and the others share the rest
 * by the same power law. Without it the sizes are the power law's alone, as before.
 *
 * <p>Companies have ids 1..N. list_recipients ids are 1..M, each company's rows contiguous;
 * lists ids are 1..L, likewise grouped by company.
 */
public final class SeedPlan {

    static final double EXPONENT = 1.1;
    static final int MIN_ROWS = 3;
    static final int MAX_LISTS = 300;
    /** People per list_recipients row: about 2.2 rows (lists) per person. */
    static final double PEOPLE_PER_ROW = 0.45;

    static final double SUPPRESSED_SHARE = 0.02;
    /** The largest skew share accepted: the other companies keep at least a tenth of the rows. */
    public static final double MAX_SKEW_SHARE = 0.9;

    private final int companies;
    private final long rows;
    private final long seed;
    private final double skewShare;
    private final long[] companyRows;
    private final long[] rowStart;
    private final int[] listCount;
    private final long[] listStart;
    private final long[] people;
    private final int[] suppressionCount;
    private final long totalLists;
    private final long totalSuppressions;

    private SeedPlan(int companies, long rows, long seed, double skewShare) {
        if (companies < 1 || rows < 1) {
            throw new IllegalArgumentException("companies and rows must be at least 1");
        }
        if (!(skewShare >= 0 && skewShare <= MAX_SKEW_SHARE)) {
            throw new IllegalArgumentException("the skew share must be between 0 and " + MAX_SKEW_SHARE);
        }
        this.companies = companies;
        this.rows = rows;
        this.seed = seed;
        this.skewShare = skewShare;
        this.companyRows = sizes(companies, rows, seed, skewShare);
        this.rowStart = new long[companies];
        this.listCount = new int[companies];
        this.listStart = new long[companies];
        this.people = new long[companies];
        this.suppressionCount = new int[companies];
        long nextRow = 1;
        long nextList = 1;
        long suppressions = 0;
        for (int c = 0; c < companies; c++) {
            rowStart[c] = nextRow;
            nextRow += companyRows[c];
            long size = companyRows[c];
            int lists = (int) Math.min(MAX_LISTS, 3 + Math.round(Math.sqrt(size) / 1.6));
            listCount[c] = lists;
            listStart[c] = nextList;
            nextList += lists;
            people[c] = Math.max(1, Math.round(size * PEOPLE_PER_ROW));
            suppressionCount[c] = (int) Math.max(1, Math.round(people[c] * SUPPRESSED_SHARE));
            suppressions += suppressionCount[c];
        }
        this.totalLists = nextList - 1;
        this.totalSuppressions = suppressions;
    }

    public static SeedPlan of(int companies, long rows, long seed) {
        return new SeedPlan(companies, rows, seed, 0);
    }

    /** A plan whose largest company holds {@code skewShare} of the rows (0: the power law alone). */
    public static SeedPlan of(int companies, long rows, long seed, double skewShare) {
        return new SeedPlan(companies, rows, seed, skewShare);
    }

    /** Rows per company (index = company id - 1), summing to exactly {@code rows}. */
    static long[] sizes(int companies, long rows, long seed) {
        return sizes(companies, rows, seed, 0);
    }

    /**
     * Rows per company, summing to exactly {@code rows}; with a positive {@code skewShare} the
     * company of rank 1 holds round(share x rows) of them (less only where the others' floor needs it).
     */
    static long[] sizes(int companies, long rows, long seed, double skewShare) {
        long floor = Math.min(MIN_ROWS, rows / companies);
        // Rank companies by a seeded shuffle, so the largest one is not always company 1.
        Integer[] byRank = IntStream.range(0, companies).boxed().toArray(Integer[]::new);
        Arrays.sort(byRank, Comparator.comparingLong(c -> Rng.mix(seed ^ Rng.mix(c + 1L))));
        long[] size = new long[companies];
        int heavy = byRank[0];
        boolean skewed = skewShare > 0 && companies > 1;
        if (skewed) {
            long others = floor * (companies - 1L);
            size[heavy] = Math.max(floor, Math.min(Math.round(skewShare * rows), rows - others));
        }
        long rest = rows - floor * companies - (skewed ? size[heavy] - floor : 0);
        double[] weight = new double[companies];
        double total = 0;
        for (int rank = skewed ? 1 : 0; rank < companies; rank++) {
            weight[byRank[rank]] = Math.pow(rank + 1, -EXPONENT);
            total += weight[byRank[rank]];
        }
        double[] remainder = new double[companies];
        long given = 0;
        for (int c = 0; c < companies; c++) {
            if (skewed && c == heavy) {
                continue;
            }
            double exact = rest * weight[c] / total;
            long whole = (long) Math.floor(exact);
            size[c] = floor + whole;
            remainder[c] = exact - whole;
            given += whole;
        }
        // Largest remainders get the rows left over by rounding down (ties: higher weight first).
        Integer[] order = IntStream.range(0, companies).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order, Comparator.<Integer>comparingDouble(c -> -remainder[c]).thenComparingDouble(c -> -weight[c]));
        for (int i = 0; given < rest; i = (i + 1) % companies, given++) {
            size[order[i]]++;
        }
        return size;
    }

    public int companies() {
        return companies;
    }

    public long rows() {
        return rows;
    }

    public long seed() {
        return seed;
    }

    /** The largest company's forced share of the rows; 0 when sizes follow the power law alone. */
    public double skewShare() {
        return skewShare;
    }

    /** Rows of company {@code company} (1-based id). */
    public long rowsOf(int company) {
        return companyRows[company - 1];
    }

    long rowStart(int company) {
        return rowStart[company - 1];
    }

    int listCount(int company) {
        return listCount[company - 1];
    }

    long listStart(int company) {
        return listStart[company - 1];
    }

    long people(int company) {
        return people[company - 1];
    }

    int suppressionCount(int company) {
        return suppressionCount[company - 1];
    }

    long totalLists() {
        return totalLists;
    }

    long totalSuppressions() {
        return totalSuppressions;
    }
}
