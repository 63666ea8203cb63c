package io.migration.common.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmqpUrisTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "amqp://guest:guest@localhost:5672/%2F | amqp://guest:***@localhost:5672/%2F",
                "amqp://u:p@ss@host/%2F | amqp://u:***@host/%2F",
                "amqp://u:p@s@s@host:5672/vh | amqp://u:***@host:5672/vh",
                "amqps://u:pa/ss@host/%2F | amqps://u:***@host/%2F",
                "amqp://u:p%40ss@host/%2F | amqp://u:***@host/%2F",
                "amqp://u:secret@host/%2F?heartbeat=10 | amqp://u:***@host/%2F?heartbeat=10",
                "amqp://user@host/%2F | amqp://user@host/%2F",
                "amqp://host:5672/%2F | amqp://host:5672/%2F",
                "u:secret@host | u:***@host",
            })
    void redactsThePasswordWhole(String uri, String redacted) {
        assertThat(AmqpUris.redact(uri)).isEqualTo(redacted);
    }

    @Test
    void redactsNothingOutOfNull() {
        assertThat(AmqpUris.redact(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"amqp://guest:guest@127.0.0.1:5672/%2F", "amqps://u:p%40ss@broker.example/vh", "amqp://host"})
    void acceptsValidUris(String uri) {
        AmqpUris.check(uri);
        assertThat(AmqpConnections.factory(uri).getHost()).isNotEqualTo("");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "localhost:5672 | must start with amqp://",
                "'' | it is empty",
                "http://host/ | must start with amqp://",
                "amqp://guest:s3cret@ | no valid host",
                "amqp://u:s3cret@pw@host/%2F | no valid host",
                "amqp://host/a/b | one path segment",
                "amqp://[bad | not a URI",
            })
    void refusesMalformedUrisInOneLineNamingTheVariableWithoutThePassword(String uri, String why) {
        assertThatThrownBy(() -> AmqpConnections.factory(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AMQP_URI is not a valid amqp:// URI, ")
                .hasMessageContaining(why)
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("\n");
    }
}
