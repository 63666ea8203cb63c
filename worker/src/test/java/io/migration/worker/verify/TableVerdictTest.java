package io.migration.worker.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TableVerdictTest {

    private static final UUID ID = UUID.fromString("7b1f4c2e-2d6a-5b8e-9c3f-0a4d6e8b1c25");

    @Test
    void theSameRowsInAnyOrderAndAnyTimeZoneMatch() {
        TableImage expected = new TableImage("recipients");
        expected.add("id=a", ID, 7L, "a@x.io", Instant.parse("2024-01-02T03:04:05.123456Z"));
        expected.add("id=b", ID, 7L, "b@x.io", null);
        TableImage actual = new TableImage("recipients");
        actual.add("id=b", ID, 7, "b@x.io", null);
        actual.add("id=a", ID, 7, "a@x.io", OffsetDateTime.of(2024, 1, 2, 5, 4, 5, 123_456_000, ZoneOffset.ofHours(2)));
        TableVerdict verdict = TableVerdict.compare(expected, actual);
        assertThat(verdict.matches()).isTrue();
        assertThat(verdict.expectedChecksum()).isEqualTo(verdict.actualChecksum());
        assertThat(verdict.sample()).isEmpty();
    }

    @Test
    void eachKindOfDifferenceIsCountedAndSampledByKey() {
        TableImage expected = new TableImage("recipient_tags");
        expected.add("k1", "vip");
        expected.add("k2", "new");
        TableImage actual = new TableImage("recipient_tags");
        actual.add("k1", "VIP");
        actual.add("k3", "old");
        TableVerdict verdict = TableVerdict.compare(expected, actual);
        assertThat(verdict.matches()).isFalse();
        assertThat(verdict.changed()).isEqualTo(1);
        assertThat(verdict.missing()).isEqualTo(1);
        assertThat(verdict.unexpected()).isEqualTo(1);
        assertThat(verdict.sample())
                .containsExactly(
                        new TableVerdict.Difference("changed", "k1"),
                        new TableVerdict.Difference("missing", "k2"),
                        new TableVerdict.Difference("unexpected", "k3"));
    }

    @Test
    void aSeparatorInsideAValueCannotMakeTwoRowsEqual() {
        TableImage a = new TableImage("t");
        a.add("k", "x|y", "z");
        TableImage b = new TableImage("t");
        b.add("k", "x", "y|z");
        assertThat(TableVerdict.compare(a, b).changed()).isEqualTo(1);
        TableImage nulls = new TableImage("t");
        nulls.add("k", null, "z");
        TableImage empty = new TableImage("t");
        empty.add("k", "", "z");
        assertThat(TableVerdict.compare(nulls, empty).changed())
                .as("NULL is not ''")
                .isEqualTo(1);
    }

    @Test
    void theSampleIsBounded() {
        TableImage expected = new TableImage("lists");
        for (int i = 0; i < 100; i++) {
            expected.add("id=" + i, i);
        }
        TableVerdict verdict = TableVerdict.compare(expected, new TableImage("lists"));
        assertThat(verdict.missing()).isEqualTo(100);
        assertThat(verdict.sample()).hasSize(TableVerdict.SAMPLE);
    }

    @Test
    void jsonComparesByMeaning() {
        assertThat(CanonicalJson.of("{\"url\": \"https://x\", \"type\": \"hard\"}"))
                .isEqualTo(CanonicalJson.of("{\"type\":\"hard\",\"url\":\"https://x\"}"));
        assertThat(CanonicalJson.of("{}")).isEqualTo("{}");
        assertThat(CanonicalJson.of("{\"reason\":\"a\"}")).isNotEqualTo(CanonicalJson.of("{\"reason\":\"b\"}"));
    }
}
