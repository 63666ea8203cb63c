package io.migration.producer.cutover;

import io.migration.common.checksum.BucketChecksums;
import io.migration.common.checksum.SourceChecksums;
import io.migration.common.db.Jdbis;
import io.migration.common.db.SqlFiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/** What the cutover reads from the source itself (read-only): checksums, its clock, open transactions. */
final class SourceProbe {

    private final DataSource source;

    SourceProbe(DataSource source) {
        this.source = source;
    }

    /** The company's rows now, per group and bucket. */
    BucketChecksums checksums(long companyId) throws SQLException {
        try (Connection conn = source.getConnection()) {
            conn.setAutoCommit(false);
            try {
                return SourceChecksums.readCompany(conn, companyId);
            } finally {
                conn.rollback();
            }
        }
    }

    /** The source server's clock: transactions are compared with it, not with this machine's. */
    Instant now() throws SQLException {
        try (Connection conn = source.getConnection();
                ResultSet rs = conn.createStatement().executeQuery(SqlFiles.get("cutover/source-now"))) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    /**
     * Waits until no transaction that began before {@code before} is still open (FIELD-NOTES: a
     * snapshot taken after they all ended sees every write they committed).
     *
     * @return 0 when drained, else how many are still open after {@code timeout}
     */
    long awaitDrained(Instant before, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Handle h = Jdbis.create(source).open()) {
            while (true) {
                long open = h.createQuery(SqlFiles.get("cutover/open-transactions"))
                        .bind("before", Timestamp.from(before))
                        .mapTo(Long.class)
                        .one();
                if (open == 0 || System.nanoTime() > deadline) {
                    return open;
                }
                Thread.sleep(20);
            }
        }
    }
}
