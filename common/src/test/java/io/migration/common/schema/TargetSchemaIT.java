package io.migration.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.common.shard.Buckets;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
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
            assertThat(tables(target, "public"))
                    .contains(
                            "lists",
                            "recipients",
                            "recipient_lists",
                            "recipient_attributes",
                            "recipient_tags",
                            "recipient_activity",
                            "suppressions",
                            "migration_rejects");
            assertThat(tables(target, "migration")).contains("runs", "tasks");
            assertThat(columns(target, "recipients"))
                    .containsSubsequence(
                            "id",
                            "company_id",
                            "email",
                            "first_name",
                            "last_name",
                            "phone",
                            "created_at",
                            "updated_at");
        }
    }

    @Test
    void upgradesAVersion3TargetInPlaceKeepingItsRowsFindable(TestServices services) throws Exception {
        try (HikariDataSource target =
                DataSources.create(services.extraDatabase("v3"), PoolOptions.defaults("schema-upgrade-it"))) {
            Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/recipients")
                    .table("flyway_schema_history")
                    .defaultSchema("public")
                    .schemas("public", "migration")
                    .createSchemas(true)
                    .target("3")
                    .load()
                    .migrate();
            // Rows as version 3 wrote them, filed under md5 buckets.
            execute(
                    target,
                    "INSERT INTO recipients (id, company_id, email, created_at, updated_at, shard_bucket)"
                            + " VALUES (gen_random_uuid(), 1, 'a@b.co', now(), now(), 999), (gen_random_uuid(), 1, 'é@x.io', now(), now(), 3)");
            execute(
                    target,
                    "INSERT INTO suppressions (company_id, email, reason, created_at, shard_bucket)"
                            + " VALUES (1, 'a@b.co', 'x', now(), 17)");

            assertThat(TargetSchema.migrate(target).migrationsExecuted)
                    .as("V4 to V7")
                    .isEqualTo(4);

            assertThat(query(target, "SELECT email || '=' || shard_bucket FROM recipients ORDER BY email"))
                    .containsExactly("a@b.co=" + Buckets.of("a@b.co"), "é@x.io=" + Buckets.of("é@x.io"));
            assertThat(query(target, "SELECT shard_bucket::text FROM suppressions"))
                    .containsExactly(String.valueOf(Buckets.of("a@b.co")));
            assertThat(query(target, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"))
                    .contains(
                            "recipient_activity_company_idx",
                            "migration_rejects_company_group_idx",
                            "recipients_company_email_key")
                    .doesNotContain(
                            "recipients_shard_idx",
                            "suppressions_shard_idx",
                            "recipient_activity_recipient_idx",
                            "migration_rejects_shard_idx",
                            "migration_rejects_run_idx");
        }
    }

    private static void execute(HikariDataSource ds, String sql) throws Exception {
        try (var conn = ds.getConnection();
                var st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> tables(HikariDataSource ds, String schema) throws Exception {
        return query(
                ds,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                        + "' ORDER BY table_name");
    }

    private static List<String> columns(HikariDataSource ds, String table) throws Exception {
        return query(
                ds,
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    private static List<String> query(HikariDataSource ds, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (var conn = ds.getConnection();
                var st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
