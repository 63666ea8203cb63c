package io.migration.common.transform;

import java.nio.charset.StandardCharsets;

/**
 * The {@code detail} JSON of rule R9: {@code {"user_agent": …}} for opens, {@code {"url": …}} for
 * clicks, {@code {"type": kind, "reason": …}} for bounces, {@code {"reason": …}} for unsubscribes, a
 * key whose value is NULL left out. An event's values are {@code first} (user agent, url, bounce
 * kind or unsubscribe reason) and {@code second} (a bounce's reason), as the UTF-8 bytes the source
 * sent: the worker streams them into its COPY ({@link #firstKey}, {@link #secondKey}) without
 * decoding them; {@link #of} makes the same object as text.
 */
public final class ActivityDetails {

    private static final byte[] USER_AGENT = ascii("user_agent");
    private static final byte[] URL = ascii("url");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] REASON = ascii("reason");

    private ActivityDetails() {}

    /** The key of an event's first value in its detail. */
    public static byte[] firstKey(ActivityKind kind) {
        return switch (kind) {
            case OPEN -> USER_AGENT;
            case CLICK -> URL;
            case BOUNCE -> TYPE;
            case UNSUBSCRIBE -> REASON;
        };
    }

    /** The key of an event's second value, or null when its kind has none. */
    public static byte[] secondKey(ActivityKind kind) {
        return kind == ActivityKind.BOUNCE ? REASON : null;
    }

    /** The event's first detail value. */
    static byte[] first(SourceEvent event) {
        return utf8(
                switch (event.kind()) {
                    case OPEN -> event.userAgent();
                    case CLICK -> event.url();
                    case BOUNCE -> event.bounceKind();
                    case UNSUBSCRIBE -> event.reason();
                });
    }

    static byte[] second(SourceEvent event) {
        return utf8(event.kind() == ActivityKind.BOUNCE ? event.reason() : null);
    }

    /** The detail as compact JSON text, with Jackson's escapes. */
    static String of(ActivityKind kind, byte[] first, byte[] second) {
        StringBuilder json = new StringBuilder("{");
        member(json, firstKey(kind), first);
        member(json, secondKey(kind), second);
        return json.append('}').toString();
    }

    private static void member(StringBuilder json, byte[] key, byte[] value) {
        if (key == null || value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        string(json, new String(key, StandardCharsets.UTF_8));
        json.append(':');
        string(json, new String(value, StandardCharsets.UTF_8));
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04X", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String key) {
        return key.getBytes(StandardCharsets.US_ASCII);
    }
}
