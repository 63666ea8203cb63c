package io.migration.producer.seed;

/**
 * A tiny deterministic generator (SplitMix64). Every generated row draws from a stream keyed by
 * (seed, stream, index), so a row's values depend only on those three numbers: the same --seed
 * gives the same rows whatever the order or the parallelism of generation, on any JVM.
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Rng() {}

    Rng(long seed, long stream, long index) {
        reset(seed, stream, index);
    }

    /** Positions this generator at the start of row {@code index} of {@code stream}. */
    Rng reset(long seed, long stream, long index) {
        state = mix(seed * GOLDEN + mix(stream * 0xD1B54A32D192ED03L + mix(index + GOLDEN)));
        return this;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), bound > 0. */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in [0, bound), bound > 0. */
    long nextLong(long bound) {
        return (nextLong() >>> 1) % bound;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    /** An index drawn from cumulative probabilities {@code cdf} (last entry 1.0). */
    int draw(double[] cdf) {
        double u = nextDouble();
        for (int i = 0; i < cdf.length; i++) {
            if (u < cdf[i]) {
                return i;
            }
        }
        return cdf.length - 1;
    }
}
