package io.migration.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The oracle's SQL on a hand-built fixture ({@code expected/fixtures/rules-fixture.sql}) against rows
 * written by hand from MIGRATION.md. UUIDs were computed with Python's {@code uuid.uuid5} in namespace
 * 7b1f4c2e-2d6a-5b8e-9c3f-0a4d6e8b1c25.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpectedResultsIT {

    // R2 ids: uuid.uuid5(ns, "<company>:<normalized email>")
    static final String ALICE_1 = "1d76a3ed-6d39-53e0-a45b-3ce713be26ee"; // 1:alice@example.com
    static final String ALICE_2 = "83a2c6d2-4a14-52d3-9d2e-e7afd9be0689"; // 2:alice@example.com
    static final String DAVE = "1eeef072-231f-5af2-b680-c94bee773fb8"; // 1:dave@example.com
    static final String LONG = "0be88982-7a81-5b4f-8c3f-7770cf9f51a2"; // 1:<64 x l>@x.io
    static final String CAROL = "398f56d8-3032-54a4-9b03-8ba778e5e52d"; // 1:\u00A0carol@example.com
    static final String EMILE = "38f7679f-409c-5c3d-abcc-5ed8bc7166f0"; // 1:Émile@example.com

    static final List<Long> COMPANIES = List.of(1L, 2L);

    private TestServices services;

    @BeforeAll
    void loadFixture(TestServices services) {
        this.services = services;
        LegacyDatabase.create(services.source());
        LegacyDatabase.runScript(services.source(), "fixtures/rules-fixture.sql");
    }

    private List<String> expected(String table) {
        return ExpectedResults.table(services.source(), table, COMPANIES);
    }

    @Test
    void uuid5InSqlMatchesPython() throws Exception {
        String sql = "SELECT CAST(encode(set_byte(set_byte(substring(h FROM 1 FOR 16), 6, (get_byte(h, 6) & 15) | 80),"
                + " 8, (get_byte(h, 8) & 63) | 128), 'hex') AS uuid) FROM (SELECT digest("
                + "decode('7b1f4c2e2d6a5b8e9c3f0a4d6e8b1c25', 'hex') || convert_to(?, 'UTF8'), 'sha1') AS h) d";
        try (Connection conn = CanonicalRows.connect(services.source())) {
            assertThat(CanonicalRows.query(conn, sql, "42:a@b.co"))
                    .containsExactly("3f8ce75e-a1d4-5589-90d7-10b3efb88c79");
            assertThat(CanonicalRows.query(conn, sql, "open:123"))
                    .containsExactly("0a77b607-de62-5a1b-a7f6-b4defbbca8f8");
            assertThat(CanonicalRows.query(conn, sql, "1:élan@x.io"))
                    .containsExactly("0975d172-f38a-5a7a-a418-563b5ae8f96f");
        }
    }

    @Test
    void listsR3() {
        assertThat(expected("lists"))
                .containsExactly(
                        "10|1|Newsletter|2024-01-01T00:00:00.000000Z",
                        "11|1| Promo |2024-01-02T00:00:00.000000Z", // name kept as stored
                        "20|2|Other co list|2024-01-03T10:30:00.500000Z"); // +02 offset normalized to UTC
    }

    @Test
    void recipientsR1R2R5() {
        assertThat(expected("recipients"))
                .containsExactlyInAnyOrder(
                        // alice: rows 100, 101, 102. first_name: 101 is latest but whitespace-only -> 102 ('Ally',
                        // updated_at
                        // ties 100 and is the greater id); last_name: 101; phone: only 100 (trimmed)
                        ALICE_1
                                + "|1|alice@example.com|Ally|Smith|555|2024-01-05T00:00:00.000000Z|2024-01-25T00:00:00.000000Z",
                        ALICE_2
                                + "|2|alice@example.com|\\N|\\N|\\N|2024-02-01T00:00:00.000000Z|2024-02-02T00:00:00.000000Z",
                        // dave: row 120 (invalid status) is not one of his rows
                        DAVE
                                + "|1|dave@example.com|Dave|\\N|\\N|2024-01-03T00:00:00.000000Z|2024-01-04T05:06:07.123456Z",
                        LONG + "|1|" + "l".repeat(64)
                                + "@x.io|Long|\\N|\\N|2024-01-01T00:00:00.000000Z|2024-01-02T00:00:00.000000Z",
                        CAROL
                                + "|1|\u00A0carol@example.com|Carol|\\N|\\N|2024-01-01T00:00:00.000000Z|2024-01-02T00:00:00.000000Z",
                        EMILE
                                + "|1|Émile@example.com|Émile|Zola|+33 1|2024-01-01T00:00:00.000000Z|2024-01-02T00:00:00.000000Z");
    }

    @Test
    void membershipsR6() {
        assertThat(expected("recipient_lists"))
                .containsExactlyInAnyOrder(
                        // list 10: rows 100 and 102 tie on updated_at, 102 (greater id) is latest; joined_at = least
                        // created_at
                        ALICE_1 + "|10|1|unsubscribed|web|2024-01-08T00:00:00.000000Z|2024-01-20T00:00:00.000000Z",
                        ALICE_1 + "|11|1|pending|\\N|2024-01-05T00:00:00.000000Z|2024-01-25T00:00:00.000000Z",
                        ALICE_2 + "|20|2|subscribed|\\N|2024-02-01T00:00:00.000000Z|2024-02-02T00:00:00.000000Z",
                        DAVE + "|11|1|bounced|\\N|2024-01-03T00:00:00.000000Z|2024-01-04T05:06:07.123456Z",
                        LONG + "|10|1|bounced|\\N|2024-01-01T00:00:00.000000Z|2024-01-02T00:00:00.000000Z",
                        CAROL + "|10|1|subscribed|\\N|2024-01-01T00:00:00.000000Z|2024-01-02T00:00:00.000000Z",
                        EMILE + "|11|1|subscribed|form|2024-01-01T00:00:00.000000Z|2024-01-02T00:00:00.000000Z");
    }

    @Test
    void attributesR7() {
        assertThat(expected("recipient_attributes"))
                .containsExactlyInAnyOrder(
                        ALICE_1 + "|1|color|blue", // from 101, the latest parent (not 102's 'green', not 100's 'red')
                        ALICE_1 + "|1|size|M", // 'size' and 'Size ' on the same parent: greater field id
                        ALICE_1 + "|1|tier|gold",
                        DAVE + "|1|note|  keep  ", // value kept exactly as stored
                        ALICE_2 + "|2|color|c2");
    }

    @Test
    void tagsR8() {
        assertThat(expected("recipient_tags"))
                .containsExactlyInAnyOrder(
                        ALICE_1 + "|1|newsletter",
                        ALICE_1 + "|1|vip", // 'VIP', ' vip ', 'Vip' are one tag
                        EMILE + "|1|ÉtÉ"); // ASCII-only lower: É stays
    }

    @Test
    void activityR9() {
        assertThat(expected("recipient_activity"))
                .containsExactlyInAnyOrder(
                        "4cfcae68-e213-5c7d-a339-ac72e8d3bc87|" + ALICE_1
                                + "|1|10|open|7|2024-03-01T10:00:00.123456Z|{\"user_agent\": \"Mozilla\"}",
                        "497ed99e-84ad-5443-8626-40809a263b59|" + DAVE + "|1|11|open|8|2024-03-02T08:00:00.000000Z|{}",
                        "1679e6ed-a029-5b3a-b31d-c2f977480953|" + ALICE_1
                                + "|1|10|click|7|2024-03-03T00:00:00.000000Z|{\"url\": \"https://x.io/a?b=1\"}",
                        "eebd19b5-afde-5c89-a5ba-f31f418c898f|" + ALICE_1
                                + "|1|11|bounce|\\N|2024-03-04T00:00:00.000000Z|{\"type\": \"hard\"}",
                        "63c1ee84-a8b7-5c9d-b4b6-bfce4b93f9a9|" + LONG
                                + "|1|10|bounce|9|2024-03-05T00:00:00.000000Z|{\"type\": \"soft\", \"reason\": \"mailbox full\"}",
                        "26190e3d-7548-5de3-8d73-b77149d0481a|" + ALICE_1
                                + "|1|10|unsubscribe|\\N|2024-03-06T00:00:00.000000Z|{}",
                        "cae4dd53-ab3b-534c-a3e8-eaa5d5a6636e|" + ALICE_2
                                + "|2|20|unsubscribe|3|2024-03-07T00:00:00.000000Z|{\"reason\": \"too many\"}");
    }

    @Test
    void suppressionsR11() {
        assertThat(expected("suppressions"))
                .containsExactly(
                        "1|bob@example.com|complaint|2024-01-01T00:00:00.000000Z", // 7001: created_at ties 7002, lesser
                        // id
                        "1|eve@example.com| Manual |2024-01-09T00:00:00.000000Z", // reason kept as stored
                        "2|bob@example.com|spam|2024-01-05T00:00:00.000000Z");
    }

    @Test
    void rejectsInCheckOrderAndParentRejected() {
        assertThat(ExpectedResults.rejects(services.source(), COMPANIES))
                .containsExactlyInAnyOrder(
                        "1|lists|12|deleted_list",
                        "1|list_recipients|103|orphan_list", // list does not exist
                        "1|list_recipients|104|orphan_list", // other company's list; before invalid email and status
                        "1|list_recipients|105|deleted_list", // before NULL email
                        "1|list_recipients|106|invalid_email", // NULL email, before invalid status
                        "1|list_recipients|107|invalid_email", // no @
                        "1|list_recipients|108|invalid_email", // domain without .
                        "1|list_recipients|109|invalid_email", // domain starts with .
                        "1|list_recipients|110|invalid_email", // ..
                        "1|list_recipients|111|invalid_email", // inner space
                        "1|list_recipients|112|invalid_email", // empty local part
                        "1|list_recipients|113|invalid_email", // domain ends with .
                        "1|list_recipients|114|invalid_email", // two @
                        "1|list_recipients|115|invalid_email", // 65-character local part
                        "1|list_recipients|119|invalid_email", // inner tab
                        "1|list_recipients|120|invalid_status",
                        "2|list_recipients|201|orphan_list",
                        "1|list_recipient_fields|1005|null_value",
                        "1|list_recipient_fields|1006|blank_field_name",
                        "1|list_recipient_fields|1007|blank_field_name", // blank name checked before NULL value
                        "1|list_recipient_fields|1008|parent_rejected",
                        "1|list_recipient_fields|1013|parent_rejected", // before its own blank name
                        "1|recipient_tags|2003|blank_tag",
                        "1|recipient_tags|2005|parent_rejected",
                        "1|recipient_opens|3002|parent_rejected",
                        "1|recipient_clicks|4001|parent_rejected",
                        "1|recipient_unsubscribes|6002|parent_rejected",
                        "1|suppressions|7003|invalid_email");
    }

    @Test
    void companiesAreIndependentAndOrphanChildrenBelongToNone() {
        Map<String, List<String>> both = ExpectedResults.compute(services.source(), COMPANIES);
        Map<String, List<String>> one = ExpectedResults.compute(services.source(), List.of(1L));
        Map<String, List<String>> three = ExpectedResults.compute(services.source(), List.of(3L));
        both.forEach((table, rows) -> {
            assertThat(one.get(table)).as(table).isSubsetOf(rows);
            assertThat(three.get(table)).as(table).doesNotContainAnyElementsOf(rows);
        });
        assertThat(one.get("recipients")).hasSize(5);
        assertThat(three.get("lists")).containsExactly("30|3|Unselected list|2024-01-01T00:00:00.000000Z");
        assertThat(three.get(ExpectedResults.REJECTS)).containsExactly("3|lists|31|deleted_list");
        // fields/tags/events 1009, 2006, 3003, 5002 have no parent: in no company's output
        List<String> all =
                ExpectedResults.compute(services.source(), ExpectedResults.allCompanyIds(services.source()))
                        .values()
                        .stream()
                        .flatMap(List::stream)
                        .collect(Collectors.toList());
        assertThat(all)
                .noneMatch(r -> r.contains("|1009|")
                        || r.contains("|2006|")
                        || r.contains("|3003|")
                        || r.contains("|5002|")
                        || r.contains("orphan_recipient"));
        assertThat(ExpectedResults.orphanChildren(services.source()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "list_recipient_fields",
                        1L,
                        "recipient_tags",
                        1L,
                        "recipient_opens",
                        1L,
                        "recipient_clicks",
                        0L,
                        "recipient_bounces",
                        1L,
                        "recipient_unsubscribes",
                        0L));
    }

    @Test
    void accountingR12EveryRowOnceForEachSelection() {
        for (List<Long> ids : List.of(COMPANIES, List.of(1L), List.of(2L), List.of(3L), List.of(1L, 2L, 3L, 4L))) {
            assertThat(ExpectedResults.accountingViolations(services.source(), ids))
                    .as("companies %s", ids)
                    .isEmpty();
        }
    }

    @Test
    void accountingSeesLostAndDoubleCountedRows() throws Exception {
        String tally = "SELECT source_table, source_id, company_id, 0, 0, 1 FROM exp_rejects";
        String lost = ExpectedResults.sql("accounting").replace(tally, tally + " WHERE source_id <> 1005");
        String twice = ExpectedResults.sql("accounting")
                .replace(
                        tally,
                        tally
                                + " UNION ALL SELECT source_table, source_id, company_id, 0, 0, 1 FROM exp_rejects"
                                + " WHERE source_table = 'suppressions'");
        try (Connection conn = CanonicalRows.connect(services.source())) {
            // source_table|source_id|company_id|source_rows|contributes|rejects
            assertThat(CanonicalRows.query(conn, lost, COMPANIES))
                    .containsExactly("list_recipient_fields|1005|1|1|0|0");
            assertThat(CanonicalRows.query(conn, twice, COMPANIES)).containsExactly("suppressions|7003|1|1|0|2");
        }
    }
}
