package io.migration.common.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a company's switch stands in a cutover run ({@code migration.cutovers.state}, V7__switch.sql):
 * the switch's half of the ledger's machine, beside {@link TaskState} (a cutover's passes are tasks).
 *
 * <pre>
 * pending → catching-up → frozen ─┬→ switched → rolled-back
 *    │           │                └→ failed (unfrozen)
 *    └───────────┴──────────────────→ failed
 * </pre>
 */
public enum CutoverState {
    /** Admitted; nothing copied yet. */
    PENDING("pending"),
    /** Copying while the application writes: the first copy, then pass after pass of what changed. */
    CATCHING_UP("catching-up"),
    /** The freeze hook was started: the final delta, verification and switch happen now. */
    FROZEN("frozen"),
    /** The switch hook succeeded: the new service serves the company. */
    SWITCHED("switched"),
    /** Stopped before the switch (unfrozen when it had been frozen); it needs a new window. */
    FAILED("failed"),
    /** Switched, then given back to the legacy tables by {@code cutover rollback}. */
    ROLLED_BACK("rolled-back");

    private final String wireName;

    CutoverState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Finished: a repeated {@code cutover --run-id} leaves the company as it is. */
    public boolean ended() {
        return this == SWITCHED || this == FAILED || this == ROLLED_BACK;
    }

    /** The diagram's arrows: whether a cutover in this state may go on to {@code next}. */
    public boolean canMoveTo(CutoverState next) {
        return switch (this) {
            case PENDING -> next == CATCHING_UP || next == FAILED;
            case CATCHING_UP -> next == FROZEN || next == FAILED;
            case FROZEN -> next == SWITCHED || next == FAILED;
            case SWITCHED -> next == ROLLED_BACK;
            case FAILED, ROLLED_BACK -> false;
        };
    }

    public static CutoverState of(String wireName) {
        return named(wireName).orElseThrow(() -> new IllegalArgumentException("unknown cutover state " + wireName));
    }

    public static Optional<CutoverState> named(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
