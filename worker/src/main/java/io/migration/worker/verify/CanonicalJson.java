package io.migration.worker.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON in one canonical text (keys sorted, no spaces), so that the detail the rules make and the
 * detail PostgreSQL's jsonb gives back compare equal exactly when they mean the same.
 */
final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalJson() {}

    static String of(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            Object plain = MAPPER.treeToValue(tree, Object.class);
            return MAPPER.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            // Not JSON at all: compare it as text (it then differs from anything the rules make).
            return "not json: " + json;
        }
    }
}
