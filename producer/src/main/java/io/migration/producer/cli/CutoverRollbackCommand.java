package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.db.Jdbis;
import io.migration.producer.cutover.CutoverSettings;
import io.migration.producer.cutover.Rollback;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "rollback",
        description = {
            "Within CUTOVER_ROLLBACK_WINDOW (default 7 days) of a company's switch: runs"
                    + " CUTOVER_ROLLBACK_HOOK, then prints per company and target table the rows inserted, changed and"
                    + " deleted in the target since the switch (CSV); the company becomes rolled-back.",
            "Exit 1 for a company never switched or whose window has passed."
        })
final class CutoverRollbackCommand implements Callable<Integer> {

    @ParentCommand
    CutoverCommand cutover;

    @Spec
    CommandSpec spec;

    @Mixin
    CompanyOptions companies;

    @Override
    public Integer call() throws Exception {
        var selection = companies.selection();
        CutoverSettings settings;
        try {
            settings = CutoverSettings.fromEnvironment(cutover.cli.environment());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
        }
        try (HikariDataSource target =
                Databases.open(cutover.cli.connectionSettings().target(), "rollback-target")) {
            PrintWriter out = spec.commandLine().getOut();
            boolean all = Databases.controlTablesQuery(() -> {
                try {
                    return new Rollback(settings, Jdbis.create(target), out, new PrintWriter(System.err, true))
                            .run(selection.companyIds(), Instant.now());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CommandFailure("interrupted", e);
                }
            });
            return all ? 0 : 1;
        }
    }
}
