package io.migration.common.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "subscribed|subscribed",
                "SUBSCRIBED|subscribed",
                "'  Unsubscribed\t'|unsubscribed",
                "'\u000Bbounced\f'|bounced",
                "PenDing|pending"
            })
    void normalizesValidStatuses(String raw, String expected) {
        assertThat(Statuses.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "active", "sub scribed", "subscribed!", "\u00A0subscribed", "ṗending"})
    void rejectsAnythingElse(String raw) {
        assertThat(Statuses.normalize(raw)).isNull();
    }

    @Test
    void nullIsInvalid() {
        assertThat(Statuses.normalize(null)).isNull();
    }
}
