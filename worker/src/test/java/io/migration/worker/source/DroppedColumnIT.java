package io.migration.worker.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.migration.common.shard.Buckets;
import io.migration.common.transform.SourceList;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.Datasets;
import io.migration.worker.pace.Pacer;
import io.migration.worker.resilience.ErrorClass;
import io.migration.worker.resilience.ErrorClassifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A source column dropped under the fleet (a legacy schema change): the shard's dead letter said
 * "[42703] undefined_column" and nothing more. It names the table the reader was reading and the
 * column that is gone, and no row value.
 */
@RealServices
class DroppedColumnIT {

    @Test
    void aDroppedSourceColumnIsNamedWithItsTable(TestServices services) throws Exception {
        long company = Datasets.seedAndCreateSchema(services, 1, 200, 5).get(0);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(services.source().url());
        source.setUser(services.source().user());
        source.setPassword(services.source().password());
        ShardReader reader = new ShardReader(source);

        drop(services, "recipient_tags", "tag");
        assertThat(readFailure(reader, company))
                .isEqualTo("[42703] undefined_column (table recipient_tags, column tag)");

        drop(services, "list_recipients", "phone");
        assertThat(readFailure(reader, company))
                .isEqualTo("[42703] undefined_column (table list_recipients, column phone)");
    }

    /** The summary (dead letter, log line) of the shard's read, which must fail as the task's own error. */
    private static String readFailure(ShardReader reader, long company) throws Exception {
        try (SourceSnapshot snapshot = reader.open(Pacer.UNLIMITED)) {
            List<SourceList> lists = snapshot.lists(company, false);
            SourceReadException e = catchThrowableOfType(
                    () -> snapshot.recipients(company, lists, 0, Buckets.COUNT - 1), SourceReadException.class);
            assertThat((Throwable) e).as("the read fails").isNotNull();
            ErrorClass error = ErrorClassifier.classify(new RuntimeException(e));
            assertThat(error.isTransient())
                    .as("a schema change is the task's own failure")
                    .isFalse();
            return error.summary();
        }
    }

    private static void drop(TestServices services, String table, String column) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        services.source().url(),
                        services.source().user(),
                        services.source().password());
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
        }
    }
}
