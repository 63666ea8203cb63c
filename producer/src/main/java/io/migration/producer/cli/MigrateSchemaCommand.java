package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.schema.TargetSchema;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "migrate-schema",
        description = "Creates or upgrades the target tables and the migration's own tables; safe to repeat.")
final class MigrateSchemaCommand implements Callable<Integer> {

    @ParentCommand
    private ProducerCli cli;

    @Override
    public Integer call() {
        ConnectionSettings settings = cli.connectionSettings();
        try (HikariDataSource target = Databases.open(settings.target(), "migrate-schema-target")) {
            MigrateResult result = TargetSchema.migrate(target);
            System.out.printf(
                    "target schema at version %s (%d migration(s) applied) in %s%n",
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted,
                    settings.target().safeUrl());
            return 0;
        }
    }
}
