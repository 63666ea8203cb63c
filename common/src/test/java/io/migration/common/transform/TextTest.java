package io.migration.common.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void trimRemovesTheSixAsciiSpacesFromBothEnds() {
        assertThat(Text.trim(" \t\n\u000B\f\rabc d\r\f\u000B\n\t ")).isEqualTo("abc d");
    }

    @Test
    void trimKeepsNonAsciiSpaces() {
        // NBSP, EM SPACE and NEL are not among the six: they stay.
        assertThat(Text.trim("\u00A0a\u2003")).isEqualTo("\u00A0a\u2003");
        assertThat(Text.trim(" \u0085x ")).isEqualTo("\u0085x");
    }

    @Test
    void trimOfNullIsNullAndOfOnlySpacesIsEmpty() {
        assertThat(Text.trim(null)).isNull();
        assertThat(Text.trim(" \u000B\f ")).isEmpty();
    }

    @Test
    void lowerMapsOnlyAsciiLetters() {
        assertThat(Text.lower("AbC-XYZ_É_Ä_İ")).isEqualTo("abc-xyz_É_Ä_İ");
        assertThat(Text.lower(null)).isNull();
    }

    @Test
    void blankIsNullOrEmptyAfterTrim() {
        assertThat(Text.isBlank(null)).isTrue();
        assertThat(Text.isBlank("")).isTrue();
        assertThat(Text.isBlank(" \t\u000B\f\r\n")).isTrue();
        assertThat(Text.isBlank("\u00A0")).isFalse();
        assertThat(Text.isBlank(" x ")).isFalse();
    }

    @Test
    void trimToNull() {
        assertThat(Text.trimToNull(null)).isNull();
        assertThat(Text.trimToNull(" \f ")).isNull();
        assertThat(Text.trimToNull(" Web \u000B")).isEqualTo("Web");
    }
}
