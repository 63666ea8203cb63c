package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void aStreamDependsOnlyOnSeedStreamAndIndex() {
        Rng a = new Rng(42, 3, 1000);
        Rng b = new Rng().reset(42, 3, 1000);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
        assertThat(new Rng(42, 3, 1000).nextLong()).isNotEqualTo(new Rng(43, 3, 1000).nextLong());
        assertThat(new Rng(42, 3, 1000).nextLong()).isNotEqualTo(new Rng(42, 4, 1000).nextLong());
        assertThat(new Rng(42, 3, 1000).nextLong()).isNotEqualTo(new Rng(42, 3, 1001).nextLong());
    }

    @Test
    void drawsStayInRange() {
        Rng rng = new Rng(1, 1, 1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(rng.nextInt(7)).isBetween(0, 6);
            assertThat(rng.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            assertThat(rng.draw(new double[] {0.5, 1.0})).isBetween(0, 1);
        }
    }
}
