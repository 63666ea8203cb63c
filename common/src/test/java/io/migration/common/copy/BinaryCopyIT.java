package io.migration.common.copy;

import static io.migration.common.copy.CopyTable.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Binary COPY in and out against a real server: every type, NULLs, non-ASCII, values larger than the buffer. */
@RealServices
class BinaryCopyIT {

    private static final CopyTable TABLE = CopyTable.of(
            "copy_check",
            column("id", ColumnType.INT8),
            column("u", ColumnType.UUID),
            column("t", ColumnType.TEXT),
            column("ts", ColumnType.TIMESTAMPTZ),
            column("j", ColumnType.JSONB),
            column("n", ColumnType.INT4));

    @Test
    void rowsWrittenInBinaryReadBackIdentically(TestServices services) throws Exception {
        String big = "é".repeat(50_000) + "x";
        UUID uuid = UUID.fromString("ffffffff-0000-5000-8000-000000000001");
        Instant when = Instant.parse("2021-03-04T05:06:07.123456Z");
        try (Connection conn = connect(services)) {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE copy_check (id bigint, u uuid, t text, ts timestamptz, j jsonb, n int)");
            }
            try (BinaryCopyWriter out = BinaryCopyWriter.open(conn, TABLE)) {
                for (int i = 0; i < 3_000; i++) {
                    out.row()
                            .int8(i)
                            .uuid(uuid)
                            .text(i % 7 == 0 ? null : "row " + i + " \t\\ 😀")
                            .timestamptz(PgTime.micros(when) + i)
                            .jsonbObject(utf8("k"), utf8("absent"), utf8("v \"q\" \n"), 0, 7, 0, -1)
                            .int4(-i);
                }
                out.row()
                        .int8(-1)
                        .nul()
                        .text(big)
                        .timestamptz(PgTime.micros(when))
                        .jsonb("{}")
                        .nul();
                assertThat(out.finish()).isEqualTo(3_001);
            }
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT count(*), sum(n), min(ts), max(j ->> 'k'), bool_and(j -> 'absent' IS NULL), "
                                    + "max(length(t)), bool_and(u = 'ffffffff-0000-5000-8000-000000000001' OR u IS NULL) "
                                    + "FROM copy_check")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3_001);
                assertThat(rs.getLong(2)).isEqualTo(-(2_999L * 3_000 / 2));
                assertThat(rs.getObject(3, OffsetDateTime.class).toInstant()).isEqualTo(when);
                assertThat(rs.getString(4)).isEqualTo("v \"q\" \n");
                assertThat(rs.getBoolean(5)).isTrue();
                assertThat(rs.getInt(6)).isEqualTo(big.length());
                assertThat(rs.getBoolean(7)).isTrue();
            }
            try (BinaryCopyReader in = BinaryCopyReader.open(
                    conn, "COPY (SELECT id, t, ts, n FROM copy_check ORDER BY id) TO STDOUT (FORMAT binary)", 4)) {
                assertThat(in.next()).isTrue();
                assertThat(in.int8(0)).isEqualTo(-1);
                assertThat(in.text(1)).isEqualTo(big);
                assertThat(in.timestamptz(2)).isEqualTo(PgTime.micros(when));
                assertThat(in.isNull(3)).isTrue();
                int rows = 1;
                while (in.next()) {
                    long id = in.int8(0);
                    assertThat(in.text(1)).isEqualTo(id % 7 == 0 ? null : "row " + id + " \t\\ 😀");
                    assertThat(in.timestamptz(2)).isEqualTo(PgTime.micros(when) + id);
                    assertThat(in.int4(3)).isEqualTo((int) -id);
                    rows++;
                }
                assertThat(rows).isEqualTo(3_001);
                assertThat(in.next()).isFalse();
            }
        }
    }

    @Test
    void aValueOfTheWrongTypeOrAMissingColumnIsRefusedBeforeTheServerSeesIt(TestServices services) throws Exception {
        try (Connection conn = connect(services)) {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE copy_refused (id bigint, u uuid, t text, ts timestamptz, j jsonb, n int)");
            }
            conn.setAutoCommit(false);
            CopyTable refused = TABLE.renamed("copy_refused");
            try (BinaryCopyWriter out = BinaryCopyWriter.open(conn, refused)) {
                assertThatThrownBy(() -> out.row().text("not an int8"))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("copy_refused.id is INT8");
            }
            conn.rollback();
            try (BinaryCopyWriter out = BinaryCopyWriter.open(conn, refused)) {
                out.row().int8(1);
                assertThatThrownBy(out::row)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("1 of 6");
            }
            conn.rollback();
        }
    }

    @Test
    void aServerErrorDuringACopyOutIsAnSqlExceptionWithItsState(TestServices services) throws Exception {
        try (Connection conn = connect(services)) {
            assertThatThrownBy(() -> {
                        try (BinaryCopyReader in = BinaryCopyReader.open(
                                conn,
                                "COPY (SELECT 1 / (3 - g) FROM generate_series(1, 5) g) TO STDOUT (FORMAT binary)",
                                1)) {
                            while (in.next()) {
                                in.int4(0);
                            }
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22012"));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Connection connect(TestServices services) throws Exception {
        return DriverManager.getConnection(
                services.target().url(),
                services.target().user(),
                services.target().password());
    }
}
