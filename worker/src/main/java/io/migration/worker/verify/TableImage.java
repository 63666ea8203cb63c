package io.migration.worker.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One target table's rows of one shard, as verify sees them: each row's key and a 64-bit hash of
 * its whole content (SHA-256 of a typed, length-prefixed encoding, so no separator can make two
 * different rows collide), their count, and an order-independent checksum (the sum of the
 * hashes). Built the same way from what the source says and from what the target holds.
 */
final class TableImage {

    private static final Instant EPOCH = Instant.EPOCH;

    private final String table;
    private final Map<String, Long> rows = new HashMap<>();
    private final MessageDigest sha256;
    private long count;
    private long checksum;

    TableImage(String table) {
        this.table = table;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    String table() {
        return table;
    }

    /** Adds one row: {@code key} names it in a report, {@code values} are all its columns. */
    void add(String key, Object... values) {
        sha256.reset();
        for (Object value : values) {
            encode(value);
        }
        long hash = ByteBuffer.wrap(sha256.digest()).getLong();
        // A key seen twice (impossible under the target's keys) still counts twice, so it shows.
        rows.merge(key, hash, (a, b) -> a ^ Long.rotateLeft(b, 1));
        count++;
        checksum += hash;
    }

    long count() {
        return count;
    }

    String checksum() {
        return String.format("%016x", checksum);
    }

    Map<String, Long> rows() {
        return rows;
    }

    private void encode(Object value) {
        if (value == null) {
            sha256.update((byte) 0);
            return;
        }
        String text;
        byte tag;
        if (value instanceof Instant instant) {
            tag = 't';
            text = Long.toString(ChronoUnit.MICROS.between(EPOCH, instant));
        } else if (value instanceof OffsetDateTime time) {
            tag = 't';
            text = Long.toString(ChronoUnit.MICROS.between(EPOCH, time.toInstant()));
        } else if (value instanceof UUID uuid) {
            tag = 'u';
            text = uuid.toString();
        } else if (value instanceof Number number) {
            tag = 'n';
            text = Long.toString(number.longValue());
        } else {
            tag = 's';
            text = value.toString();
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha256.update(tag);
        sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha256.update(bytes);
    }
}
