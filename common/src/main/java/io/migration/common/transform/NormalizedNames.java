package io.migration.common.transform;

import java.util.HashMap;
import java.util.Map;

/** lower(trim(x)) of field names and tags: they repeat, and one instance then serves them all. */
final class NormalizedNames {

    private final Map<String, String> known = new HashMap<>();

    String of(String text) {
        if (text == null) {
            return null;
        }
        String normalized = known.get(text);
        if (normalized == null) {
            normalized = Text.lower(Text.trim(text));
            known.put(text, normalized);
        }
        return normalized;
    }
}
