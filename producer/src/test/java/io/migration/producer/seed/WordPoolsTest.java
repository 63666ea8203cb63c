package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class WordPoolsTest {

    @Test
    void valuesKeepTheirWhiteSpaceAndEscapes() {
        assertThat(WordPools.pool("white-space")).containsExactly(" ", "\t", "\n", "\u000B", "\f", "\r");
        assertThat(WordPools.pool("blanks")).contains("", "  ", " \n ", "\r\n", "\f ");
        assertThat(WordPools.pool("domains-non-ascii")).contains("例え.jp");
        assertThat(WordPools.pool("odd-statuses")).contains(" Subscribed ", "bounced\t", "\u000Bpending");
    }

    @Test
    void everyPoolTheGeneratorsUseHasValues() {
        for (String name : new String[] {"first", "last", "domains", "traffic.invalid-emails", "service.tags"}) {
            assertThat(WordPools.pool(name)).as(name).isNotEmpty();
        }
    }

    @Test
    void aLineThatIsNeitherPoolNorQuotedValueIsRefused() throws Exception {
        assertThat(WordPools.parse(new BufferedReader(new StringReader("# c\n[a]\n\"x\\\"y\"\n\"\"\n")))
                        .get("a"))
                .containsExactly("x\"y", "");
        assertThatThrownBy(() -> WordPools.parse(new BufferedReader(new StringReader("[a]\nbare\n"))))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> WordPools.pool("no-such-pool")).hasMessageContaining("no-such-pool");
    }
}
