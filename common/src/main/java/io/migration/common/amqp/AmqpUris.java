package io.migration.common.amqp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks and redacts {@code AMQP_URI}. The Java client quietly falls back to {@code localhost}
 * and {@code guest} when it cannot parse a URI's authority (an unencoded {@code @} in a password),
 * and answers a URI without a scheme with a null-pointer message: both are refused here first.
 */
public final class AmqpUris {

    public static final String VARIABLE = "AMQP_URI";

    private AmqpUris() {}

    /** Throws {@link IllegalArgumentException} with one line naming {@code AMQP_URI} (never its password). */
    public static void check(String uri) {
        if (uri == null || uri.isBlank()) {
            throw invalid(uri, "it is empty");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid(uri, "it is not a URI");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw invalid(uri, "it must start with amqp:// or amqps://");
        }
        if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
            throw invalid(uri, "it has no valid host (percent-encode '@', ':' or '/' in a user or password, e.g. %40)");
        }
        String path = parsed.getRawPath();
        if (path != null && path.length() > 1 && path.indexOf('/', 1) >= 0) {
            throw invalid(uri, "its virtual host must be one path segment (encode '/' as %2F)");
        }
    }

    /**
     * The URI with its password replaced by {@code ***}. The user information ends at the last
     * {@code @} of the authority, so a password holding {@code @} or {@code /} is hidden whole.
     */
    public static String redact(String uri) {
        if (uri == null) {
            return "";
        }
        int schemeEnd = uri.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int end = firstOf(uri, start, '?', '#');
        int at = uri.lastIndexOf('@', end - 1);
        if (at < start) {
            return uri;
        }
        int colon = uri.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return uri;
        }
        return uri.substring(0, colon) + ":***" + uri.substring(at);
    }

    private static int firstOf(String text, int from, char... chars) {
        int first = text.length();
        for (char c : chars) {
            int i = text.indexOf(c, from);
            if (i >= 0 && i < first) {
                first = i;
            }
        }
        return first;
    }

    private static IllegalArgumentException invalid(String uri, String why) {
        return new IllegalArgumentException(
                VARIABLE + " is not a valid amqp:// URI, " + why + ": " + (uri == null ? "" : redact(uri)));
    }
}
