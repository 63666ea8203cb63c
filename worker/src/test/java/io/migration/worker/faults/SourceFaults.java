package io.migration.worker.faults;

import io.migration.common.config.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/** Faults a test injects into its own source database (never the machine's server, never another database). */
public final class SourceFaults {

    private final DatabaseSettings source;

    public SourceFaults(DatabaseSettings source) {
        this.source = source;
    }

    /**
     * Every list_recipients row of {@code company} the workers read costs {@code perRow} more
     * (only the workers' reads: the producer and the test read at full speed).
     */
    public void slowReadsOf(long company, Duration perRow) throws SQLException {
        String sql = String.format(Locale.ROOT, resource("slow-company-reads"), company, perRow.toMillis() / 1000.0);
        try (Connection c = DriverManager.getConnection(source.url(), source.user(), source.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SourceFaults.class.getResourceAsStream("/faults/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("no test resource faults/" + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
