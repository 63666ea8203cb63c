package io.migration.worker.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.db.SqlFiles;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.Emails;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The source SQL picks a shard's rows by bucket and the worker files rows and rejects under the
 * bucket Java computes: if the two ever disagreed, a re-run would leave stale rows behind.
 */
@RealServices
class BucketsIT {

    private static final List<String> EMAILS = Arrays.asList(null, "", " ", "a@b.co", " A@B.CO\t", "\u000BJohn@Example.COM\f\r\n",
            "ÉLAN@exämple.com", "élan@EXÄMPLE.com", "josé@x.io", "JOSÉ@X.IO", "\u00A0nbsp@x.io", "a b@c.d",
            "x@y..z", "😀@emoji.io", "MiXeD.Case+Tag@Sub.Domain.ORG   ");

    @Test
    void sqlAndJavaPutEveryEmailInTheSameBucket(TestServices services) throws Exception {
        List<String> emails = new ArrayList<>(EMAILS);
        Random random = new Random(20261125);
        for (int i = 0; i < 2_000; i++) {
            emails.add(randomEmail(random));
        }
        try (Connection conn = DriverManager.getConnection(services.source().url(), services.source().user(),
                services.source().password());
             PreparedStatement st = conn.prepareStatement(SqlFiles.get("source/bucket-of"))) {
            for (String email : emails) {
                st.setString(1, email);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("bucket of %s", email == null ? "NULL" : "'" + email + "'")
                            .isEqualTo(Buckets.of(Emails.normalize(email)));
                }
            }
        }
    }

    @Test
    void emailsThatNormalizeAlikeShareABucketAndCaseOutsideAsciiIsKept() {
        assertThat(Buckets.of(Emails.normalize(" A@B.CO\t"))).isEqualTo(Buckets.of("a@b.co"));
        assertThat(Buckets.of(Emails.normalize("JOSÉ@X.IO"))).isEqualTo(Buckets.of("josÉ@x.io"));
        assertThat(Buckets.of(null)).isZero();
        assertThat(Buckets.of("a@b.co")).isBetween(0, Buckets.COUNT - 1);
    }

    private static String randomEmail(Random random) {
        String alphabet = "aAbBzZ09._-+ \t\u000B\f\r\néÉöÖ😀@";
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(30);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return out.toString();
    }
}
