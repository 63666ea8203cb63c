package io.migration.producer.cutover;

import io.migration.producer.readiness.DryRunFigures;
import io.migration.producer.readiness.ReadinessPolicy;
import io.migration.producer.runs.CompanyFigures;
import io.migration.producer.runs.RunInfo;
import io.migration.producer.runs.RunLedger;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The notification list {@code schedule} prints (CLI.md): per company its window, and its latest dry
 * run's verdict by that run's policy (PASS, FAIL, or NONE without a dry run), so the operator tells the
 * customers and sees at once who is not ready.
 */
public final class Notification {

    private Notification() {}

    public static void write(Jdbi target, List<Long> companies, PrintWriter out) {
        Map<Long, SwitchWindow> windows = new SwitchWindows(target).of(companies);
        RunLedger ledger = new RunLedger(target);
        List<RunInfo> dryRuns = ledger.dryRunsOf(companies);
        Map<String, SortedMap<Long, CompanyFigures>> figures = ledger.figures(dryRuns, companies);
        out.println("company_id,window_start,window_end,readiness,last_dry_run");
        for (long company : companies) {
            String readiness = "NONE";
            String lastDryRun = "";
            for (RunInfo run : dryRuns) {
                SortedMap<Long, CompanyFigures> byCompany = figures.get(run.runId());
                CompanyFigures f = byCompany == null ? null : byCompany.get(company);
                if (f != null && f.tasks() > 0) {
                    readiness = ReadinessPolicy.fromJson(run.policyJson())
                            .judge(DryRunFigures.of(f))
                            .label();
                    lastDryRun = run.runId();
                    break;
                }
            }
            SwitchWindow w = windows.get(company);
            out.println(company + "," + w.start() + "," + w.end() + "," + readiness + "," + lastDryRun);
        }
    }
}
