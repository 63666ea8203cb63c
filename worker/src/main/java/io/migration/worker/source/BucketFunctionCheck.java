package io.migration.worker.source;

import io.migration.common.shard.Buckets;
import io.migration.common.transform.Emails;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The source selects a shard's rows with {@code source/bucket.sql} and the worker files its
 * rejects and recipients under {@link Buckets}: if the two disagreed (a big-endian server, another
 * hash in a future PostgreSQL, a non-UTF-8 database), rows would land in the wrong shard and
 * re-runs would leave stale rows. This asks the server for the bucket of emails covering every
 * length class of the hash and non-ASCII text, and refuses to go on when any differs.
 */
public final class BucketFunctionCheck {

    /** Emails the server and Java must bucket alike: every tail length 0..11, several blocks, non-ASCII. */
    static final List<String> SAMPLE = sample();

    private BucketFunctionCheck() {}

    /** @throws IllegalStateException naming the first email the server puts elsewhere */
    public static void verify(DataSource source) throws SourceReadException {
        try (Connection conn = source.getConnection()) {
            verify(conn);
        } catch (SQLException e) {
            throw new SourceReadException(e);
        }
    }

    static void verify(Connection conn) throws SQLException {
        List<Integer> server = serverBuckets(conn, SAMPLE);
        for (int i = 0; i < SAMPLE.size(); i++) {
            int java = Buckets.of(Emails.normalize(SAMPLE.get(i)));
            if (server.get(i) != java) {
                throw new IllegalStateException("the source server puts email #" + i + " of the bucket check in"
                        + " bucket "
                        + server.get(i) + " where this worker computes " + java + ": its hashtext() differs from "
                        + "io.migration.common.shard.Buckets (big-endian server? non-UTF-8 database?); shards"
                        + " cannot be cut consistently, so the worker does not start");
            }
        }
    }

    /** The server's bucket of each raw email, as the shard queries compute it. */
    public static List<Integer> serverBuckets(Connection conn, List<String> emails) throws SQLException {
        List<Integer> buckets = new ArrayList<>(emails.size());
        try (PreparedStatement st = conn.prepareStatement(SourceStatements.statement("source/bucket-of", Map.of()))) {
            Array array = conn.createArrayOf("text", emails.toArray());
            st.setArray(1, array);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    buckets.add(rs.getInt(1));
                }
            }
        }
        return buckets;
    }

    private static List<String> sample() {
        List<String> emails = new ArrayList<>();
        emails.add(null);
        String base = "Abcdefghijklmnopqrstuvwxyz0123456789@Example.COM";
        for (int length = 0; length <= 30; length++) {
            emails.add(base.substring(0, length));
        }
        emails.add(" \t\u000B\f\r\nPadded@Example.org \t");
        emails.add("ÉLODIE@exämple.org");
        emails.add("\u00A0nbsp@x.io");
        emails.add("😀@emoji.io");
        emails.add("日本語@例え.jp");
        return Collections.unmodifiableList(emails);
    }
}
