package io.migration.common.copy;

/** The PostgreSQL types this code base COPYs, in their binary wire format. */
public enum ColumnType {
    /** 16 bytes, most significant first. */
    UUID,
    /** 8 bytes, big-endian. */
    INT8,
    /** 4 bytes, big-endian. */
    INT4,
    /** UTF-8 bytes. */
    TEXT,
    /** 8 bytes: microseconds since 2000-01-01 00:00 UTC. */
    TIMESTAMPTZ,
    /** A version byte (1) and the JSON text in UTF-8. */
    JSONB
}
