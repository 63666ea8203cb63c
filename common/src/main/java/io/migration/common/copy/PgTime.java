package io.migration.common.copy;

import java.time.Instant;

/**
 * Timestamps as this code base carries them: microseconds since 1970-01-01 UTC in a {@code long}
 * (a timestamptz has microsecond precision), converted to PostgreSQL's binary form (microseconds
 * since 2000-01-01) at the wire.
 */
public final class PgTime {

    /** Microseconds between 1970-01-01 and PostgreSQL's epoch 2000-01-01 (UTC). */
    static final long PG_EPOCH_OFFSET_MICROS = 946_684_800L * 1_000_000L;

    private PgTime() {}

    public static long toPostgres(long epochMicros) {
        // +-infinity travel unchanged.
        return epochMicros == Long.MAX_VALUE || epochMicros == Long.MIN_VALUE
                ? epochMicros
                : epochMicros - PG_EPOCH_OFFSET_MICROS;
    }

    public static long fromPostgres(long pgMicros) {
        return pgMicros == Long.MAX_VALUE || pgMicros == Long.MIN_VALUE ? pgMicros : pgMicros + PG_EPOCH_OFFSET_MICROS;
    }

    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }
}
