package io.migration.common.transform;

import java.util.Locale;

/** The reasons a source row may be rejected with (R1–R11); {@link #code()} is what gets stored. */
public enum RejectReason {
    INVALID_EMAIL,
    DELETED_LIST,
    ORPHAN_LIST,
    INVALID_STATUS,
    BLANK_FIELD_NAME,
    NULL_VALUE,
    BLANK_TAG,
    PARENT_REJECTED,
    ORPHAN_RECIPIENT;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The spec's lower_snake_case reason, e.g. "invalid_email". */
    public String code() {
        return code;
    }
}
