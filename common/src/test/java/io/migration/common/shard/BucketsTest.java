package io.migration.common.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Java port of PostgreSQL's hashtext against values PostgreSQL 15 computed (BucketsIT checks a live server). */
class BucketsTest {

    @Test
    void hashTextMatchesPostgresForEveryTailLengthAndForNonAscii() {
        // SELECT s, hashtext(s) FROM unnest(ARRAY[...]) s; on PostgreSQL 15, UTF-8, x86-64.
        assertThat(Buckets.hashText("")).isEqualTo(-1477818771);
        assertThat(Buckets.hashText("a")).isEqualTo(1075015857);
        assertThat(Buckets.hashText("ab")).isEqualTo(1718550461);
        assertThat(Buckets.hashText("abc")).isEqualTo(-785388649);
        assertThat(Buckets.hashText("abcd")).isEqualTo(-393934804);
        assertThat(Buckets.hashText("abcde")).isEqualTo(-445659580);
        assertThat(Buckets.hashText("abcdefghijk")).isEqualTo(-1483803693);
        assertThat(Buckets.hashText("abcdefghijkl")).isEqualTo(-1586087212);
        assertThat(Buckets.hashText("abcdefghijklm")).isEqualTo(405849808);
        assertThat(Buckets.hashText("john@example.com")).isEqualTo(-217908343);
        assertThat(Buckets.hashText("élodie@exämple.org")).isEqualTo(1233130862);
        assertThat(Buckets.hashText("😀@x.io")).isEqualTo(1752617718);
        assertThat(Buckets.hashText("a much longer email address@some.domain.example.org"))
                .isEqualTo(-1352710067);
    }

    @Test
    void theAsciiShortcutAgreesWithTheByteForm() {
        String text = "MiXeD.case+tag@sub.domain.org";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length <= text.length(); length++) {
            assertThat(Buckets.hashText(text.substring(0, length))).isEqualTo(Buckets.hash(bytes, 0, length));
        }
    }

    @Test
    void aBucketIsTheLowTwelveBitsAndNullIsBucketZero() {
        assertThat(Buckets.of(null)).isZero();
        assertThat(Buckets.of("john@example.com")).isEqualTo(-217908343 & 4095);
    }

    @Test
    void splitCoversEveryBucketOnceInContiguousRanges() {
        for (int shards : new int[] {1, 2, 3, 7, 4096}) {
            int[][] ranges = Buckets.split(shards);
            assertThat(ranges[0][0]).isZero();
            assertThat(ranges[shards - 1][1]).isEqualTo(Buckets.COUNT - 1);
            for (int i = 1; i < shards; i++) {
                assertThat(ranges[i][0]).isEqualTo(ranges[i - 1][1] + 1);
            }
        }
    }
}
