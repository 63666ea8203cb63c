package io.migration.producer.cli;

import io.migration.producer.enqueue.CohortFiles;
import io.migration.producer.enqueue.CompanySelection;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --companies 1,2,… | --cohort FILE} for commands that may also be a parent of subcommands
 * (schedule, cutover): checked when the command runs, so that {@code schedule list} needs neither.
 */
final class CompanyOptions {

    @Option(names = "--companies", split = ",", description = "company ids, comma-separated")
    List<Long> companies;

    @Option(names = "--cohort", description = "a file of company ids, one a line")
    Path cohort;

    CompanySelection selection() {
        if ((companies == null) == (cohort == null)) {
            throw new CommandFailure("give exactly one of --companies or --cohort", OneLineErrors.USAGE, null);
        }
        try {
            if (cohort != null) {
                CohortFiles.checkReadable(cohort);
                return CompanySelection.fromCohortFile(cohort);
            }
            return CompanySelection.of(companies);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
        }
    }
}
