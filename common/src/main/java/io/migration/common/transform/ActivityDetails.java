package io.migration.common.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code detail} JSON of rule R9, with NULL-valued keys left out. */
final class ActivityDetails {

    // ObjectMapper is thread-safe once configured; building nodes needs no other state.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ActivityDetails() {
    }

    static String of(SourceEvent event) {
        ObjectNode detail = MAPPER.createObjectNode();
        switch (event.kind()) {
            case OPEN -> putIfNotNull(detail, "user_agent", event.userAgent());
            case CLICK -> putIfNotNull(detail, "url", event.url());
            case BOUNCE -> {
                putIfNotNull(detail, "type", event.bounceKind());
                putIfNotNull(detail, "reason", event.reason());
            }
            case UNSUBSCRIBE -> putIfNotNull(detail, "reason", event.reason());
            default -> throw new IllegalArgumentException("unknown kind " + event.kind());
        }
        try {
            return MAPPER.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            // A tree of text nodes always serializes.
            throw new IllegalStateException(e);
        }
    }

    private static void putIfNotNull(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
