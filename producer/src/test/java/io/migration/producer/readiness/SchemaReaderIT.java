package io.migration.producer.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.db.DataSources;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.common.schema.LegacyDdl;
import io.migration.common.schema.TargetSchema;
import io.migration.producer.readiness.SchemaDescription.Column;
import io.migration.testsupport.LegacyDatabase;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.Sql;
import io.migration.testsupport.TestServices;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Schema descriptions read from real databases, and the changes a DBA might make between a dry run and a migration. */
@RealServices
class SchemaReaderIT {

    @Test
    void theSourceIsTheTenLegacyTablesWithTypesNullabilityAndKeys(TestServices services) {
        DatabaseSettings db = services.extraDatabase("src_shape");
        LegacyDatabase.create(db);
        SchemaDescription source = read(db, SchemaReader::source).description();

        assertThat(source.tables().keySet()).containsExactlyInAnyOrderElementsOf(LegacyDdl.TABLES);
        assertThat(source.tables().get("list_recipients").columns().get("email"))
                .isEqualTo(new Column("text", true));
        assertThat(source.tables().get("list_recipients").columns().get("status"))
                .isEqualTo(new Column("text", false));
        assertThat(source.tables().get("recipient_opens").columns().get("opened_at"))
                .isEqualTo(new Column("timestamp with time zone", false));
        assertThat(source.tables().get("lists").constraints()).containsEntry("lists_pkey", "PRIMARY KEY (id)");
        assertThat(source.tables().values())
                .allSatisfy(t -> assertThat(t.triggers()).isEmpty());
        assertThat(read(db, SchemaReader::source).fingerprint())
                .isEqualTo(read(db, SchemaReader::source).fingerprint());
    }

    @Test
    void sourceChangesAreNamedAndIndexesAreNotContract(TestServices services) {
        DatabaseSettings db = services.extraDatabase("src_change");
        LegacyDatabase.create(db);
        SchemaSnapshot before = read(db, SchemaReader::source);

        new Sql(db).exec("CREATE INDEX list_recipients_email_idx ON list_recipients (email)");
        assertThat(read(db, SchemaReader::source).fingerprint()).isEqualTo(before.fingerprint());

        new Sql(db).exec("ALTER TABLE list_recipients ADD COLUMN nickname text");
        new Sql(db).exec("ALTER TABLE list_recipients ALTER COLUMN email TYPE varchar(320)");
        new Sql(db).exec("ALTER TABLE list_recipients ALTER COLUMN phone TYPE text COLLATE \"C\"");
        new Sql(db).exec("ALTER TABLE suppressions ADD CONSTRAINT reason_known CHECK (reason <> '')");
        new Sql(db).exec("ALTER TABLE lists ALTER COLUMN deleted_at SET NOT NULL");
        new Sql(db).exec("DROP TABLE recipient_tags");
        SchemaSnapshot after = read(db, SchemaReader::source);

        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(SchemaDiff.lines(before.description(), after.description()))
                .containsExactly(
                        "list_recipients.email: type text → character varying(320)",
                        "list_recipients.nickname: column added (text, nullable)",
                        "list_recipients.phone: type text → text COLLATE \"C\"",
                        "lists.deleted_at: nullable → not null",
                        "table recipient_tags removed",
                        "suppressions: constraint reason_known added (CHECK (reason <> ''::text))");
    }

    @Test
    void theTargetIsThePublicTablesWithTheirTriggersButNotOurControlTables(TestServices services) {
        DatabaseSettings db = services.extraDatabase("tgt");
        try (HikariDataSource ds = DataSources.create(db, PoolOptions.defaults("schema-it"))) {
            TargetSchema.migrate(ds);
        }
        SchemaSnapshot before = read(db, SchemaReader::target);
        assertThat(before.description().tables().keySet())
                .containsExactlyInAnyOrder(
                        "lists",
                        "recipients",
                        "recipient_lists",
                        "recipient_attributes",
                        "recipient_tags",
                        "recipient_activity",
                        "suppressions",
                        "migration_rejects");
        assertThat(before.description().tables().get("recipients").constraints())
                .containsEntry("recipients_company_email_key", "UNIQUE (company_id, email)");

        new Sql(db).exec("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'");
        new Sql(db)
                .exec(
                        "CREATE TRIGGER recipients_audit BEFORE INSERT ON recipients FOR EACH ROW EXECUTE FUNCTION refuse()");
        SchemaSnapshot withTrigger = read(db, SchemaReader::target);
        assertThat(SchemaDiff.lines(before.description(), withTrigger.description()))
                .singleElement()
                .asString()
                .startsWith("recipients: trigger recipients_audit added (CREATE TRIGGER recipients_audit BEFORE INSERT"
                        + " ON recipients FOR EACH ROW EXECUTE FUNCTION refuse() [function refuse body md5 ");

        new Sql(db)
                .exec("CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql"
                        + " AS 'BEGIN RAISE EXCEPTION ''no''; END'");
        assertThat(SchemaDiff.lines(
                        withTrigger.description(),
                        read(db, SchemaReader::target).description()))
                .singleElement()
                .asString()
                .startsWith("recipients: trigger recipients_audit changed: ");

        new Sql(db).exec("CREATE TABLE campaigns_sent (recipient_id uuid REFERENCES recipients (id))");
        assertThat(SchemaDiff.lines(
                        withTrigger.description(),
                        read(db, SchemaReader::target).description()))
                .contains("table campaigns_sent added (1 columns)");
    }

    private static SchemaSnapshot read(DatabaseSettings db, Function<Jdbi, SchemaSnapshot> reader) {
        try (HikariDataSource ds = DataSources.create(db, PoolOptions.defaults("schema-it"))) {
            return reader.apply(Jdbi.create(ds));
        }
    }
}
