package io.migration.producer.seed;

import io.migration.common.copy.BinaryCopyWriter;
import java.io.PrintWriter;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Writes a {@link SeedPlan}'s dataset into a source database: (re)creates the ten legacy tables
 * as the spec has them, streams each table with binary COPY (tables in parallel, one connection
 * each), then builds the spec's indexes and analyzes. Progress goes to the given writer.
 */
public final class Seeder {

    /** What a seed wrote. */
    public record Result(Map<String, Long> rowsByTable, long elapsedNanos) {
        public long totalRows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }

        public double seconds() {
            return elapsedNanos / 1e9;
        }
    }

    private final DataSource dataSource;
    private final int parallelism;
    private final PrintWriter progress;
    private final LegacySchema schema = new LegacySchema();
    private long started;

    public Seeder(DataSource dataSource, int parallelism, PrintWriter progress) {
        this.dataSource = dataSource;
        this.parallelism = parallelism;
        this.progress = progress;
    }

    /** Row counts of the legacy tables that exist and hold rows, in the spec's table order. */
    public Map<String, Long> legacyRows() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement st = conn.prepareStatement(SqlScript.single("/seed/legacy-row-counts.sql"))) {
            Array names = conn.createArrayOf("text", LegacySchema.TABLES.toArray());
            st.setArray(1, names);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) > 0) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return counts;
    }

    /** Drops and recreates the legacy tables, then fills them. The caller checked they may go. */
    public Result seed(SeedPlan plan) throws SQLException {
        started = System.nanoTime();
        try (Connection conn = dataSource.getConnection();
                Statement st = conn.createStatement()) {
            prepare(conn);
            conn.setAutoCommit(false);
            for (String sql : SqlScript.statements("/seed/drop-legacy-tables.sql")) {
                st.execute(sql);
            }
            for (String sql : schema.createTables()) {
                st.execute(sql);
            }
            conn.commit();
            conn.setAutoCommit(true);
        }
        report("tables created");

        Map<String, Long> rows = new ConcurrentHashMap<>();
        List<Task> loads = new ArrayList<>();
        for (LegacyTables.Load load : new LegacyTables(plan).loads()) {
            loads.add(new Task(load.cost(), conn -> {
                long t0 = System.nanoTime();
                long n;
                try (BinaryCopyWriter out = BinaryCopyWriter.open(conn, LegacyTables.BY_NAME.get(load.table()))) {
                    n = load.generator().write(out);
                }
                rows.put(load.table(), n);
                report(String.format(
                        Locale.ROOT, "%-23s %,11d rows in %5.1f s", load.table(), n, (System.nanoTime() - t0) / 1e9));
            }));
        }
        runInParallel(loads);

        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String table : LegacySchema.TABLES) {
            ordered.put(table, rows.get(table));
        }
        List<Task> indexes = new ArrayList<>();
        for (String sql : schema.createIndexes()) {
            double cost = ordered.getOrDefault(LegacySchema.indexedTable(sql), 0L);
            indexes.add(new Task(cost, conn -> {
                try (Statement st = conn.createStatement()) {
                    st.execute(sql);
                }
            }));
        }
        runInParallel(indexes);
        report("indexes built");

        try (Connection conn = dataSource.getConnection();
                Statement st = conn.createStatement()) {
            for (String sql : SqlScript.statements("/seed/analyze.sql")) {
                st.execute(sql);
            }
        }
        report("analyzed");
        return new Result(ordered, System.nanoTime() - started);
    }

    private interface Work {
        void run(Connection conn) throws Exception;
    }

    private record Task(double cost, Work work) {}

    /** Runs the tasks, most expensive first, on {@code parallelism} connections. */
    private void runInParallel(List<Task> tasks) throws SQLException {
        List<Task> queue = new ArrayList<>(tasks);
        queue.sort(Comparator.comparingDouble(Task::cost).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "seed-load");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : queue) {
                futures.add(pool.submit(() -> {
                    try (Connection conn = dataSource.getConnection()) {
                        prepare(conn);
                        task.work().run(conn);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof SQLException sql) {
                        throw sql;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void prepare(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String sql : SqlScript.statements("/seed/session.sql")) {
                st.execute(sql);
            }
        }
    }

    private synchronized void report(String what) {
        progress.printf(Locale.ROOT, "seed: %s (%.1f s)%n", what, (System.nanoTime() - started) / 1e9);
        progress.flush();
    }
}
