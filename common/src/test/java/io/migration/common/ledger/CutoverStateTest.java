package io.migration.common.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A company's switch as a table: where each state may go next. */
class CutoverStateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            # from      | ended | may move to
              pending     | false | catching-up failed
              catching-up | false | frozen failed
              frozen      | false | switched failed
              switched    | true  | rolled-back
              failed      | true  |
              rolled-back | true  |
            """)
    void theDiagramsArrows(String from, boolean ended, String to) {
        CutoverState state = CutoverState.of(from);
        List<String> allowed = to == null ? List.of() : List.of(to.split(" "));
        assertThat(Arrays.stream(CutoverState.values()).filter(state::canMoveTo).map(CutoverState::wireName))
                .containsExactlyInAnyOrderElementsOf(allowed);
        assertThat(state.ended()).isEqualTo(ended);
    }

    @Test
    void theWireNamesAreTheSchemas() throws IOException {
        String ddl;
        try (InputStream in = getClass().getResourceAsStream("/db/recipients/V7__switch.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher check =
                Pattern.compile("CHECK \\(state IN \\(('pending'[^)]*)\\)\\)").matcher(ddl);
        assertThat(check.find()).isTrue();
        List<String> schema = Arrays.stream(check.group(1).split(","))
                .map(s -> s.trim().replace("'", ""))
                .toList();
        assertThat(Arrays.stream(CutoverState.values()).map(CutoverState::wireName))
                .containsExactlyElementsOf(schema);
    }
}
