package io.migration.worker.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.shard.Buckets;
import io.migration.common.transform.Emails;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The source SQL picks a shard's rows by bucket and the worker files rows and rejects under the
 * bucket Java computes: if the two ever disagreed, a re-run would leave stale rows behind. These
 * check the one copy of the bucket SQL that production composes into its statements.
 */
@RealServices
class BucketsIT {

    private static final List<String> EMAILS = Arrays.asList(
            null,
            "",
            " ",
            "a@b.co",
            " A@B.CO\t",
            "\u000BJohn@Example.COM\f\r\n",
            "ÉLAN@exämple.com",
            "élan@EXÄMPLE.com",
            "josé@x.io",
            "JOSÉ@X.IO",
            "\u00A0nbsp@x.io",
            "a b@c.d",
            "x@y..z",
            "😀@emoji.io",
            "MiXeD.Case+Tag@Sub.Domain.ORG   ");

    @Test
    void sqlAndJavaPutEveryEmailInTheSameBucket(TestServices services) throws Exception {
        List<String> emails = new ArrayList<>(EMAILS);
        Random random = new Random(20261125);
        for (int i = 0; i < 5_000; i++) {
            emails.add(randomEmail(random));
        }
        try (Connection conn = DriverManager.getConnection(
                services.source().url(),
                services.source().user(),
                services.source().password())) {
            // The statement production uses: source/bucket.sql composed into source/bucket-of.sql.
            List<Integer> server = BucketFunctionCheck.serverBuckets(conn, emails);
            assertThat(server).hasSameSizeAs(emails);
            for (int i = 0; i < emails.size(); i++) {
                String email = emails.get(i);
                assertThat(server.get(i))
                        .as("bucket of %s", email == null ? "NULL" : "'" + email + "'")
                        .isEqualTo(Buckets.of(Emails.normalize(email)));
            }
            BucketFunctionCheck.verify(conn);
        }
    }

    @Test
    void theShardQueriesSelectRowsByTheSameBuckets(TestServices services) throws Exception {
        try (Connection conn = DriverManager.getConnection(
                        services.source().url(),
                        services.source().user(),
                        services.source().password());
                Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE bucket_rows (company_id bigint, email text)");
            List<String> emails = new ArrayList<>(EMAILS);
            Random random = new Random(5);
            for (int i = 0; i < 1_000; i++) {
                emails.add(randomEmail(random));
            }
            try (PreparedStatement insert = conn.prepareStatement("INSERT INTO bucket_rows VALUES (1, ?)")) {
                for (String email : emails) {
                    insert.setString(1, email);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // The filter the shard reads use, for a range, picks exactly the emails Java puts there.
            String filter = SourceStatements.bucketFilter(1000, 2999, Buckets.COUNT);
            List<String> picked = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT email FROM bucket_rows WHERE company_id = 1 " + filter)) {
                while (rs.next()) {
                    picked.add(rs.getString(1));
                }
            }
            List<String> expected = emails.stream()
                    .filter(e -> {
                        int b = Buckets.of(Emails.normalize(e));
                        return b >= 1000 && b <= 2999;
                    })
                    .toList();
            assertThat(picked).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(SourceStatements.bucketFilter(0, Buckets.COUNT - 1, Buckets.COUNT))
                    .isEmpty();
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
            out.appendCodePoint(alphabet.codePointAt(
                    alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return out.toString();
    }
}
