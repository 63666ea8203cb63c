package io.migration.producer.it;

import io.migration.producer.cli.ProducerCli;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a producer command in-process and captures what it prints, whether it writes through
 * picocli's writers or straight to System.out and System.err.
 */
public final class Cli {

    /** A finished command: its exit code and what it printed. */
    public record Result(int exitCode, String out, String err) {

        public List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }

        public List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
        }

        /** The last line of standard output: enqueue's run id. */
        public String lastLine() {
            List<String> lines = outLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private Cli() {}

    public static synchronized Result run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(outStream);
        System.setErr(errStream);
        int code;
        try {
            code = ProducerCli.run(
                    environment,
                    new PrintWriter(new OutputStreamWriter(outStream, StandardCharsets.UTF_8), true),
                    new PrintWriter(new OutputStreamWriter(errStream, StandardCharsets.UTF_8), true),
                    args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(
                code,
                out.toString(StandardCharsets.UTF_8).strip(),
                err.toString(StandardCharsets.UTF_8).strip());
    }
}
