package io.migration.producer.enqueue;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.RunMode;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A repeated {@code enqueue --run-id} publishes what was not confirmed before; it must ask for the
 * same run. A different mode, selection or {@code --shard-rows} is refused with one line naming
 * what differs, instead of being silently ignored.
 */
public final class RunReuse {

    /** How the run was recorded; {@code selectionIds} null for every company (or a run older than V3). */
    record Recorded(String mode, String selection, int shardRows, List<Long> selectionIds) {}

    private RunReuse() {}

    /**
     * False when {@code runId} is new. True when it was recorded with the same mode, selection and
     * shard size (a repeat); otherwise throws {@link IllegalArgumentException} with the refusal.
     * {@code shardRows} null: not given, so the recorded value stands.
     */
    public static boolean isRepeat(
            Jdbi target, String runId, RunMode mode, CompanySelection selection, Integer shardRows) {
        Optional<Recorded> recorded = target.withHandle(h -> h.createQuery(SqlFiles.get("enqueue/recorded-run"))
                .bind("runId", runId)
                .map((rs, ctx) -> new Recorded(
                        rs.getString("mode"),
                        rs.getString("selection"),
                        rs.getInt("shard_rows"),
                        ids(rs.getArray("selection_ids"))))
                .findOne());
        if (recorded.isEmpty()) {
            return false;
        }
        difference(runId, recorded.get(), mode, selection, shardRows).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        return true;
    }

    static Optional<String> difference(
            String runId, Recorded recorded, RunMode mode, CompanySelection selection, Integer shardRows) {
        String suffix = "; use a new --run-id";
        if (!recorded.mode().equals(mode.wireName())) {
            return Optional.of("run " + runId + " was planned with --mode " + recorded.mode() + ", not "
                    + mode.wireName() + suffix);
        }
        if (!sameSelection(recorded, selection)) {
            return Optional.of("run " + runId + " was planned over " + recorded.selection() + ", not "
                    + selection.description() + suffix);
        }
        if (shardRows != null && shardRows != recorded.shardRows()) {
            return Optional.of("run " + runId + " was planned with --shard-rows " + recorded.shardRows() + ", not "
                    + shardRows + suffix);
        }
        return Optional.empty();
    }

    private static boolean sameSelection(Recorded recorded, CompanySelection selection) {
        if (recorded.selectionIds() != null) {
            return !selection.all() && recorded.selectionIds().equals(selection.companyIds());
        }
        if (recorded.selection().equals("all")) {
            return selection.all();
        }
        // A run recorded before selection_ids existed: its description is all there is to compare.
        return recorded.selection().equals(selection.description());
    }

    private static List<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        return Arrays.stream((Long[]) array.getArray()).sorted().toList();
    }
}
