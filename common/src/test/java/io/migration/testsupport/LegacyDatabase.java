package io.migration.testsupport;

import io.migration.common.config.DatabaseSettings;
import io.migration.common.schema.LegacyDdl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Prepares a test's SOURCE database: the legacy tables (the DDL production seeds with), pgcrypto, SQL scripts. */
public final class LegacyDatabase {

    private LegacyDatabase() {}

    /** Creates the ten legacy tables ({@link LegacyDdl}, as the seed command does) and the pgcrypto extension. */
    public static void create(DatabaseSettings source) {
        runSql(source, LegacyDdl.script());
        ExpectedResults.installPgcrypto(source);
    }

    /** Runs a script from the test resources' {@code expected/} folder (e.g. {@code fixtures/rules-fixture.sql}). */
    public static void runScript(DatabaseSettings db, String resource) {
        runSql(db, ExpectedResults.resource(resource));
    }

    public static void runSql(DatabaseSettings db, String sql) {
        try (Connection conn = CanonicalRows.connect(db);
                Statement st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run SQL on " + db + ": " + e.getMessage(), e);
        }
    }
}
