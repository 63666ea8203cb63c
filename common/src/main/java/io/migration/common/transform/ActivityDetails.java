package io.migration.common.transform;

import io.migration.common.copy.JsonMembers;

/**
 * The {@code detail} JSON of rule R9, with NULL-valued keys left out. The worker streams the
 * members straight into its COPY ({@link #members}); {@link #of} makes the same object as text.
 */
public final class ActivityDetails {

    private ActivityDetails() {
    }

    /**
     * The members of an event's detail: {@code first} is the user agent, url, bounce kind or
     * unsubscribe reason (by {@code kind}), {@code second} a bounce's reason.
     */
    public static void members(ActivityKind kind, String first, String second, JsonMembers out) {
        switch (kind) {
            case OPEN -> putIfNotNull(out, "user_agent", first);
            case CLICK -> putIfNotNull(out, "url", first);
            case BOUNCE -> {
                putIfNotNull(out, "type", first);
                putIfNotNull(out, "reason", second);
            }
            case UNSUBSCRIBE -> putIfNotNull(out, "reason", first);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    /** The event's first detail value (see {@link #members}). */
    static String first(SourceEvent event) {
        return switch (event.kind()) {
            case OPEN -> event.userAgent();
            case CLICK -> event.url();
            case BOUNCE -> event.bounceKind();
            case UNSUBSCRIBE -> event.reason();
        };
    }

    static String second(SourceEvent event) {
        return event.kind() == ActivityKind.BOUNCE ? event.reason() : null;
    }

    /** The detail as compact JSON text, as Jackson writes it. */
    static String of(ActivityKind kind, String first, String second) {
        JsonText json = new JsonText();
        members(kind, first, second, json);
        return json.close();
    }

    private static void putIfNotNull(JsonMembers out, String key, String value) {
        if (value != null) {
            out.member(key, value);
        }
    }

    /** A JSON object of string members as text, with Jackson's escapes. */
    private static final class JsonText implements JsonMembers {
        private final StringBuilder text = new StringBuilder("{");

        @Override
        public void member(String key, String value) {
            if (text.length() > 1) {
                text.append(',');
            }
            string(key);
            text.append(':');
            string(value);
        }

        String close() {
            return text.append('}').toString();
        }

        private void string(String value) {
            text.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> text.append("\\\"");
                    case '\\' -> text.append("\\\\");
                    case '\b' -> text.append("\\b");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\f' -> text.append("\\f");
                    case '\r' -> text.append("\\r");
                    default -> {
                        if (c < 0x20) {
                            text.append(String.format("\\u%04X", (int) c));
                        } else {
                            text.append(c);
                        }
                    }
                }
            }
            text.append('"');
        }
    }
}
