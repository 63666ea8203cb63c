package io.migration.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.config.DatabaseSettings;
import io.migration.common.schema.LegacyDdl;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed command against a real PostgreSQL: schema, counts, determinism, dirt, refusal. */
@RealServices
class SeedCommandIT {

    private static final List<String> TABLES = List.of(
            "companies",
            "lists",
            "list_recipients",
            "list_recipient_fields",
            "recipient_tags",
            "recipient_opens",
            "recipient_clicks",
            "recipient_bounces",
            "recipient_unsubscribes",
            "suppressions");
    private static final String[] SMALL = {"seed", "--companies", "20", "--rows", "5000", "--seed", "7"};

    /** The source database, seeded once with {@link #SMALL} for the read-only tests. */
    private static DatabaseSettings seeded;

    private static Run firstRun;

    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    @BeforeAll
    static void seedOnce(TestServices services) {
        seeded = services.source();
        firstRun = seed(seeded, SMALL);
    }

    @Test
    void printsOnlyTheSummaryOnStdoutAndProgressOnStderr() {
        assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
        assertThat(firstRun.out()).matches("seeded 20 companies, 5000 list_recipients, \\d+ rows in \\d+\\.\\d s\n");
        assertThat(firstRun.err()).contains("list_recipients", "indexes built", "analyzed");
    }

    @Test
    void tablesIndexesAndConstraintsAreExactlyTheSpecs(TestServices services) throws Exception {
        DatabaseSettings spec = services.extraDatabase("spec");
        try (Connection conn = connect(spec);
                Statement st = conn.createStatement()) {
            for (String sql : specStatements()) {
                st.execute(sql);
            }
        }
        assertThat(catalog(seeded)).isEqualTo(catalog(spec));
        assertThat(catalog(seeded).get("indexes")).hasSize(20);
    }

    @Test
    void writesExactlyTheRequestedRowsAndAboutFiveRowsPerRecipientRow() throws Exception {
        Map<String, Long> counts = counts(seeded);
        assertThat(counts.get("list_recipients")).isEqualTo(5000);
        assertThat(counts.get("companies")).isEqualTo(20);
        assertThat(counts.values()).allMatch(n -> n > 0);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isBetween(4L * 5000, 6L * 5000);
        assertThat(firstRun.out()).contains(", " + total + " rows in ");
        // Lists: a few per company at least, and some deleted.
        assertThat(longQuery(seeded, "SELECT min(n) FROM (SELECT count(*) AS n FROM lists GROUP BY company_id) s"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void companySizesFollowAPowerLaw() throws Exception {
        long largest = longQuery(
                seeded, "SELECT max(n) FROM (SELECT count(*) AS n FROM list_recipients GROUP BY company_id) s");
        long median = longQuery(
                seeded,
                "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n)"
                        + " FROM (SELECT count(*) AS n FROM list_recipients GROUP BY company_id) s");
        long smallest = longQuery(
                seeded, "SELECT min(n) FROM (SELECT count(*) AS n FROM list_recipients GROUP BY company_id) s");
        assertThat(largest).isGreaterThanOrEqualTo(10 * median);
        assertThat(smallest).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSkewShareGivesOneCompanyThatShareOfTheRows(TestServices services) throws Exception {
        DatabaseSettings db = services.extraDatabase("skew");
        // Half, well above the 0.31 the power law alone gives the largest of these 20 companies.
        Run run = seed(db, "seed", "--companies", "20", "--rows", "5000", "--seed", "7", "--skew-share", "0.5");
        assertThat(run.exitCode()).as(run.err()).isZero();

        long heavy = longQuery(
                db, "SELECT company_id FROM list_recipients GROUP BY company_id ORDER BY count(*) DESC LIMIT 1");
        long heavyRows = longQuery(db, "SELECT count(*) FROM list_recipients WHERE company_id = " + heavy);
        assertThat(heavyRows / 5000.0).isCloseTo(0.5, Offset.offset(0.005));
        // Its child rows follow it: about half of the ten tables' rows belong to that company.
        long heavyAll = heavyRows;
        for (String child : List.of(
                "list_recipient_fields",
                "recipient_tags",
                "recipient_opens",
                "recipient_clicks",
                "recipient_bounces",
                "recipient_unsubscribes")) {
            heavyAll += longQuery(
                    db,
                    "SELECT count(*) FROM " + child + " c JOIN list_recipients r"
                            + " ON r.id = c.list_recipient_id WHERE r.company_id = " + heavy);
        }
        heavyAll += longQuery(db, "SELECT count(*) FROM lists WHERE company_id = " + heavy);
        heavyAll += longQuery(db, "SELECT count(*) FROM suppressions WHERE company_id = " + heavy);
        long total = counts(db).values().stream().mapToLong(Long::longValue).sum();
        assertThat((double) heavyAll / total).isBetween(0.45, 0.55);
        assertThat(counts(db).get("companies")).isEqualTo(20);
    }

    @Test
    void everyKindOfDirtIsPresent() throws Exception {
        Map<String, String> checks = dirtChecks();
        assertThat(checks).hasSizeGreaterThan(50);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> check : checks.entrySet()) {
            if (longQuery(seeded, check.getValue()) == 0) {
                missing.add(check.getKey());
            }
        }
        assertThat(missing).as("kinds of dirt the seed did not produce").isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData(TestServices services) throws Exception {
        DatabaseSettings again = services.extraDatabase("b");
        DatabaseSettings other = services.extraDatabase("c");
        assertThat(seed(again, SMALL).exitCode()).isZero();
        assertThat(seed(other, "seed", "--companies", "20", "--rows", "5000", "--seed", "8")
                        .exitCode())
                .isZero();

        Map<String, String> expected = fingerprints(seeded);
        assertThat(fingerprints(again)).isEqualTo(expected);
        Map<String, String> different = fingerprints(other);
        assertThat(different.get("list_recipients")).isNotEqualTo(expected.get("list_recipients"));
        assertThat(different.get("recipient_opens")).isNotEqualTo(expected.get("recipient_opens"));
    }

    @Test
    void refusesASourceThatHoldsLegacyRows() throws Exception {
        Map<String, String> before = fingerprints(seeded);

        Run run = seed(seeded, "seed", "--companies", "3", "--rows", "10");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("error: the source database ")
                .contains("already holds legacy rows (companies: 20, lists: ", "list_recipients: 5000", "--force");
        assertThat(fingerprints(seeded)).isEqualTo(before);
    }

    @Test
    void forceReplacesTheLegacyTables(TestServices services) throws Exception {
        DatabaseSettings db = services.extraDatabase("force");
        assertThat(seed(db, SMALL).exitCode()).isZero();

        Run run = seed(db, "seed", "--companies", "4", "--rows", "300", "--seed", "9", "--force");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Long> counts = counts(db);
        assertThat(counts.get("companies")).isEqualTo(4);
        assertThat(counts.get("list_recipients")).isEqualTo(300);
        assertThat(catalog(db)).isEqualTo(catalog(seeded));
    }

    @Test
    void recreatesEmptyLegacyTablesWithoutForce(TestServices services) throws Exception {
        DatabaseSettings db = services.extraDatabase("empty");
        try (Connection conn = connect(db);
                Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE companies (id bigint)");
            st.execute("CREATE TABLE unrelated (id bigint)");
            st.execute("INSERT INTO unrelated VALUES (1)");
        }

        Run run = seed(db, "seed", "--companies", "2", "--rows", "50");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(counts(db).get("list_recipients")).isEqualTo(50);
        assertThat(longQuery(db, "SELECT count(*) FROM unrelated")).isEqualTo(1);
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndANonZeroExit() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/legacy", "postgres", "");

        Run run = seed(nowhere, "seed", "--companies", "2", "--rows", "10");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: cannot connect to jdbc:postgresql://127.0.0.1:1/legacy");
    }

    // ---- helpers ----

    private static Run seed(DatabaseSettings db, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("SOURCE_DB_URL", db.url());
        env.put("SOURCE_DB_USER", db.user());
        env.put("SOURCE_DB_PASSWORD", db.password());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProducerCli.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString().strip());
    }

    private static Connection connect(DatabaseSettings db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static long longQuery(DatabaseSettings db, String sql) throws SQLException {
        try (Connection conn = connect(db);
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** Columns, indexes and constraints of the public schema, as comparable text. */
    private static Map<String, List<String>> catalog(DatabaseSettings db) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection conn = connect(db)) {
            out.put(
                    "columns",
                    rows(
                            conn,
                            "SELECT table_name, ordinal_position, column_name, data_type, is_nullable,"
                                    + " column_default FROM information_schema.columns WHERE table_schema = 'public'"
                                    + " ORDER BY table_name, ordinal_position"));
            out.put(
                    "indexes",
                    rows(
                            conn,
                            "SELECT tablename, indexname, indexdef FROM pg_indexes"
                                    + " WHERE schemaname = 'public' ORDER BY tablename, indexname"));
            out.put(
                    "constraints",
                    rows(
                            conn,
                            "SELECT conrelid::regclass::text, conname, contype,"
                                    + " pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                                    + " ORDER BY 1, 2"));
        }
        return out;
    }

    private static Map<String, Long> counts(DatabaseSettings db) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            out.put(table, longQuery(db, "SELECT count(*) FROM " + table));
        }
        return out;
    }

    /** md5 of each table's rows in id order. */
    private static Map<String, String> fingerprints(DatabaseSettings db) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection conn = connect(db)) {
            for (String table : TABLES) {
                out.put(
                        table,
                        rows(conn, "SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM " + table + " t")
                                .get(0));
            }
        }
        return out;
    }

    private static List<String> specStatements() throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        for (String line : LegacyDdl.script().split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        for (String sql : code.toString().split(";")) {
            if (!sql.isBlank()) {
                out.add(sql.strip());
            }
        }
        return out;
    }

    /** name -> query, from seed/dirt-checks.sql. */
    private static Map<String, String> dirtChecks() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("^-- dirt: (.+)$", Pattern.MULTILINE).matcher(resource("/seed/dirt-checks.sql"));
        List<int[]> marks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
            names.add(m.group(1).strip());
        }
        String text = resource("/seed/dirt-checks.sql");
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length();
            String sql = text.substring(marks.get(i)[1], end).strip();
            out.put(names.get(i), sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SeedCommandIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
