package io.migration.common.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The monolith's ten tables: the project's one copy of the spec's {@code legacy-schema.sql}, on the
 * classpath as {@value #RESOURCE}. The seed command creates the source tables from it and the tests'
 * oracle loads the same file, so what production runs is what the tests check.
 */
public final class LegacyDdl {

    public static final String RESOURCE = "/legacy/legacy-schema.sql";

    /** The legacy tables, in the order of the spec file. */
    public static final List<String> TABLES = List.of(
            "companies",
            "lists",
            "list_recipients",
            "list_recipient_fields",
            "recipient_tags",
            "recipient_opens",
            "recipient_clicks",
            "recipient_bounces",
            "recipient_unsubscribes",
            "suppressions");

    private LegacyDdl() {}

    /** The whole script: CREATE TABLE and CREATE INDEX statements with their comments. */
    public static String script() {
        try (InputStream in = LegacyDdl.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
