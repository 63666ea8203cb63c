package io.migration.producer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LegacySchemaTest {

    @Test
    void theShippedSchemaHasTheTenTablesAndTheirIndexes() {
        LegacySchema schema = new LegacySchema();
        assertThat(schema.createTables()).hasSize(10);
        assertThat(schema.createTables()).allMatch(s -> s.contains("id ") && s.contains("PRIMARY KEY"));
        for (int i = 0; i < 10; i++) {
            assertThat(schema.createTables().get(i)).startsWith("CREATE TABLE " + LegacySchema.TABLES.get(i) + " (");
        }
        assertThat(schema.createIndexes()).hasSize(10);
        assertThat(schema.createIndexes()).map(LegacySchema::indexedTable).isSubsetOf(LegacySchema.TABLES);
    }

    @Test
    void everyLegacyTableHasOneCopyDescriptionOfItsColumnsAndOneGenerator() {
        assertThat(LegacyTables.BY_NAME).containsOnlyKeys(LegacySchema.TABLES);
        List<String> ddl = new LegacySchema().createTables();
        for (int i = 0; i < LegacySchema.TABLES.size(); i++) {
            String create = ddl.get(i);
            assertThat(LegacyTables.BY_NAME.get(LegacySchema.TABLES.get(i)).columns())
                    .as("the COPY of %s names its columns with their DDL types", LegacySchema.TABLES.get(i))
                    .allSatisfy(c -> assertThat(create)
                            .containsPattern("\\b" + c.name() + "\\s+"
                                    + c.type().name().toLowerCase(Locale.ROOT).replace("int8", "bigint") + "\\b"));
        }
        assertThat(new LegacyTables(SeedPlan.of(3, 30, 1)).loads())
                .map(LegacyTables.Load::table)
                .containsExactlyInAnyOrderElementsOf(LegacySchema.TABLES);
    }

    @Test
    void scriptsSplitIntoStatementsWithoutCommentLines() {
        assertThat(SqlScript.split("-- a; comment\nSELECT 1;\n  -- another\nSELECT\n 2;\n"))
                .containsExactly("SELECT 1", "SELECT\n 2");
    }
}
