package io.migration.producer.seed;

import java.time.Instant;
import java.util.Locale;

/**
 * What the traffic did for one company, as of a {@link TrafficRun#stats()} snapshot.
 *
 * @param legacyCommits transactions committed to the legacy tables
 * @param frozenSkips transactions that found the company frozen and wrote nothing
 * @param targetCommits transactions committed to the target's tables while the company was switched
 * @param switchedSkips transactions that found the company switched but had no target to write to
 * @param failures transactions that failed (rolled back) with a database error
 * @param lastLegacyBegin when the last committed legacy transaction read the flag (its first statement); null if none
 * @param lastLegacyCommit when the last legacy transaction's commit returned; null if none
 */
public record CompanyTraffic(
        long companyId,
        long legacyCommits,
        long frozenSkips,
        long targetCommits,
        long switchedSkips,
        long failures,
        Instant lastLegacyBegin,
        Instant lastLegacyCommit) {

    public long transactions() {
        return legacyCommits + frozenSkips + targetCommits + switchedSkips + failures;
    }

    /** One line for the traffic command's summary. */
    public String summaryLine() {
        return String.format(
                Locale.ROOT,
                "company %d: %d legacy commits, %d skipped frozen, %d target commits, %d skipped switched,"
                        + " %d failed, last legacy commit %s",
                companyId,
                legacyCommits,
                frozenSkips,
                targetCommits,
                switchedSkips,
                failures,
                lastLegacyCommit == null ? "none" : lastLegacyCommit.toString());
    }

    /** The mutable counters behind the snapshots; every method locks. */
    static final class Counters {
        private final long companyId;
        private long legacyCommits;
        private long frozenSkips;
        private long targetCommits;
        private long switchedSkips;
        private long failures;
        private Instant lastLegacyBegin;
        private Instant lastLegacyCommit;

        Counters(long companyId) {
            this.companyId = companyId;
        }

        synchronized void legacyCommitted(Instant began, Instant committed) {
            legacyCommits++;
            if (lastLegacyCommit == null || committed.isAfter(lastLegacyCommit)) {
                lastLegacyCommit = committed;
            }
            if (lastLegacyBegin == null || began.isAfter(lastLegacyBegin)) {
                lastLegacyBegin = began;
            }
        }

        synchronized void frozenSkipped() {
            frozenSkips++;
        }

        synchronized void targetCommitted() {
            targetCommits++;
        }

        synchronized void switchedSkipped() {
            switchedSkips++;
        }

        synchronized void failed() {
            failures++;
        }

        synchronized CompanyTraffic snapshot() {
            return new CompanyTraffic(
                    companyId,
                    legacyCommits,
                    frozenSkips,
                    targetCommits,
                    switchedSkips,
                    failures,
                    lastLegacyBegin,
                    lastLegacyCommit);
        }
    }
}
