package io.migration.worker.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.migration.worker.config.BreakerFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FleetGateTest {

    private final Breakers breakers = new Breakers(new BreakerFactory().settings());
    private final FleetGate gate = new FleetGate(breakers);

    @Test
    void aPausedGateHoldsWaitersUntilResumed() throws Exception {
        gate.setPaused(true);
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.closedReason()).isEqualTo("paused by the operator");
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> await(Duration.ofSeconds(30)));
        Thread.sleep(200);
        assertThat(waiter).isNotDone();
        gate.setPaused(false);
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anOpenBreakerShutsTheGateAndTellsTheListeners() {
        AtomicInteger changes = new AtomicInteger();
        gate.addListener(changes::incrementAndGet);
        breakers.of(Database.TARGET).transitionToOpenState();
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.closedReason()).isEqualTo("target breaker open");
        assertThat(changes.get()).isPositive();
        breakers.of(Database.TARGET).transitionToHalfOpenState();
        assertThat(gate.isOpen()).as("half-open waits for the probe").isFalse();
        breakers.of(Database.TARGET).transitionToClosedState();
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void stoppingReleasesWaitersWithFalse() throws Exception {
        breakers.of(Database.SOURCE).transitionToOpenState();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> await(Duration.ofSeconds(30)));
        Thread.sleep(200);
        gate.stop();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(breakers.of(Database.SOURCE).getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aHoldEndsAfterItsLimit() throws Exception {
        gate.setPaused(true);
        assertThat(gate.awaitOpen(Duration.ofMillis(50))).isFalse();
    }

    private boolean await(Duration max) {
        try {
            return gate.awaitOpen(max);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
