package io.migration.producer.enqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanySelectionTest {

    @Test
    void aCohortFileIsOneIdALineWithBlankAndCommentLinesIgnored(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cohort.txt"), "# passing\n3\n\n 1 \n3\n");
        CompanySelection selection = CompanySelection.fromCohortFile(file);
        assertThat(selection.companyIds()).containsExactly(1L, 3L);
        assertThat(selection.description()).isEqualTo("cohort cohort.txt (2 companies)");
    }

    /** A binary file was answered "Input length = 1" (the UTF-8 decoder's own words). */
    @Test
    void aBinaryFileIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path gzip = Files.write(
                dir.resolve("cohort.gz"),
                new byte[] {0x1f, (byte) 0x8b, 0x08, 0, 0, 0, 0, 0, 0, (byte) 0xff, 0x33, 0x34, (byte) 0xe2, 0x02, 0});
        assertThatThrownBy(() -> CompanySelection.fromCohortFile(gzip))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cohort file " + gzip + " is not a text list of company ids (one a line): it holds"
                        + " binary data");

        // Valid UTF-8, but NUL and control bytes: no line of it is shown either.
        Path nul = Files.write(dir.resolve("cohort.bin"), "1\n\0\0\u0007\n2\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CompanySelection.fromCohortFile(nul))
                .hasMessage("cohort file " + nul + " is not a text list of company ids (one a line): it holds"
                        + " binary data");
    }

    @Test
    void aTextLineThatIsNoIdIsNamedByItsNumber(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cohort.txt"), "1\ntwo\n");
        assertThatThrownBy(() -> CompanySelection.fromCohortFile(file))
                .hasMessage("cohort file " + file + " line 2 is not a company id: two");
    }
}
