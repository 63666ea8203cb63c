package io.migration.producer.seed;

import io.migration.common.db.Jdbis;
import io.migration.producer.seed.CutoverFlags.Flag;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The application's side of the switch: writes to the source like the monolith, for a set of
 * companies, while a cutover runs. Each transaction picks a company, reads its flag in
 * {@code app_cutover_flags} with a plain SELECT as its first statement, and then: when frozen, writes
 * nothing; when switched, writes to the target's tables as the new service would (nothing without a
 * target); otherwise makes one legacy write ({@link TrafficMix.Legacy}), holding some transactions open
 * before their commit so that one begun before a freeze can commit after it. The tool itself never
 * writes to the source; tests, the demo and the benchmark use this to play the application.
 */
public final class TrafficGenerator {

    /** Share of legacy transactions held open before their commit, for up to the settings' maximum. */
    static final double HOLD_SHARE = 0.25;

    private final TrafficSettings settings;
    private final Jdbi source;
    private final Jdbi target;
    private final Map<Long, CompanyPool> pools;
    private final Map<Long, CompanyTraffic.Counters> counters;

    private TrafficGenerator(TrafficSettings settings, Jdbi source, Jdbi target, Map<Long, CompanyPool> pools) {
        this.settings = settings;
        this.source = source;
        this.target = target;
        this.pools = pools;
        this.counters = new LinkedHashMap<>();
        settings.companies().forEach(c -> counters.put(c, new CompanyTraffic.Counters(c)));
    }

    /**
     * Prepares the source (the flag table and sequence {@code app_ids} when missing, a sample of each
     * company's rows) and starts the threads; they stop by themselves after the duration or the count
     * bound, or at {@link TrafficRun#stop()}. {@code target} may be null: a switched company's
     * transactions then write nothing.
     */
    public static TrafficRun start(TrafficSettings settings, DataSource source, DataSource target) {
        Jdbi sourceDb = Jdbis.create(source);
        new CutoverFlags(sourceDb).create();
        Map<Long, CompanyPool> pools = new LinkedHashMap<>();
        sourceDb.useHandle(h -> {
            AppIds.prepare(h);
            for (long company : settings.companies()) {
                pools.put(company, CompanyPool.load(h, company));
            }
        });
        TrafficGenerator generator = new TrafficGenerator(
                settings, sourceDb, target == null ? null : Jdbis.create(target), Map.copyOf(pools));
        return new TrafficRun(settings, generator.counters, generator::runThread);
    }

    /** One thread's loop: a transaction per claimed slot of the pacer, until the run ends. */
    private void runThread(int index, TrafficRun run) {
        Rng rng = new Rng(settings.seed(), 1_000 + index, 0);
        TrafficValues values = new TrafficValues(rng);
        List<Long> companies = settings.companies();
        try (Connections connections = new Connections()) {
            while (run.awaitSlot() >= 0) {
                long company = companies.get(rng.nextInt(companies.size()));
                try {
                    transactionRetryingDeadlocks(connections, company, values);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    counters.get(company).failed();
                    run.failed(e);
                    connections.close();
                    TrafficRun.pause(100);
                }
            }
        }
    }

    /**
     * The database may pick one of two writers as a deadlock's victim (or fail a serializable
     * transaction): the application then runs the transaction again, as a real one would.
     */
    private void transactionRetryingDeadlocks(Connections connections, long company, TrafficValues values)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction(connections, company, values);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 3 || !isDeadlockOrSerialization(e)) {
                    throw e;
                }
                connections.close();
            }
        }
    }

    private static boolean isDeadlockOrSerialization(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private void transaction(Connections connections, long company, TrafficValues values) throws InterruptedException {
        Rng rng = values.rng();
        CompanyTraffic.Counters count = counters.get(company);
        Handle src = connections.source();
        src.begin();
        Instant began = Instant.now();
        Flag flag = CutoverFlags.read(src, company);
        if (flag.frozen()) {
            src.rollback();
            count.frozenSkipped();
            return;
        }
        if (flag.switched()) {
            long newId = AppIds.next(src, 1)[0];
            src.rollback();
            if (target == null) {
                count.switchedSkipped();
                return;
            }
            Handle tgt = connections.target();
            tgt.begin();
            new ServiceWriter(tgt, company, rng).write(TrafficMix.Service.draw(rng.nextDouble()), newId);
            tgt.commit();
            count.targetCommitted();
            return;
        }
        legacyWrite(src, pools.get(company), values, TrafficMix.Legacy.draw(rng.nextDouble()));
        if (settings.holdOpenMaxMillis() > 0 && rng.chance(HOLD_SHARE)) {
            Thread.sleep(rng.nextInt(settings.holdOpenMaxMillis() + 1));
        }
        src.commit();
        count.legacyCommitted(began, Instant.now());
    }

    /** One legacy write, in the caller's transaction; a write that needs a row makes one when the pool has none. */
    static void legacyWrite(Handle h, CompanyPool pool, TrafficValues values, TrafficMix.Legacy write) {
        Rng rng = values.rng();
        long row = pool.anyRow(rng);
        TrafficMix.Legacy op = write.needsRecipient() && row < 0 ? TrafficMix.Legacy.INSERT_RECIPIENT : write;
        LegacyInserts inserts = new LegacyInserts(h, pool, values);
        LegacyEdits edits = new LegacyEdits(h, pool, values);
        switch (op) {
            case INSERT_RECIPIENT -> inserts.recipient();
            case EDIT_NAME -> edits.names(row);
            case EDIT_STATUS -> edits.status(row);
            case CHANGE_EMAIL -> edits.newEmail(row);
            case MERGE_EMAIL -> edits.mergeInto(row, pool.anyRow(rng));
            case CHANGE_EMAIL_CASE -> edits.emailCase(row);
            case DELETE_RECIPIENT -> edits.delete(row);
            case NEW_LIST -> inserts.newList();
            case DELETE_LIST -> edits.deleteList();
            case MOVE_TO_NEW_LIST -> inserts.moveToNewList();
            case NEW_SUPPRESSION -> inserts.suppression();
            case EDIT_FIELD -> edits.field(row, inserts);
            case DELETE_FIELD -> edits.deleteField(row);
            case EDIT_TAG -> edits.tag(row, inserts);
            case DELETE_TAG -> edits.deleteTag(row);
            case NEW_ACTIVITY -> inserts.activity(row);
        }
    }

    /** A thread's connections, each opened on first use (the target only for a switched company) and again after a failure. */
    private final class Connections implements AutoCloseable {
        private Handle source;
        private Handle target;

        Handle source() {
            if (source == null) {
                source = TrafficGenerator.this.source.open();
            }
            return source;
        }

        Handle target() {
            if (target == null) {
                target = TrafficGenerator.this.target.open();
            }
            return target;
        }

        /** Rolls back what is open and lets both go. */
        @Override
        public void close() {
            source = closeQuietly(source);
            target = closeQuietly(target);
        }

        private static Handle closeQuietly(Handle h) {
            if (h != null) {
                try {
                    if (h.isInTransaction()) {
                        h.rollback();
                    }
                } catch (RuntimeException ignored) {
                    // the connection is gone: closing it is all that is left
                }
                try {
                    h.close();
                } catch (RuntimeException ignored) {
                    // as above
                }
            }
            return null;
        }
    }
}
