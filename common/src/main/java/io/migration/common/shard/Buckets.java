package io.migration.common.shard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Every email-keyed row belongs to one of {@link #COUNT} buckets: the first 12 bits of the MD5 of
 * its normalized email (0 when it has none). All rows of one recipient share a bucket, so a shard
 * (a range of buckets) holds whole recipients. The source SQL computes the same function
 * ({@code source/bucket-filter} in the worker); {@code BucketsIT} checks that both agree.
 */
public final class Buckets {

    public static final int COUNT = 4096;

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    });

    private Buckets() {
    }

    public static int of(String normalizedEmail) {
        if (normalizedEmail == null) {
            return 0;
        }
        MessageDigest md5 = MD5.get();
        md5.reset();
        byte[] digest = md5.digest(normalizedEmail.getBytes(StandardCharsets.UTF_8));
        return ((digest[0] & 0xff) << 4) | ((digest[1] & 0xf0) >>> 4);
    }

    /** Splits all buckets into {@code shards} contiguous ranges of near-equal size. */
    public static int[][] split(int shards) {
        if (shards < 1 || shards > COUNT) {
            throw new IllegalArgumentException("shards must be 1.." + COUNT + ": " + shards);
        }
        int[][] ranges = new int[shards][2];
        for (int i = 0; i < shards; i++) {
            ranges[i][0] = (int) ((long) COUNT * i / shards);
            ranges[i][1] = (int) ((long) COUNT * (i + 1) / shards) - 1;
        }
        return ranges;
    }
}
