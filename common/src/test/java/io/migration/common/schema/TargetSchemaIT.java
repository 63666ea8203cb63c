package io.migration.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

@RealServices
class TargetSchemaIT {

    @Test
    void createsEveryContractTableAndRepeatingIsANoOp(TestServices services) throws Exception {
        try (HikariDataSource target = DataSources.create(services.target(), PoolOptions.defaults("schema-it"))) {
            MigrateResult first = TargetSchema.migrate(target);
            MigrateResult second = TargetSchema.migrate(target);

            assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(2);
            assertThat(second.migrationsExecuted).isZero();
            assertThat(tables(target, "public")).contains("lists", "recipients", "recipient_lists",
                    "recipient_attributes", "recipient_tags", "recipient_activity", "suppressions",
                    "migration_rejects");
            assertThat(tables(target, "migration")).contains("runs", "tasks");
            assertThat(columns(target, "recipients")).containsSubsequence("id", "company_id", "email",
                    "first_name", "last_name", "phone", "created_at", "updated_at");
        }
    }

    private static List<String> tables(HikariDataSource ds, String schema) throws Exception {
        return query(ds, "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                + "' ORDER BY table_name");
    }

    private static List<String> columns(HikariDataSource ds, String table) throws Exception {
        return query(ds, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    private static List<String> query(HikariDataSource ds, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (var conn = ds.getConnection(); var st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
