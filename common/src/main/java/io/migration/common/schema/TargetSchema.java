package io.migration.common.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Creates or upgrades the target tables and the migration's control tables; safe to repeat. */
public final class TargetSchema {

    private TargetSchema() {}

    public static MigrateResult migrate(DataSource target) {
        return Flyway.configure()
                .dataSource(target)
                .locations("classpath:db/recipients")
                .table("flyway_schema_history")
                .defaultSchema("public")
                .schemas("public", "migration")
                .createSchemas(true)
                .load()
                .migrate();
    }
}
