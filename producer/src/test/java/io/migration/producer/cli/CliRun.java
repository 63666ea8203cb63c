package io.migration.producer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs one producer command in-process and captures what it prints, whether through picocli's
 * writers or System.out / System.err (test classes run one at a time, so swapping them is safe).
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
            code = ProducerCli.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        CliRun run = new CliRun(
                code, sysOut.toString(StandardCharsets.UTF_8) + out, sysErr.toString(StandardCharsets.UTF_8) + err);
        oldOut.print(run.out());
        oldErr.print(run.err());
        return run;
    }

    public List<String> errLines() {
        String e = err.strip();
        return e.isEmpty() ? List.of() : List.of(e.split("\n"));
    }

    public List<String> outLines() {
        String o = out.strip();
        return o.isEmpty() ? List.of() : List.of(o.split("\n"));
    }

    /** The last line of standard output (enqueue's run id). */
    public String lastOutLine() {
        List<String> lines = outLines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
