package io.migration.producer.cutover;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The switch's settings, from the environment (CLI.md "The switch"): the four hooks and their
 * timeout, the rollback window, and how catch-up converges before a freeze.
 *
 * @param freezeRows the most changed source rows a freeze may re-copy (CUTOVER_FREEZE_ROWS)
 * @param maxPasses catch-up passes before a company is given up on (CUTOVER_MAX_PASSES)
 * @param maxFrozen companies frozen at once across the run (CUTOVER_MAX_FROZEN): their final work shares the fleet
 * @param drainTimeout how long the application's transactions begun before the freeze may stay open
 * @param copyTimeout how long a pass's tasks may take before the pass fails (CUTOVER_PASS_TIMEOUT)
 */
public record CutoverSettings(
        String freezeHook,
        String unfreezeHook,
        String switchHook,
        String rollbackHook,
        Duration hookTimeout,
        Duration rollbackWindow,
        long freezeRows,
        int maxPasses,
        int maxFrozen,
        Duration drainTimeout,
        Duration copyTimeout,
        Map<String, String> environment) {

    public CutoverSettings {
        environment = Map.copyOf(environment);
    }

    /** The hooks, run with the command's environment. */
    public Hooks hooks() {
        return new Hooks(hookTimeout, environment);
    }

    private static final Pattern DURATION =
            Pattern.compile("(\\d+)\\s*(ms|milliseconds?|s|seconds?|m|minutes?|h|hours?|d|days?)?");

    public static CutoverSettings fromEnvironment(Map<String, String> env) {
        return new CutoverSettings(
                blankToNull(env.get("CUTOVER_FREEZE_HOOK")),
                blankToNull(env.get("CUTOVER_UNFREEZE_HOOK")),
                blankToNull(env.get("CUTOVER_SWITCH_HOOK")),
                blankToNull(env.get("CUTOVER_ROLLBACK_HOOK")),
                duration(env, "CUTOVER_HOOK_TIMEOUT", Duration.ofSeconds(30), "s"),
                duration(env, "CUTOVER_ROLLBACK_WINDOW", Duration.ofDays(7), "d"),
                positive(env, "CUTOVER_FREEZE_ROWS", 2_000),
                (int) positive(env, "CUTOVER_MAX_PASSES", 20),
                (int) positive(env, "CUTOVER_MAX_FROZEN", 1),
                duration(env, "CUTOVER_DRAIN_TIMEOUT", Duration.ofSeconds(30), "s"),
                duration(env, "CUTOVER_PASS_TIMEOUT", Duration.ofMinutes(30), "s"),
                env);
    }

    /** The hooks a cutover needs, or the line saying which is missing. */
    public String missingCutoverHooks() {
        StringBuilder missing = new StringBuilder();
        if (freezeHook == null) {
            missing.append(" CUTOVER_FREEZE_HOOK");
        }
        if (unfreezeHook == null) {
            missing.append(" CUTOVER_UNFREEZE_HOOK");
        }
        if (switchHook == null) {
            missing.append(" CUTOVER_SWITCH_HOOK");
        }
        return missing.isEmpty()
                ? null
                : "cutover needs the application's hooks; not set:" + missing + " (CLI.md, \"The switch\")";
    }

    /** {@code 30}, {@code 30s}, {@code 30 seconds}, {@code 500ms}, {@code 7d} or ISO-8601 {@code PT30S}. */
    static Duration parse(String name, String value, String defaultUnit) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            try {
                return positive(name, Duration.parse(value.strip().toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " is not a duration: " + value);
            }
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " is not a duration (e.g. 30s, 2 minutes, PT30S): " + value);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? defaultUnit : m.group(2);
        Duration d = switch (unit.charAt(0)) {
            case 'm' ->
                unit.startsWith("ms") || unit.startsWith("milli") ? Duration.ofMillis(n) : Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
        return positive(name, d);
    }

    private static Duration positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback, String unit) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : parse(name, v, unit);
    }

    private static long positive(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number: " + v);
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
