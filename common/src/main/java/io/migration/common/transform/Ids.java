package io.migration.common.transform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Rule R2: deterministic ids, so that re-runs and independent shards agree on the same
 * recipient and activity ids without any coordination.
 */
public final class Ids {

    public static final UUID NAMESPACE = UUID.fromString("7b1f4c2e-2d6a-5b8e-9c3f-0a4d6e8b1c25");

    /** One digest per thread: looking SHA-1 up for every row showed in profiles. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1.
            throw new IllegalStateException("SHA-1 not available", e);
        }
    });

    private Ids() {
    }

    /** Version-5 UUID of {@code name} in {@link #NAMESPACE}. */
    public static UUID nameBased(String name) {
        return nameBased(NAMESPACE, name);
    }

    /** RFC 9562 version 5: SHA-1 over namespace bytes + UTF-8 name, version 5, variant 10. */
    public static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits());
        ns.putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /** Id of the recipient {@code (companyId, normalizedEmail)}. */
    public static UUID recipientId(long companyId, String normalizedEmail) {
        return nameBased(companyId + ":" + normalizedEmail);
    }

    /** Id of the activity made from one event row, e.g. "open:123". */
    public static UUID activityId(ActivityKind kind, long sourceId) {
        return nameBased(kind.label() + ":" + sourceId);
    }
}
