import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's tables, from the results its scripts write as data (docs/BENCHMARKS.md): "# key=value" lines (what
 * the run ran on), then a header row and one row per line measured, tab-separated; an empty cell or "-" was not
 * measured. The targets live in bench/targets.tsv only. From the repository's root:
 * {@code java bench/Render.java [--targets FILE] RESULTS.tsv...} or {@code java bench/Render.java --self-check}.
 * Exits 1 when a cutover switched no company, so bench/cutover.sh fails then.
 */
public class Render {
    /** Shares of CPU above which a run's figures are flagged as inflated by someone else's work. */
    static final double NOT_QUIET = 0.1, ELSEWHERE = 0.2;

    record Data(Map<String, String> meta, List<Map<String, String>> rows) {
        static Data parse(List<String> lines) {
            Map<String, String> meta = new LinkedHashMap<>();
            List<Map<String, String>> rows = new ArrayList<>();
            String[] header = null;
            for (String line : lines) {
                if (line.matches("#\\s*\\w+=.*")) { // "# key=value"; other "#" lines are comments
                    meta.put(line.substring(1, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t", -1);
                    if (header == null) header = cells;
                    else {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 0; i < header.length; i++) row.put(header[i], i < cells.length ? cells[i] : "");
                        rows.add(row);
                    }
                }
            }
            return new Data(meta, rows);
        }

        String meta(String key) {
            String v = meta.getOrDefault(key, "");
            return v.isEmpty() ? "not recorded" : v;
        }
    }

    static double num(Map<String, String> row, String column) {
        String v = text(row, column);
        return v.equals("-") ? Double.NaN : Double.parseDouble(v);
    }

    static String text(Map<String, String> row, String column) {
        String v = row.getOrDefault(column, "").trim();
        return v.isEmpty() ? "-" : v;
    }

    /** "-" for what was not measured: NaN flows through the arithmetic and never prints as a figure. */
    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format("%." + decimals + "f", v);
    }

    /** One line of bench/run.sh; CPU "per M" is CPU-seconds per million source rows. */
    record Line(Map<String, String> r) {
        double rate() { return num(r, "source_rows") / num(r, "wall_s"); }
        double perM(double cpu) { return cpu / (num(r, "source_rows") / 1e6); }
        String perM(String column) { return fmt(perM(num(r, column)), 2); }
        double other() {
            double workers = num(r, "workers_cpu_s");
            return Double.isNaN(workers) ? num(r, "machine_cpu_s") : num(r, "machine_cpu_s") - workers;
        }
        double unaccounted() {
            return other() - num(r, "postgres_cpu_s") - num(r, "rabbitmq_cpu_s") - num(r, "clients_cpu_s");
        }
        double restOfCluster() {
            return num(r, "postgres_cpu_s") - num(r, "source_backends_cpu_s") - num(r, "target_backends_cpu_s");
        }
    }

    static void run(Data d, Data targets, PrintStream out) {
        out.printf("Benchmark of %s, commit %s%s.%n", d.meta("date"), d.meta("commit"),
                d.meta("local_changes").equals("yes") ? " (with local changes)" : "");
        out.printf("Machine: %s cores, %s GiB; load average %s at the start, %s at the end. Dataset: %s companies, %s"
                        + " list_recipients, %s source rows (the ten legacy tables); shard rows %s.%n", d.meta("cores"),
                d.meta("memory_gib"), d.meta("load_start"), d.meta("load_end"), d.meta("companies"),
                d.meta("list_recipients"), d.meta("source_rows"), d.meta("shard_rows"));
        String privatePg = d.meta.getOrDefault("private_pg", "");
        out.printf("PostgreSQL: %s%s, shared_buffers %s, max_wal_size %s.%n%n",
                privatePg.isEmpty() ? "" : "a private cluster made for the run, with " + privatePg + ", ",
                d.meta("postgres"), d.meta("shared_buffers"), d.meta("max_wal_size"));
        if (d.meta.containsKey("note")) out.printf("%s%n%n", d.meta("note"));
        List<Line> lines = d.rows().stream().map(Line::new).toList();
        Map<String, Line> at = new LinkedHashMap<>();
        lines.forEach(l -> at.put(text(l.r, "key"), l));
        double pgcopydb = at.containsKey("pgcopydb") ? at.get("pgcopydb").rate() : Double.NaN;
        double floor = at.containsKey("floor") ? at.get("floor").rate() : Double.NaN;
        out.println("| what | wall s | source rows/s | vs pgcopydb | vs floor | worker CPU-s/M | other CPU-s/M | of which"
                + " PostgreSQL | of which RabbitMQ | of which clients | unaccounted | heap MiB peak / after GC"
                + " | peak RSS MiB | OOM |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Line l : lines) {
            String heap = text(l.r, "heap_peak_mib") + " / " + text(l.r, "heap_after_gc_mib");
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", text(l.r, "label"),
                    fmt(num(l.r, "wall_s"), 1), fmt(l.rate(), 0), fmt(l.rate() / pgcopydb, 2), fmt(l.rate() / floor, 2),
                    l.perM("workers_cpu_s"), fmt(l.perM(l.other()), 2), l.perM("postgres_cpu_s"), l.perM("rabbitmq_cpu_s"),
                    l.perM("clients_cpu_s"), fmt(l.perM(l.unaccounted()), 2), heap.startsWith("-") ? "-" : heap,
                    text(l.r, "rss_peak_mib"), text(l.r, "oom"));
        }
        out.println("\nCPU-s per million source rows. Clients: the producer (enqueue, status) for fleet lines; psql or\n"
                + "pgcopydb for the others. Unaccounted: other minus PostgreSQL, RabbitMQ and clients, i.e. the\n"
                + "rest of the machine; well above zero means it was not quiet and the other column is inflated.");
        Comparator<Line> noise = Comparator.comparingDouble(l -> l.unaccounted() / num(l.r, "machine_cpu_s"));
        lines.stream().filter(l -> l.unaccounted() / num(l.r, "machine_cpu_s") > NOT_QUIET).max(noise).ifPresent(l ->
                out.printf("%n**The machine was not quiet**: %.0f%% of the busy CPU during \"%s\" was not ours; rates"
                        + " and%nCPU figures are inflated, and the run only indicative.%n",
                        100 * l.unaccounted() / num(l.r, "machine_cpu_s"), text(l.r, "label")));
        lines.stream().filter(l -> !text(l.r, "note").equals("-"))
                .forEach(l -> out.printf("%n%s: %s%n", text(l.r, "label"), text(l.r, "note")));

        out.println("\nTargets (issue #7; the fleet line is the 2-worker run on the 1x dataset):\n");
        out.println("| target | measured | wanted | |\n|---|---:|---:|---|");
        Line f = at.get("fleet-2"), x4 = at.get("x4");
        if (f == null) out.println("| (no 2-worker fleet run: --workers did not include 2) | | | |");
        long fleets = lines.stream().filter(l -> !text(l.r, "oom").equals("-")).count();
        long ooms = lines.stream().filter(l -> text(l.r, "oom").equals("yes")).count();
        for (Map<String, String> t : targets.rows()) {
            String measure = text(t, "measure"), what = text(t, "what"), op = text(t, "op");
            double v = f == null && !measure.equals("oom_runs") ? Double.NaN : switch (measure) {
                case "oom_runs" -> ooms;
                case "fleet_vs_pgcopydb" -> f.rate() / pgcopydb;
                case "fleet_vs_floor" -> f.rate() / floor;
                case "worker_cpu_per_m" -> f.perM(num(f.r, "workers_cpu_s"));
                case "other_cpu_per_m" -> f.perM(f.other());
                case "x4_vs_x1" -> x4 == null ? Double.NaN : num(x4.r, "wall_s") / num(f.r, "wall_s");
                default -> throw new IllegalArgumentException("bench/targets.tsv: unknown measure " + measure);
            };
            if (Double.isNaN(v)) continue;
            if (measure.equals("x4_vs_x1")) {
                what += String.format(" (source rows x%.2f)", num(x4.r, "source_rows") / num(f.r, "source_rows"));
            }
            boolean met = op.equals(">=") ? v >= num(t, "wanted") : v <= num(t, "wanted");
            out.printf("| %s | %s | %s %s | %s |%n", what, measure.equals("oom_runs") ? ooms + " of " + fleets
                    : fmt(v, 2), op, text(t, "wanted"), met ? "met" : "MISSED");
        }

        List<Line> fleetRuns = lines.stream().filter(l -> !text(l.r, "shard_cpu_s").equals("-")).toList();
        if (!fleetRuns.isEmpty()) {
            out.println("\nWhere the workers' CPU goes, CPU-s per million source rows, by thread (bench/lib/proc.sh):\n");
            out.println("| fleet run | shard threads | JIT compilers | GC | other threads |\n|---|---:|---:|---:|---:|");
            fleetRuns.forEach(l -> out.printf("| %s | %s | %s | %s | %s |%n", text(l.r, "label"), l.perM("shard_cpu_s"),
                    l.perM("jit_cpu_s"), l.perM("gc_cpu_s"), l.perM("other_threads_cpu_s")));
            out.println("\nWhere PostgreSQL's CPU goes in the fleet runs, CPU-s per million source rows: the live backends"
                    + " of\nthe source database and of the target's (the workers' pools), and the rest of the cluster (WAL\n"
                    + "writer, checkpointer, connections that closed inside the run: the producer's).\n");
            out.println("| fleet run | source backends | target backends | rest of the cluster |\n|---|---:|---:|---:|");
            fleetRuns.forEach(l -> out.printf("| %s | %s | %s | %s |%n", text(l.r, "label"),
                    l.perM("source_backends_cpu_s"), l.perM("target_backends_cpu_s"), fmt(l.perM(l.restOfCluster()), 2)));
            Comparator<Line> elsewhere = Comparator.comparingDouble(l -> l.restOfCluster() / num(l.r, "postgres_cpu_s"));
            fleetRuns.stream().filter(l -> l.restOfCluster() / num(l.r, "postgres_cpu_s") > ELSEWHERE).max(elsewhere)
                    .ifPresent(l -> out.printf("%n**%.0f %% of the PostgreSQL CPU in \"%s\" was in neither the source nor"
                            + " the target database: another database of the cluster was probably busy, and the"
                            + " PostgreSQL figures are inflated.**%n",
                            100 * l.restOfCluster() / num(l.r, "postgres_cpu_s"), text(l.r, "label")));
        }
    }

    /** bench/cutover.sh: one row per company cut over, largest first, then p50 and max; false when none switched. */
    static boolean cutover(Data d, PrintStream out) {
        String took = d.meta.getOrDefault("duration_s", "").isEmpty() ? "time not recorded" : d.meta("duration_s") + " s";
        out.printf("Cutover of the %s largest of %s companies (%s list_recipients) under %s writes/s, %s workers: %s."
                        + " %s, commit %s; machine: %s cores, %s GiB.%n%n", d.meta("largest"), d.meta("companies"),
                d.meta("rows"), d.meta("rate"), d.meta("workers"), took, d.meta("date"), d.meta("commit"),
                d.meta("cores"), d.meta("memory_gib"));
        if (d.meta.containsKey("note")) out.printf("%s%n%n", d.meta("note"));
        out.println("| company | list_recipients | state | passes | rows re-copied | final delta rows | freeze window s |");
        out.println("|---|---:|---|---:|---:|---:|---:|");
        List<Double> windows = new ArrayList<>();
        d.rows().stream().sorted(Comparator.comparingDouble(r -> -num(r, "list_recipients"))).forEach(r -> {
            double window = num(r, "freeze_window_ms") / 1000;
            out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", text(r, "company"), text(r, "list_recipients"),
                    text(r, "state"), text(r, "passes"), text(r, "rows_recopied"), text(r, "final_delta_rows"), fmt(window, 2));
            if (text(r, "state").equals("switched")) windows.add(window);
        });
        if (windows.isEmpty()) out.println("\nno company switched");
        else out.printf("%nswitched %d; freeze window p50 %.2f s, max %.2f s%n", windows.size(), median(windows),
                windows.stream().mapToDouble(w -> w).max().orElseThrow());
        return !windows.isEmpty();
    }

    static double median(List<Double> values) {
        List<Double> w = values.stream().sorted().toList();
        return w.size() % 2 == 1 ? w.get(w.size() / 2) : (w.get(w.size() / 2 - 1) + w.get(w.size() / 2)) / 2;
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT); // a decimal point, whatever the machine's locale
        if (args.length == 1 && args[0].equals("--self-check")) {
            selfCheck();
            return;
        }
        int first = args.length > 1 && args[0].equals("--targets") ? 2 : 0;
        Data targets = Data.parse(Files.readAllLines(Path.of(first == 2 ? args[1] : "bench/targets.tsv")));
        boolean ok = true;
        for (int i = first; i < args.length; i++) {
            Data d = Data.parse(Files.readAllLines(Path.of(args[i])));
            if (i > first) System.out.println();
            if (d.meta("kind").equals("cutover")) ok &= cutover(d, System.out);
            else run(d, targets, System.out);
        }
        if (!ok) System.exit(1);
    }

    /** A few fixed inputs and the lines they must print: the figures' arithmetic, targets, p50. */
    static void selfCheck() {
        check(median(List.of(9.0, 1.0, 2.0)) == 2.0 && median(List.of(1.0, 9.0, 2.0, 4.0)) == 3.0, "median");
        Data targets = Data.parse(List.of("measure\top\twanted\twhat", "fleet_vs_pgcopydb\t>=\t0.25\tvs pgcopydb",
                "worker_cpu_per_m\t<=\t2.5\tworker", "oom_runs\t<=\t0\tooms", "x4_vs_x1\t<=\t4.4\tx4"));
        Data results = Data.parse(List.of("# commit=abc", "key\tlabel\twall_s\tsource_rows\tmachine_cpu_s\tworkers_cpu_s\toom",
                "pgcopydb\tpgcopydb clone\t5\t1000000\t2\t\t", "fleet-2\tfleet, 2\t20\t1000000\t8\t3\tno"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        run(results, targets, new PrintStream(bytes, true));
        String text = bytes.toString();
        check(text.contains("| vs pgcopydb | 0.25 | >= 0.25 | met |"), "a target met at its bound");
        check(text.contains("| worker | 3.00 | <= 2.5 | MISSED |"), "a target missed");
        check(text.contains("| ooms | 0 of 1 | <= 0 | met |") && !text.contains("| x4 |"), "OOM count; no 4x run, no line");
        check(text.contains("| fleet, 2 | 20.0 | 50000 | 0.25 | - | 3.00 | 5.00 | - |"), "rates, ratios, CPU per M");
        Data cut = Data.parse(List.of("company\tlist_recipients\tstate\tfreeze_window_ms", "1\t10\tswitched\t3000",
                "2\t30\tswitched\t1000", "3\t20\tfailed\t9000"));
        bytes.reset();
        check(cutover(cut, new PrintStream(bytes, true)), "a cutover that switched");
        text = bytes.toString();
        check(text.contains("switched 2; freeze window p50 2.00 s, max 3.00 s"), "p50 and max of the switched only");
        check(text.indexOf("| 2 | 30 |") < text.indexOf("| 1 | 10 |"), "largest company first");
        System.out.println("Render self-check: ok");
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError("Render self-check failed: " + what);
    }
}
