package io.migration.common.transform;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Rule R2: deterministic ids, so that re-runs and independent shards agree on the same
 * recipient and activity ids without any coordination.
 */
public final class Ids {

    public static final UUID NAMESPACE = UUID.fromString("7b1f4c2e-2d6a-5b8e-9c3f-0a4d6e8b1c25");
    private static final byte[] NAMESPACE_BYTES = bytes(NAMESPACE);

    /** One digest and scratch buffer per thread: an id is made per activity row, so nothing is allocated. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final MessageDigest sha1;
        final byte[] name = new byte[64];
        final byte[] hash = new byte[20];

        Scratch() {
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                // Every Java platform must provide SHA-1.
                throw new IllegalStateException("SHA-1 not available", e);
            }
        }
    }

    private Ids() {}

    /** Version-5 UUID of {@code name} in {@link #NAMESPACE}. */
    public static UUID nameBased(String name) {
        return nameBased(NAMESPACE, name);
    }

    /** RFC 9562 version 5: SHA-1 over namespace bytes + UTF-8 name, version 5, variant 10. */
    public static UUID nameBased(UUID namespace, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] ns = namespace.equals(NAMESPACE) ? NAMESPACE_BYTES : bytes(namespace);
        return digest(ns, nameBytes, nameBytes.length);
    }

    /** Id of the recipient {@code (companyId, normalizedEmail)}. */
    public static UUID recipientId(long companyId, String normalizedEmail) {
        return nameBased(companyId + ":" + normalizedEmail);
    }

    /** Id of the activity made from one event row, e.g. "open:123". */
    public static UUID activityId(ActivityKind kind, long sourceId) {
        long[] id = new long[2];
        activityId(kind, sourceId, id);
        return new UUID(id[0], id[1]);
    }

    /** {@link #activityId(ActivityKind, long)} into {@code out} (most, least significant bits): nothing allocated. */
    public static void activityId(ActivityKind kind, long sourceId, long[] out) {
        Scratch scratch = SCRATCH.get();
        byte[] name = scratch.name;
        String label = kind.label();
        int n = 0;
        for (int i = 0; i < label.length(); i++) {
            name[n++] = (byte) label.charAt(i);
        }
        name[n++] = ':';
        n = appendDecimal(sourceId, name, n);
        digest(scratch, NAMESPACE_BYTES, name, n, out);
    }

    private static UUID digest(byte[] namespace, byte[] name, int length) {
        long[] id = new long[2];
        digest(SCRATCH.get(), namespace, name, length, id);
        return new UUID(id[0], id[1]);
    }

    private static void digest(Scratch scratch, byte[] namespace, byte[] name, int length, long[] out) {
        MessageDigest sha1 = scratch.sha1;
        byte[] hash = scratch.hash;
        sha1.update(namespace);
        sha1.update(name, 0, length);
        try {
            sha1.digest(hash, 0, hash.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        out[0] = readLong(hash, 0);
        out[1] = readLong(hash, 8);
    }

    /** Writes {@code value} in decimal (as {@link Long#toString} does) at {@code at}; returns the end. */
    private static int appendDecimal(long value, byte[] out, int at) {
        if (value == Long.MIN_VALUE) {
            byte[] digits = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(digits, 0, out, at, digits.length);
            return at + digits.length;
        }
        if (value < 0) {
            out[at++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = at + digits;
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    private static long readLong(byte[] b, int at) {
        long v = 0;
        for (int i = at; i < at + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    private static byte[] bytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (msb >>> (56 - 8 * i));
            out[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return out;
    }
}
