package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void transactionsAreSpreadEvenlyFromTheStart() {
        Pacer pacer = new Pacer(1_000, 4, 100, 10 * SECOND);
        assertThat(pacer.due(0)).isEqualTo(1_000);
        assertThat(pacer.due(1)).isEqualTo(1_000 + SECOND / 4);
        assertThat(pacer.due(8)).isEqualTo(1_000 + 2 * SECOND);
    }

    @Test
    void theRunEndsAtTheDeadlineOrTheCountBoundWhicheverComesFirst() {
        Pacer byTime = new Pacer(0, 4, 1_000, 10 * SECOND);
        assertThat(byTime.allows(39)).isTrue();
        assertThat(byTime.allows(40)).isFalse();
        Pacer byCount = new Pacer(0, 4, 7, 10 * SECOND);
        assertThat(byCount.allows(6)).isTrue();
        assertThat(byCount.allows(7)).isFalse();
    }

    @Test
    void aThreadBehindItsScheduleStopsAtTheDeadlineAllTheSame() {
        Pacer pacer = new Pacer(0, 1_000, 1_000_000, 10 * SECOND);
        assertThat(pacer.allows(9_000)).isTrue();
        assertThat(pacer.isOver(10 * SECOND - 1)).isFalse();
        assertThat(pacer.isOver(10 * SECOND)).isTrue();
    }

    @Test
    void eachClaimIsANewNumberEvenAcrossThreads() throws InterruptedException {
        Pacer pacer = new Pacer(0, 1, 10, SECOND);
        Thread other = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                pacer.claim();
            }
        });
        other.start();
        for (int i = 0; i < 500; i++) {
            pacer.claim();
        }
        other.join();
        assertThat(pacer.claim()).isEqualTo(1000);
    }

    @Test
    void aStartNearTheEndOfTheNanoClockStillWorks() {
        long start = Long.MAX_VALUE - SECOND;
        Pacer pacer = new Pacer(start, 1, 100, 3 * SECOND);
        assertThat(pacer.allows(2)).isTrue();
        assertThat(pacer.allows(3)).isFalse();
    }
}
