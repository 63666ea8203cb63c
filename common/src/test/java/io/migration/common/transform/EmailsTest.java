package io.migration.common.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

    @Test
    void normalizeTrimsAndLowersAsciiOnly() {
        assertThat(Emails.normalize(" \u000B\fJohn.DOE@Example.COM\t\r\n")).isEqualTo("john.doe@example.com");
        assertThat(Emails.normalize("ÉLODIE@Exämple.ORG")).isEqualTo("Élodie@exämple.org");
        assertThat(Emails.normalize(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a@b.co",
                "x@y.z",
                "first.last+tag@sub.example.com",
                "Élodie@exämple.org",
                "😀@x.io",
                "a@b.c.d",
                "\u007F@b.co"
            })
    void valid(String email) {
        assertThat(Emails.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a@",
                "@b",
                "ab",
                "@b.co",
                "a@@b.co",
                "a@b@c.co",
                "abc.co",
                "a@bco",
                "a@.b.co",
                "a@b.co.",
                "a@b..co",
                "a b@c.co",
                "a@b.c o",
                "a\t@b.co",
                "a@b.co\u0000",
                "a\u0001@b.co",
                " a@b.co"
            })
    void invalid(String email) {
        assertThat(Emails.isValid(email)).isFalse();
    }

    @Test
    void onlyTheSixAsciiSpacesAreTrimmedSoOtherSpacesSurviveAndAboveU0020AreAllowed() {
        // NBSP is above U+0020 and not trimmed: R1 accepts it, here inside and at the end.
        String normalized = Emails.normalize(" A\u00A0b@C.co\u00A0\f");
        assertThat(normalized).isEqualTo("a\u00A0b@c.co\u00A0");
        assertThat(Emails.isValid(normalized)).isTrue();
        // A vertical tab inside is not trimmed and is at or below U+0020.
        assertThat(Emails.isValid(Emails.normalize("a\u000Bb@c.co"))).isFalse();
    }

    @Test
    void nullIsInvalid() {
        assertThat(Emails.isValid(null)).isFalse();
    }

    @Test
    void threeCodePointsIsTheMinimum() {
        // "a@b" has no dot in its domain, so the shortest valid is longer; length alone: 2 is too short.
        assertThat(Emails.isValid("@.")).isFalse();
        assertThat(Emails.isValid("a@b.c")).isTrue();
    }

    @Test
    void totalLengthBoundaryIs254CodePoints() {
        String local = "a".repeat(64);
        String at254 = local + "@" + domainOfLength(254 - 65);
        String at255 = local + "@" + domainOfLength(255 - 65);
        assertThat(at254.codePointCount(0, at254.length())).isEqualTo(254);
        assertThat(Emails.isValid(at254)).isTrue();
        assertThat(Emails.isValid(at255)).isFalse();
    }

    @Test
    void lengthCountsCodePointsNotUtf16Chars() {
        // 254 code points but 254 + 60 UTF-16 chars: still valid.
        String local = "😀".repeat(60) + "a".repeat(4);
        String email = local + "@" + domainOfLength(254 - 65);
        assertThat(email.length()).isEqualTo(314);
        assertThat(Emails.isValid(email)).isTrue();
        assertThat(Emails.isValid(local + "@" + domainOfLength(255 - 65))).isFalse();
    }

    @Test
    void localPartBoundaryIs64CodePoints() {
        assertThat(Emails.isValid("a".repeat(64) + "@b.co")).isTrue();
        assertThat(Emails.isValid("a".repeat(65) + "@b.co")).isFalse();
        // 64 emoji are 128 UTF-16 chars but only 64 code points.
        assertThat(Emails.isValid("😀".repeat(64) + "@b.co")).isTrue();
        assertThat(Emails.isValid("😀".repeat(65) + "@b.co")).isFalse();
    }

    @Test
    void emojiCountsAsOneCodePoint() {
        // Three code points but four UTF-16 chars (emoji is a surrogate pair).
        assertThat(Emails.isValid("😀@.")).isFalse(); // fails on the domain, not the length
        assertThat(Emails.isValid("😀@b.c")).isTrue();
    }

    /** A domain like "bbbb.co" of exactly {@code length} code points. */
    private static String domainOfLength(int length) {
        return "b".repeat(length - 3) + ".co";
    }
}
