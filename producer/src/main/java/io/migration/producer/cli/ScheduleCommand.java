package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.db.Jdbis;
import io.migration.producer.cutover.Notification;
import io.migration.producer.cutover.SwitchWindows;
import io.migration.producer.enqueue.CompanySize;
import io.migration.producer.enqueue.SourceCatalog;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "schedule",
        subcommands = ScheduleListCommand.class,
        description = {
            "Records each company's switch window (ISO-8601 instants START/END) with today as its notice"
                    + " date, and prints the notification list as CSV:"
                    + " company_id,window_start,window_end,readiness,last_dry_run.",
            "Refuses a window that starts less than --notice-days (NOTICE_DAYS, default 14) from now; scheduling a"
                    + " company again replaces its window and restarts its notice."
        })
final class ScheduleCommand implements Callable<Integer> {

    private static final Duration NOW_TOLERANCE = Duration.ofMinutes(5);

    @ParentCommand
    ProducerCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    CompanyOptions companies;

    @Option(
            names = "--window",
            paramLabel = "START/END",
            description = "the switch window, e.g." + " 2027-01-10T22:00:00Z/2027-01-11T02:00:00Z")
    String window;

    @Option(
            names = "--notice-days",
            paramLabel = "N",
            description = "days of notice the customers must get" + " (default NOTICE_DAYS, else 14)")
    Integer noticeDays;

    @Override
    public Integer call() throws Exception {
        if (window == null) {
            throw new CommandFailure("--window START/END is required", OneLineErrors.USAGE, null);
        }
        Instant[] interval = interval(window);
        int notice = noticeDays != null ? noticeDays : wholeDays(cli.environment(), "NOTICE_DAYS", 14);
        if (notice < 0) {
            throw new CommandFailure("--notice-days must not be negative", OneLineErrors.USAGE, null);
        }
        var selection = companies.selection();
        Instant now = Clock.systemUTC().instant();
        // "Now" give or take a few minutes: a script that schedules a window starting now
        // (--notice-days 0) computed that instant a moment before this command ran.
        if (interval[0].isBefore(now.plus(Duration.ofDays(notice)).minus(NOW_TOLERANCE))) {
            throw new CommandFailure(
                    "refused: the window starts " + interval[0] + ", less than " + notice + " day(s) from now (" + now
                            + "): the customers must be told " + notice + " days ahead",
                    1,
                    null);
        }
        ConnectionSettings settings = cli.connectionSettings();
        try (HikariDataSource source = Databases.openSource(settings.source(), "schedule-source");
                HikariDataSource target = Databases.open(settings.target(), "schedule-target")) {
            List<Long> ids;
            try {
                ids = new SourceCatalog(Jdbis.create(source))
                        .sizes(selection).stream()
                                .map(CompanySize::companyId)
                                .sorted()
                                .toList();
            } catch (SourceCatalog.UnknownCompanyException e) {
                throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
            }
            Jdbi targetDb = Jdbis.create(target);
            Databases.controlTablesQuery(() -> {
                new SwitchWindows(targetDb)
                        .schedule(ids, interval[0], interval[1], LocalDate.now(ZoneOffset.UTC), notice);
                return null;
            });
            PrintWriter out = spec.commandLine().getOut();
            Notification.write(targetDb, ids, out);
            out.flush();
            System.err.printf(
                    "scheduled %d company(ies) for %s/%s (notice %d days)%n",
                    ids.size(), interval[0], interval[1], notice);
            return 0;
        }
    }

    /** A whole number of days from the environment variable {@code name}, else {@code fallback}. */
    static int wholeDays(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days < 0) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw new CommandFailure(name + " must be a whole number of days: " + value, OneLineErrors.USAGE, e);
        }
    }

    private static Instant[] interval(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length != 2) {
            throw new CommandFailure(
                    "--window must be START/END (ISO-8601 instants): " + value, OneLineErrors.USAGE, null);
        }
        try {
            Instant start = OffsetDateTime.parse(parts[0].strip()).toInstant();
            Instant end = OffsetDateTime.parse(parts[1].strip()).toInstant();
            if (!end.isAfter(start)) {
                throw new CommandFailure("--window must end after it starts: " + value, OneLineErrors.USAGE, null);
            }
            return new Instant[] {start, end};
        } catch (DateTimeParseException e) {
            throw new CommandFailure(
                    "--window must be START/END as ISO-8601 instants with an offset, e.g."
                            + " 2027-01-10T22:00:00Z/2027-01-11T02:00:00Z: " + value,
                    OneLineErrors.USAGE,
                    e);
        }
    }
}
