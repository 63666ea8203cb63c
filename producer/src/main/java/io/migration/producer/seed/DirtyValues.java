package io.migration.producer.seed;

import java.util.Locale;

/**
 * The dirt of the legacy rows, value by value, as MIGRATION.md ("What the source really holds")
 * describes production and R1–R13 clean it: emails NULL, invalid (every way R1 names), in odd case
 * or padded with the six white-space characters; names and phones blank, padded or another one;
 * statuses in odd case or not valid at all; blank field names and tags. Each draws from the row's
 * {@link Rng}, so a seed gives the same values.
 */
final class DirtyValues {

    static final double NULL_EMAIL = 0.02;
    static final double INVALID_EMAIL = 0.035;
    static final double EMAIL_CASE = 0.10;
    static final double EMAIL_PADDING = 0.06;

    private static final String[] WHITE_SPACE = WordPools.pool("white-space");
    static final String[] BLANKS = WordPools.pool("blanks");
    private static final String[] STATUS_VALUES = WordPools.pool("status-values");
    private static final double[] STATUS_WEIGHTS = {0.70, 0.82, 0.88, 1.0};
    private static final String[] ODD_STATUSES = WordPools.pool("odd-statuses");
    private static final String[] INVALID_STATUSES = WordPools.pool("invalid-statuses");
    private static final String[] SOURCES = WordPools.pool("sources");

    private DirtyValues() {}

    /**
     * A person's email as one row of the monolith holds it: mostly clean, sometimes NULL, invalid, in
     * odd case or padded; {@code mustDiffer} (the same person again) always changes its spelling.
     */
    static String email(Rng rng, String clean, boolean mustDiffer) {
        if (!mustDiffer) {
            double u = rng.nextDouble();
            if (u < NULL_EMAIL) {
                return null;
            }
            if (u < NULL_EMAIL + INVALID_EMAIL) {
                return invalidEmail(rng, clean);
            }
        }
        String email = clean;
        if (mustDiffer || rng.chance(EMAIL_CASE)) {
            email = caseVariant(rng, email);
        }
        if ((mustDiffer && rng.chance(0.5)) || rng.chance(EMAIL_PADDING)) {
            email = pad(rng, email);
        }
        return email;
    }

    /** One of the ways an email breaks R1 (MIGRATION.md), sometimes with case and padding too. */
    static String invalidEmail(Rng rng, String clean) {
        int at = clean.indexOf('@');
        String local = clean.substring(0, at);
        String domain = clean.substring(at + 1);
        String bad = switch (rng.nextInt(14)) {
            case 0 -> local + domain; // no @
            case 1 -> local + "@" + "@" + domain; // two @
            case 2 -> local + "@home@" + domain; // two @
            case 3 -> "@" + domain; // empty local part
            case 4 -> (local + ".").repeat(64 / (local.length() + 1) + 1) + "x@" + domain; // local > 64
            case 5 -> local + "@localhost"; // domain without a dot
            case 6 -> local + "@." + domain; // domain starts with a dot
            case 7 -> local + "@" + domain + "."; // domain ends with a dot
            case 8 -> local + "@" + domain.replaceFirst("\\.", ".."); // ".." in the domain
            case 9 -> local.replaceFirst("\\.", " ") + "@" + domain; // internal space
            case 10 -> local + "\t@" + domain; // control character inside
            case 11 -> "a@"; // too short
            case 12 -> local + "@" + "sub.".repeat(64) + domain; // longer than 254
            default -> rng.pick(BLANKS); // blank
        };
        if (rng.chance(0.2)) {
            bad = caseVariant(rng, bad);
        }
        return rng.chance(0.1) ? pad(rng, bad) : bad;
    }

    /** Upper or mixed case (non-ASCII letters too: R1's lower only folds A-Z). */
    static String caseVariant(Rng rng, String s) {
        if (s.isEmpty()) {
            return s;
        }
        return switch (rng.nextInt(3)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
            default -> {
                int at = s.indexOf('@');
                yield at < 0
                        ? s.toUpperCase(Locale.ROOT)
                        : s.substring(0, at) + s.substring(at).toUpperCase(Locale.ROOT);
            }
        };
    }

    /** Surrounds with one or more of the six ASCII white-space characters that trim removes. */
    static String pad(Rng rng, String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        int before = rng.nextInt(3);
        int after = before == 0 ? 1 + rng.nextInt(2) : rng.nextInt(3);
        for (int i = 0; i < before; i++) {
            b.append(rng.pick(WHITE_SPACE));
        }
        b.append(s);
        for (int i = 0; i < after; i++) {
            b.append(rng.pick(WHITE_SPACE));
        }
        return b.toString();
    }

    /** Mostly the person's name; sometimes another one (it differs between lists), blank or padded. */
    static String name(Rng rng, String name, String[] others, String[] variants) {
        double u = rng.nextDouble();
        if (u < 0.04) {
            return null;
        }
        if (u < 0.06) {
            return "";
        }
        if (u < 0.09) {
            return rng.pick(BLANKS);
        }
        if (u < 0.13) {
            return rng.pick(others);
        }
        if (u < 0.17) {
            return rng.pick(variants);
        }
        if (u < 0.21) {
            return rng.chance(0.5) ? pad(rng, name) : caseVariant(rng, name);
        }
        return name;
    }

    static String phone(Rng rng, String phone) {
        double u = rng.nextDouble();
        if (phone == null) {
            return u < 0.03 ? "+49 30 " + (100_000 + rng.nextInt(900_000)) : (u < 0.05 ? rng.pick(BLANKS) : null);
        }
        if (u < 0.08) {
            return null;
        }
        if (u < 0.12) {
            return rng.pick(BLANKS);
        }
        if (u < 0.16) {
            return pad(rng, phone);
        }
        if (u < 0.20) {
            return phone.replace(" ", "-");
        }
        return phone;
    }

    static String status(Rng rng) {
        double u = rng.nextDouble();
        if (u < 0.025) {
            return rng.pick(INVALID_STATUSES);
        }
        if (u < 0.075) {
            return rng.pick(ODD_STATUSES);
        }
        return STATUS_VALUES[rng.draw(STATUS_WEIGHTS)];
    }

    static String source(Rng rng) {
        double u = rng.nextDouble();
        if (u < 0.20) {
            return null;
        }
        if (u < 0.23) {
            return rng.pick(BLANKS);
        }
        if (u < 0.26) {
            return pad(rng, rng.pick(SOURCES));
        }
        return rng.pick(SOURCES);
    }
}
