package io.migration.producer.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The statements of a classpath .sql file: comment lines dropped, split at each ';'. */
final class SqlScript {

    private SqlScript() {}

    static List<String> statements(String resource) {
        return split(read(resource));
    }

    static String single(String resource) {
        List<String> statements = statements(resource);
        if (statements.size() != 1) {
            throw new IllegalStateException(resource + " must hold exactly one statement");
        }
        return statements.get(0);
    }

    static String read(String resource) {
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Good enough for our own scripts: no ';' inside literals, comments only as whole lines. */
    static List<String> split(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String part : code.toString().split(";")) {
            String statement = part.strip();
            if (!statement.isEmpty()) {
                out.add(statement);
            }
        }
        return out;
    }
}
