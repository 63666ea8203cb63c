package io.migration.common.copy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The COPY writer's JSON strings are byte for byte what Jackson writes, whatever the characters. */
class JsonEscapesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void escapingUtf8BytesEqualsJacksonOnTheText() throws Exception {
        Random random = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            String value = randomText(random);
            ObjectNode node = JACKSON.createObjectNode();
            node.put("k", value);
            // As text, what the worker sent before (Jackson's byte generator would escape surrogates).
            byte[] expected = JACKSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[Utf8.maxJsonBytes(utf8.length) + 8];
            int at = 0;
            for (byte b : "{\"k\":\"".getBytes(StandardCharsets.US_ASCII)) {
                out[at++] = b;
            }
            at = Utf8.jsonEscaped(utf8, 0, utf8.length, out, at);
            out[at++] = '"';
            out[at++] = '}';
            assertThat(Arrays.copyOf(out, at)).as("JSON of %s", value).isEqualTo(expected);
        }
    }

    @Test
    void encodingInPlaceEqualsStringGetBytes() {
        Random random = new Random(11);
        for (int n = 0; n < 5_000; n++) {
            String value = randomText(random);
            byte[] out = new byte[value.length() * 3];
            int end = Utf8.encode(value, out, 0);
            assertThat(Arrays.copyOf(out, end))
                    .as("UTF-8 of %s", value)
                    .isEqualTo(value.getBytes(StandardCharsets.UTF_8));
        }
        String loneSurrogate = "a" + (char) 0xD83D + "b";
        byte[] out = new byte[9];
        assertThat(Arrays.copyOf(out, Utf8.encode(loneSurrogate, out, 0)))
                .isEqualTo(loneSurrogate.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomText(Random random) {
        String alphabet = "aZ09 \"\\/\b\t\n\f\r\u0000\u0001\u001f\u007féÉ€\u2028😀";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet.codePointAt(
                    alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return text.toString();
    }
}
