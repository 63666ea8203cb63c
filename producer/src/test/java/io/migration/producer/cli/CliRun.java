package io.migration.producer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One producer command run in-process: its exit code and what it printed, whether through
 * picocli's writers or straight to System.out / System.err, in the order it printed it. Runs one
 * at a time (System.out and System.err are swapped meanwhile); what was captured is echoed to the
 * real streams afterwards, for the test's log.
 */
public record CliRun(int exitCode, String out, String err) {

    public static synchronized CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setOut(outStream);
            System.setErr(errStream);
            code = ProducerCli.run(env, writerTo(outStream), writerTo(errStream), args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        CliRun run = new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldOut.print(run.out());
        oldErr.print(run.err());
        return run;
    }

    public List<String> outLines() {
        return lines(out);
    }

    public List<String> errLines() {
        return lines(err);
    }

    /** The last line of standard output (enqueue's run id). */
    public String lastOutLine() {
        List<String> lines = outLines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }

    private static List<String> lines(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\n"));
    }

    /** A writer straight into the stream (no buffer of its own), so both ways of printing keep their order. */
    private static PrintWriter writerTo(PrintStream stream) {
        return new PrintWriter(
                new Writer() {
                    @Override
                    public void write(char[] chars, int offset, int length) {
                        stream.print(new String(chars, offset, length));
                    }

                    @Override
                    public void flush() {
                        stream.flush();
                    }

                    @Override
                    public void close() {}
                },
                true);
    }
}
