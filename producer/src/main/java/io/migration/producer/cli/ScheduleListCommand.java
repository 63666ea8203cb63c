package io.migration.producer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.db.Jdbis;
import io.migration.producer.cutover.SwitchWindow;
import io.migration.producer.cutover.SwitchWindows;
import io.migration.producer.runs.Csv;
import io.migration.producer.runs.OutputFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        description = "Every company's switch window: its notice date and whether it is still"
                + " scheduled, used by a switch, or cancelled by a failed cutover (with the reason).")
final class ScheduleListCommand implements Callable<Integer> {

    @ParentCommand
    ScheduleCommand schedule;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        OutputFormat output = FormatOption.parse(format);
        try (HikariDataSource target =
                Databases.open(schedule.cli.connectionSettings().target(), "schedule-target")) {
            List<SwitchWindow> windows =
                    Databases.controlTablesQuery(() -> new SwitchWindows(Jdbis.create(target)).all());
            PrintWriter out = spec.commandLine().getOut();
            switch (output) {
                case CSV -> {
                    out.println("company_id,window_start,window_end,notice_date,notice_days,state,reason");
                    windows.forEach(w -> out.println(Csv.line(
                            w.companyId(),
                            w.start(),
                            w.end(),
                            w.noticeDate(),
                            w.noticeDays(),
                            w.state(),
                            w.stateReason())));
                }
                case JSON -> {
                    var json = new ObjectMapper().createArrayNode();
                    windows.forEach(w -> json.addObject()
                            .put("company_id", w.companyId())
                            .put("window_start", w.start().toString())
                            .put("window_end", w.end().toString())
                            .put("notice_date", w.noticeDate().toString())
                            .put("notice_days", w.noticeDays())
                            .put("state", w.state())
                            .put("reason", w.stateReason()));
                    out.println(json);
                }
                default -> {
                    out.printf(
                            "%-10s %-22s %-22s %-11s %-10s %s%n",
                            "company", "window_start", "window_end", "notice", "state", "reason");
                    windows.forEach(w -> out.printf(
                            "%-10d %-22s %-22s %-11s %-10s %s%n",
                            w.companyId(),
                            w.start(),
                            w.end(),
                            w.noticeDate(),
                            w.state(),
                            w.stateReason() == null ? "" : w.stateReason()));
                }
            }
            out.flush();
            return 0;
        }
    }
}
