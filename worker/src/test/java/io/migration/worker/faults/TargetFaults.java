package io.migration.worker.faults;

import io.migration.common.config.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Faults a test injects into its own target database (never the machine's server itself, never
 * another database): slower writes, a company whose writes fail, a table locked, read-only, a
 * full disk.
 */
public final class TargetFaults {

    private final DatabaseSettings target;

    public TargetFaults(DatabaseSettings target) {
        this.target = target;
    }

    /**
     * Every recipients shard's write takes at least {@code delay} longer (a statement trigger that
     * sleeps), so a run of a small dataset lasts long enough for a fault to land in its middle.
     */
    public void slowRecipientWrites(Duration delay) throws SQLException {
        execute(String.format(Locale.ROOT, sql("slow-recipient-writes"), delay.toMillis() / 1000.0));
    }

    /** Every write of these companies' lists raises (P0001); an empty list: the trigger is gone. */
    public void refuseLists(List<Long> companies) throws SQLException {
        if (companies.isEmpty()) {
            execute("DROP TRIGGER IF EXISTS faults_refuse_lists ON lists");
            return;
        }
        execute(String.format(
                sql("refuse-lists"), companies.stream().map(String::valueOf).collect(Collectors.joining(","))));
    }

    /** Every write of recipients fails with 53100 disk_full (on), or goes through again (off). */
    public void diskFull(boolean full) throws SQLException {
        execute(full ? sql("disk-full") : "DROP TRIGGER IF EXISTS faults_disk_full ON recipients");
    }

    /** A session holding {@code ACCESS EXCLUSIVE} on recipients until it rolls back (or closes). */
    public Connection lockRecipients() throws SQLException {
        Connection c = connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE recipients IN ACCESS EXCLUSIVE MODE");
        }
        return c;
    }

    /**
     * Read-only as after a failover or for maintenance: the database's default for new sessions,
     * then every other session ended so that none keeps the old default.
     */
    public void setReadOnly(boolean readOnly) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            String database = c.getCatalog();
            // This session may itself have started read-only (while the default was on).
            st.execute("SET default_transaction_read_only = off");
            st.execute("ALTER DATABASE \"" + database + "\" SET default_transaction_read_only = "
                    + (readOnly ? "on" : "off"));
            try (PreparedStatement end = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
                end.setString(1, database);
                end.execute();
            }
        }
    }

    /** Sessions of the target waiting for a lock now (a shard stopped by {@link #lockRecipients}). */
    public int sessionsWaitingForALock() throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    /** A test resource {@code faults/NAME.sql}. */
    private static String sql(String name) {
        try (InputStream in = TargetFaults.class.getResourceAsStream("/faults/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("no test resource faults/" + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
