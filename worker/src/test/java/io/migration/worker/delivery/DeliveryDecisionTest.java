package io.migration.worker.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.migration.common.ledger.Claim;
import io.migration.common.ledger.TaskOutcome;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.worker.delivery.DeliveryDecision.Failure;
import io.migration.worker.delivery.DeliveryDecision.Limits;
import io.migration.worker.delivery.Verdict.Ack;
import io.migration.worker.delivery.Verdict.DeadLetter;
import io.migration.worker.delivery.Verdict.HandBack;
import io.migration.worker.delivery.Verdict.RetryAfter;
import io.migration.worker.metrics.WorkerMetrics.Outcome;
import io.migration.worker.pace.PausedException;
import io.migration.worker.resilience.Database;
import io.migration.worker.source.SourceReadException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryDecisionTest {

    private static final TaskMessage TASK =
            new TaskMessage(1, "r", RunMode.MIGRATE, 5, TaskGroup.RECIPIENTS, 1, 3, 1365, 2729);
    private static final Limits LIMITS =
            Limits.of(3, Duration.ofSeconds(600), Duration.ofMillis(100), Duration.ofSeconds(5));
    private static final SQLException CONNECTION = new SQLException("connection refused", "08006");
    private static final SQLException CONSTRAINT = new SQLException("duplicate key", "23505");

    /** What a try that threw, with these breakers open and these attempts counted, comes to. */
    static Stream<Arguments> tries() {
        return Stream.of(
                // error, open breakers, attempts (this one counted), expected verdict, its detail
                arguments(new PausedException(), Set.of(), 0, RetryAfter.class, "PT0S"),
                arguments(refused(), Set.of(Database.TARGET), 0, RetryAfter.class, "PT0S"),
                arguments(CONNECTION, Set.of(Database.TARGET), 0, RetryAfter.class, "PT0S"),
                arguments(CONNECTION, Set.of(), 0, HandBack.class, "08006"),
                arguments(CONNECTION, Set.of(Database.SOURCE), 0, HandBack.class, "08006"),
                arguments(new SourceReadException(CONNECTION), Set.of(Database.SOURCE), 0, RetryAfter.class, "PT0S"),
                arguments(new SourceReadException(CONNECTION), Set.of(Database.TARGET), 0, HandBack.class, "08006"),
                arguments(CONSTRAINT, Set.of(), 1, RetryAfter.class, "backoff"),
                arguments(CONSTRAINT, Set.of(Database.TARGET), 2, RetryAfter.class, "backoff"),
                arguments(CONSTRAINT, Set.of(), 3, DeadLetter.class, "failed 23 3"),
                arguments(CONSTRAINT, Set.of(), 7, DeadLetter.class, "failed 23 7"),
                arguments(new IllegalStateException("bug"), Set.of(), 3, DeadLetter.class, "failed java 3"));
    }

    @ParameterizedTest(name = "{0} with {1} open, attempt {2}: {3}")
    @MethodSource("tries")
    void aTryThatFailedIsDecidedByItsErrorTheBreakersAndTheAttempts(
            Throwable error, Set<Database> open, int attempts, Class<? extends Verdict> expected, String detail) {
        Verdict verdict =
                DeliveryDecision.afterFailure(DeliveryDecision.failure(error, open::contains), attempts, LIMITS);

        assertThat(verdict).isInstanceOf(expected);
        if (verdict instanceof RetryAfter retry) {
            if (detail.equals("backoff")) {
                assertThat(retry.delay()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
            } else {
                assertThat(retry.delay()).hasToString(detail);
            }
        } else if (verdict instanceof HandBack back) {
            assertThat(back.reason()).contains(detail);
        } else if (verdict instanceof DeadLetter dead) {
            assertThat(dead.reason() + " " + dead.errorClass() + " " + dead.attempts())
                    .isEqualTo(detail);
        }
    }

    static Stream<Arguments> claims() {
        return Stream.of(
                arguments(new Claim.NoSuchTask(), true, DeadLetter.class, "unknown_task"),
                arguments(new Claim.NoSuchTask(), false, DeadLetter.class, "unknown_company"),
                arguments(new Claim.Mismatch("shard count 3, planned 4"), true, DeadLetter.class, "invalid_shard"),
                arguments(new Claim.AlreadySucceeded(), true, Ack.class, "already succeeded; duplicate ignored"),
                arguments(new Claim.AlreadyDead("failed"), true, Ack.class, "already dead-lettered"),
                arguments(new Claim.CrashLoop(4), true, DeadLetter.class, "crash_loop"));
    }

    @ParameterizedTest(name = "{0} (company exists: {1}): {2}")
    @MethodSource("claims")
    void aClaimNotGrantedEndsTheDelivery(
            Claim claim, boolean companyExists, Class<? extends Verdict> expected, String detail) {
        Verdict verdict = DeliveryDecision.ofClaim(claim, TASK, companyExists).orElseThrow();

        assertThat(verdict).isInstanceOf(expected);
        if (verdict instanceof Ack ack) {
            assertThat(ack.outcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(ack.summary())
                    .startsWith("task 5/recipients/1of3 of run r")
                    .contains(detail);
        } else if (verdict instanceof DeadLetter dead) {
            assertThat(dead.reason()).isEqualTo(detail);
            assertThat(dead.attempts()).isZero();
        }
    }

    @Test
    void aGrantedClaimRuns() {
        assertThat(DeliveryDecision.ofClaim(new Claim.Granted(null, RunMode.MIGRATE, 0, 1), TASK, true))
                .isEmpty();
    }

    @Test
    void aCrashLoopSaysWhatToLookAt() {
        DeadLetter dead = (DeadLetter)
                DeliveryDecision.ofClaim(new Claim.CrashLoop(4), TASK, true).orElseThrow();

        assertThat(dead.errorClass()).isEqualTo("crash");
        assertThat(dead.error()).startsWith("claimed 4 times in a row").contains("out of memory?");
    }

    static Stream<Arguments> gates() {
        return Stream.of(
                arguments(true, false, "", Optional.empty()),
                arguments(true, true, "stopping", Optional.empty()),
                arguments(false, true, "stopping", Optional.of(new HandBack("the worker is stopping"))),
                arguments(
                        false,
                        false,
                        "paused by the operator",
                        Optional.of(new HandBack("held 600 s while paused by the operator"))));
    }

    @ParameterizedTest(name = "open {0}, stopping {1}: {3}")
    @MethodSource("gates")
    void aGateThatStaysShutHandsTheDeliveryBack(
            boolean open, boolean stopping, String reason, Optional<Verdict> expected) {
        assertThat(DeliveryDecision.ofGate(open, stopping, reason, LIMITS.maxHold()))
                .isEqualTo(expected);
    }

    @Test
    void anOwnFailureIsNoOutage() {
        Failure own = DeliveryDecision.failure(CONSTRAINT, db -> false);

        assertThat(own).isInstanceOf(Failure.Own.class);
        Assertions.assertThatThrownBy(() -> DeliveryDecision.afterOutage(own))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBackoffGrowsWithTheAttempts() {
        long first = ((RetryAfter) DeliveryDecision.afterFailure(new Failure.Own(null), 1, fixedLimits()))
                .delay()
                .toMillis();
        long second = ((RetryAfter) DeliveryDecision.afterFailure(new Failure.Own(null), 2, fixedLimits()))
                .delay()
                .toMillis();

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void aSuccessSaysItsFigures() {
        var outcome = new TaskOutcome(
                Map.of("recipients", 10L), Map.of("recipients", 9L), Map.of("recipients", 9L), 1, 42, Map.of());

        Ack ack = DeliveryDecision.succeeded(TASK, outcome);

        assertThat(ack.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(ack.summary()).isEqualTo("task 5/recipients/1of3 of run r: read 10, wrote 9, rejected 1 in 42 ms");
    }

    private static Limits fixedLimits() {
        return new Limits(10, Duration.ofSeconds(1), attempt -> 100L * attempt);
    }

    private static CallNotPermittedException refused() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("target");
        breaker.transitionToOpenState();
        return CallNotPermittedException.createCallNotPermittedException(breaker);
    }
}
