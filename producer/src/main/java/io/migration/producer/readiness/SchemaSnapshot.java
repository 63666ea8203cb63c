package io.migration.producer.readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A schema description with its canonical JSON (compact, keys sorted at every level) and that JSON's
 * SHA-256, the fingerprint a migrate run compares with its companies' dry runs.
 */
public record SchemaSnapshot(SchemaDescription description, String json, String fingerprint) {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public static SchemaSnapshot of(SchemaDescription description) {
        try {
            String json = CANONICAL.writeValueAsString(description);
            return new SchemaSnapshot(description, json, sha256(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a schema description as JSON", e);
        }
    }

    /** Reads a description back (as recorded in {@code migration.runs}); the JSON may be in any key order. */
    public static SchemaDescription parse(String json) {
        try {
            return CANONICAL.readValue(json, SchemaDescription.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a schema description: " + e.getOriginalMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
