package io.migration.worker.resilience;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** {@link DatabaseProbe} by {@code SELECT 1} on the worker's own pools, bounded by a few seconds. */
public final class SelectOneProbe implements DatabaseProbe {

    private static final int TIMEOUT_SECONDS = 5;

    private final DataSource source;
    private final DataSource target;

    public SelectOneProbe(DataSource source, DataSource target) {
        this.source = source;
        this.target = target;
    }

    @Override
    public boolean answers(Database db) {
        try (Connection conn = (db == Database.SOURCE ? source : target).getConnection();
                Statement st = conn.createStatement()) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            st.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
