package io.migration.producer.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.producer.runs.TableCheck.SampleKey;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VerificationTest {

    private static CompanyFigures tasks(int tasks, int succeeded, int failed) {
        return new CompanyFigures(
                "v",
                7,
                tasks,
                succeeded,
                failed,
                tasks,
                null,
                null,
                0,
                0,
                null,
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>());
    }

    private static TableCheck same(String table) {
        return new TableCheck(table, 2, 10, 10, 0, 0, 0, 0, List.of());
    }

    @Test
    void verifiedWhenEveryTaskSucceededAndEveryTableMatches() {
        Verification v = Verification.judge(tasks(3, 3, 0), 0, List.of(same("lists"), same("recipients")));
        assertThat(v.verified()).isTrue();
        assertThat(v.label()).isEqualTo("VERIFIED");
    }

    @Test
    void aDifferenceNamesTableKindsAndSampleKeys() {
        TableCheck differs = new TableCheck(
                "recipients",
                2,
                10,
                9,
                1,
                2,
                1,
                1,
                List.of(new SampleKey("missing", "7:a@example.com"), new SampleKey("changed", "7:b@example.com")));
        Verification v = Verification.judge(tasks(3, 3, 0), 0, List.of(same("lists"), differs));
        assertThat(v.label()).isEqualTo("NOT VERIFIED");
        assertThat(v.reasons())
                .containsExactly(
                        "recipients: 10 expected, 9 held, 2 missing, 1 unexpected, 1 changed,"
                                + " checksums differ in 1 of 2 shard(s) (e.g. missing 7:a@example.com, changed 7:b@example.com)");
    }

    @Test
    void aChecksumMismatchAloneIsADifference() {
        TableCheck checksum = new TableCheck("suppressions", 1, 4, 4, 1, 0, 0, 0, List.of());
        assertThat(Verification.judge(tasks(1, 1, 0), 0, List.of(checksum)).verified())
                .isFalse();
    }

    @Test
    void unfinishedFailedOrSilentTasksAreNotVerified() {
        assertThat(Verification.judge(tasks(3, 2, 0), 0, List.of(same("lists"))).reasons())
                .containsExactly("incomplete: 1 of 3 verify task(s) not finished");
        assertThat(Verification.judge(tasks(3, 2, 1), 0, List.of(same("lists"))).reasons())
                .containsExactly("1 of 3 verify task(s) dead-lettered or failed");
        assertThat(Verification.judge(tasks(3, 3, 0), 1, List.of(same("lists"))).reasons())
                .containsExactly("1 succeeded verify task(s) recorded no result");
        assertThat(Verification.judge(tasks(3, 3, 0), 0, List.of()).reasons()).contains("no verify result recorded");
    }
}
