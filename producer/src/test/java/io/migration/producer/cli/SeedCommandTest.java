package io.migration.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wrong seed arguments are a usage error (exit 64, one line) before any connection is tried. */
class SeedCommandTest {

    /** Nothing listens there: if validation let an argument through, the exit would be 1, not 64. */
    private static final Map<String, String> NOWHERE = Map.of("SOURCE_DB_URL", "jdbc:postgresql://127.0.0.1:1/legacy");

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProducerCli.run(NOWHERE, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertUsageError(Result result, String mentions) {
        assertThat(result.exitCode()).isEqualTo(OneLineErrors.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: ").contains(mentions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-300"})
    void companiesBelowOneAreRefused(String value) {
        assertUsageError(run("seed", "--companies", value, "--rows", "10"), "--companies");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5"})
    void rowsBelowOneAreRefused(String value) {
        assertUsageError(run("seed", "--companies", "3", "--rows", value), "--rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "1.5", "", "10k", "99999999999"})
    void nonNumericCompaniesAreRefused(String value) {
        assertUsageError(run("seed", "--companies", value, "--rows", "10"), "--companies");
    }

    @ParameterizedTest
    @ValueSource(strings = {"many", "2.0", "1e6"})
    void nonNumericRowsAreRefused(String value) {
        assertUsageError(run("seed", "--companies", "3", "--rows", value), "--rows");
    }

    @Test
    void aNonNumericSeedIsRefused() {
        assertUsageError(run("seed", "--companies", "3", "--rows", "10", "--seed", "abc"), "--seed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "0.91", "1", "NaN", "Infinity", "third"})
    void aSkewShareOutsideZeroToNineTenthsIsRefused(String value) {
        assertUsageError(run("seed", "--companies", "3", "--rows", "10", "--skew-share", value), "--skew-share");
    }

    @Test
    void companiesAndRowsAreRequired() {
        assertUsageError(run("seed", "--rows", "10"), "--companies");
        assertUsageError(run("seed", "--companies", "3"), "--rows");
    }

    @Test
    void unknownOptionsAreRefused() {
        assertUsageError(run("seed", "--companies", "3", "--rows", "10", "--fast"), "--fast");
    }

    @Test
    void validArgumentsGetAsFarAsConnecting() {
        Result result = run("seed", "--companies", "3", "--rows", "10");
        assertThat(result.exitCode()).isEqualTo(OneLineErrors.FAILURE);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: cannot connect to jdbc:postgresql://127.0.0.1:1/legacy");
        assertThat(result.err()).containsOnlyOnce("(is the service running?)");

        Result skewed = run("seed", "--companies", "3", "--rows", "10", "--skew-share", "0.33");
        assertThat(skewed.exitCode()).isEqualTo(OneLineErrors.FAILURE);
        assertThat(skewed.err()).startsWith("error: cannot connect to jdbc:postgresql://127.0.0.1:1/legacy");
    }
}
