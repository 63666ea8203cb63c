package io.migration.common.shard;

import java.nio.charset.StandardCharsets;

/**
 * Every email-keyed row belongs to one of {@link #COUNT} buckets: the low 12 bits of PostgreSQL's
 * {@code hashtext()} of its normalized email (0 when it has none). All rows of one recipient share
 * a bucket, so a shard (a range of buckets) holds whole recipients.
 *
 * <p>Why hashtext: the source computes the bucket of every row a shard scans, and hashtext costs
 * about a twentieth of md5 there. It is PostgreSQL's {@code hash_bytes} (Bob Jenkins' lookup3) over
 * the text's bytes for a deterministic collation; {@link #hash} is the same function in Java, for a
 * little-endian server with UTF-8 encoding. The worker checks at start-up that the source server
 * agrees ({@code BucketFunctionCheck}), and {@code BucketsIT} checks the SQL production uses.
 */
public final class Buckets {

    public static final int COUNT = 4096;
    private static final int MASK = COUNT - 1;

    private Buckets() {}

    /** The bucket of a normalized email; 0 for null. */
    public static int of(String normalizedEmail) {
        return normalizedEmail == null ? 0 : hashText(normalizedEmail) & MASK;
    }

    /** PostgreSQL's {@code hashtext(value)} for a UTF-8 database on a little-endian server. */
    public static int hashText(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) >= 0x80) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                return hash(bytes, 0, bytes.length);
            }
        }
        return hashAscii(value);
    }

    /** Jenkins' lookup3 {@code hashlittle} as PostgreSQL's {@code hash_bytes} computes it. */
    public static int hash(byte[] k, int offset, int length) {
        int a = 0x9e3779b9 + length + 3923095;
        int b = a;
        int c = a;
        int i = offset;
        int left = length;
        while (left >= 12) {
            a += word(k, i);
            b += word(k, i + 4);
            c += word(k, i + 8);
            // mix(a, b, c)
            a -= c;
            a ^= Integer.rotateLeft(c, 4);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 6);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 8);
            b += a;
            a -= c;
            a ^= Integer.rotateLeft(c, 16);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 19);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 4);
            b += a;
            i += 12;
            left -= 12;
        }
        // The last 0..11 bytes, little-endian; the lowest byte of c stays free (lookup3's layout).
        switch (left) {
            case 11:
                c += (k[i + 10] & 0xff) << 24; // fall through
            case 10:
                c += (k[i + 9] & 0xff) << 16; // fall through
            case 9:
                c += (k[i + 8] & 0xff) << 8; // fall through
            case 8:
                b += (k[i + 7] & 0xff) << 24; // fall through
            case 7:
                b += (k[i + 6] & 0xff) << 16; // fall through
            case 6:
                b += (k[i + 5] & 0xff) << 8; // fall through
            case 5:
                b += k[i + 4] & 0xff; // fall through
            case 4:
                a += (k[i + 3] & 0xff) << 24; // fall through
            case 3:
                a += (k[i + 2] & 0xff) << 16; // fall through
            case 2:
                a += (k[i + 1] & 0xff) << 8; // fall through
            case 1:
                a += k[i] & 0xff; // fall through
            default:
                break;
        }
        return finalMix(a, b, c);
    }

    /** {@link #hash} over the chars of an ASCII string (its UTF-8 bytes), without encoding it first. */
    private static int hashAscii(String s) {
        int length = s.length();
        int a = 0x9e3779b9 + length + 3923095;
        int b = a;
        int c = a;
        int i = 0;
        int left = length;
        while (left >= 12) {
            a += word(s, i);
            b += word(s, i + 4);
            c += word(s, i + 8);
            a -= c;
            a ^= Integer.rotateLeft(c, 4);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 6);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 8);
            b += a;
            a -= c;
            a ^= Integer.rotateLeft(c, 16);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 19);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 4);
            b += a;
            i += 12;
            left -= 12;
        }
        switch (left) {
            case 11:
                c += s.charAt(i + 10) << 24; // fall through
            case 10:
                c += s.charAt(i + 9) << 16; // fall through
            case 9:
                c += s.charAt(i + 8) << 8; // fall through
            case 8:
                b += s.charAt(i + 7) << 24; // fall through
            case 7:
                b += s.charAt(i + 6) << 16; // fall through
            case 6:
                b += s.charAt(i + 5) << 8; // fall through
            case 5:
                b += s.charAt(i + 4); // fall through
            case 4:
                a += s.charAt(i + 3) << 24; // fall through
            case 3:
                a += s.charAt(i + 2) << 16; // fall through
            case 2:
                a += s.charAt(i + 1) << 8; // fall through
            case 1:
                a += s.charAt(i); // fall through
            default:
                break;
        }
        return finalMix(a, b, c);
    }

    private static int finalMix(int a, int b, int c) {
        c ^= b;
        c -= Integer.rotateLeft(b, 14);
        a ^= c;
        a -= Integer.rotateLeft(c, 11);
        b ^= a;
        b -= Integer.rotateLeft(a, 25);
        c ^= b;
        c -= Integer.rotateLeft(b, 16);
        a ^= c;
        a -= Integer.rotateLeft(c, 4);
        b ^= a;
        b -= Integer.rotateLeft(a, 14);
        c ^= b;
        c -= Integer.rotateLeft(b, 24);
        return c;
    }

    private static int word(byte[] k, int i) {
        return (k[i] & 0xff) | (k[i + 1] & 0xff) << 8 | (k[i + 2] & 0xff) << 16 | (k[i + 3] & 0xff) << 24;
    }

    private static int word(String s, int i) {
        return s.charAt(i) | s.charAt(i + 1) << 8 | s.charAt(i + 2) << 16 | s.charAt(i + 3) << 24;
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
