package io.migration.producer.cutover;

/**
 * After a catch-up pass: copy again, freeze, or stop trying. A pure function of what the pass found,
 * so the choice is tested by a table.
 */
public sealed interface CatchUpDecision {

    /** Copy the changed buckets again, the application still writing. */
    record CopyAgain() implements CatchUpDecision {}

    /** What is left is small enough for the freeze window: freeze now. */
    record Freeze() implements CatchUpDecision {}

    /** The writes outrun the copies: the company cannot be switched in a short freeze now. */
    record GiveUp(String reason) implements CatchUpDecision {}

    /**
     * @param passes catch-up passes done so far (the first copy included)
     * @param changedRows source rows in the buckets that changed since the last pass
     * @param freezeRows the most changed rows the freeze may re-copy
     * @param maxPasses the most passes that may leave more than {@code freezeRows} changed before giving up
     * @param mayFreeze whether a freeze may start now (the fleet's first copies are done, a freeze slot is free)
     */
    static CatchUpDecision after(int passes, long changedRows, long freezeRows, int maxPasses, boolean mayFreeze) {
        if (changedRows <= freezeRows && mayFreeze) {
            return new Freeze();
        }
        if (passes >= maxPasses && changedRows > freezeRows) {
            return new GiveUp("still " + changedRows + " changed source rows after " + passes
                    + " catch-up passes (CUTOVER_FREEZE_ROWS " + freezeRows + "): the writes outrun the copies");
        }
        return new CopyAgain();
    }
}
