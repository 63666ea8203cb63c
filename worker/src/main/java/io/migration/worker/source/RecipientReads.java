package io.migration.worker.source;

import io.migration.common.copy.BinaryCopyReader;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.ActivityKind;
import io.migration.common.transform.RecipientShard;
import io.migration.common.transform.SourceTables;
import io.migration.worker.pace.PacedRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A shard's list_recipients rows, then their children, each table read once and fed into the shard's rules. */
final class RecipientReads {

    private static final List<String> CHILD_TABLES = List.of(
            SourceTables.FIELDS,
            SourceTables.TAGS,
            ActivityKind.OPEN.sourceTable(),
            ActivityKind.CLICK.sourceTable(),
            ActivityKind.BOUNCE.sourceTable(),
            ActivityKind.UNSUBSCRIBE.sourceTable());

    private final Connection conn;
    private final RecipientShard shard;
    private final PacedRows paced;
    private final Map<String, Long> read;
    private final Map<String, Double> childrenPerRow;
    private ParentIds parents;

    RecipientReads(
            Connection conn,
            RecipientShard shard,
            PacedRows paced,
            Map<String, Long> read,
            Map<String, Double> childrenPerRow) {
        this.conn = conn;
        this.shard = shard;
        this.paced = paced;
        this.read = read;
        this.childrenPerRow = childrenPerRow;
    }

    void read(long companyId, int lo, int hi) throws SQLException, InterruptedException {
        parents = new ParentIds();
        String sql = SourceStatements.copyOut(
                "source/list-recipients",
                Map.of(
                        "company", Long.toString(companyId),
                        "bucketFilter", SourceStatements.bucketFilter(lo, hi, Buckets.COUNT)));
        try (BinaryCopyReader in = BinaryCopyReader.open(conn, sql, 11)) {
            while (in.next()) {
                long id = in.int8(0);
                shard.row(
                        id,
                        in.int8(1),
                        in.int8(2),
                        in.text(3),
                        in.text(4),
                        in.text(5),
                        in.text(6),
                        in.text(7),
                        in.text(8),
                        in.timestamptz(9),
                        in.timestamptz(10));
                parents.add(id);
                paced.row();
            }
        } catch (SQLException e) {
            throw SourceReadException.reading(SourceTables.LIST_RECIPIENTS, e);
        }
        count(SourceTables.LIST_RECIPIENTS, parents.size());
        if (parents.size() == 0) {
            CHILD_TABLES.forEach(table -> count(table, 0));
            return;
        }
        fields();
        tags();
        events(ActivityKind.OPEN, "source/opens");
        events(ActivityKind.CLICK, "source/clicks");
        events(ActivityKind.BOUNCE, "source/bounces");
        events(ActivityKind.UNSUBSCRIBE, "source/unsubscribes");
    }

    private Map<String, String> condition(String table) {
        return Map.of("parents", parents.condition(density(table)));
    }

    /** A range scan also returns children of rows of other shards (or companies): those are dropped. */
    private boolean filter(String table) {
        return parents.rangeScan(density(table));
    }

    private double density(String table) {
        return childrenPerRow.getOrDefault(table, 1.0);
    }

    private void fields() throws SQLException, InterruptedException {
        long n = 0;
        boolean filter = filter(SourceTables.FIELDS);
        String sql = SourceStatements.copyOut("source/fields", condition(SourceTables.FIELDS));
        try (BinaryCopyReader in = BinaryCopyReader.open(conn, sql, 4)) {
            while (in.next()) {
                paced.row();
                long parent = in.int8(1);
                if (!filter || shard.hasRow(parent)) {
                    shard.field(in.int8(0), parent, in.text(2), in.bytes(3));
                    n++;
                }
            }
        } catch (SQLException e) {
            throw SourceReadException.reading(SourceTables.FIELDS, e);
        }
        count(SourceTables.FIELDS, n);
    }

    private void tags() throws SQLException, InterruptedException {
        long n = 0;
        boolean filter = filter(SourceTables.TAGS);
        String sql = SourceStatements.copyOut("source/tags", condition(SourceTables.TAGS));
        try (BinaryCopyReader in = BinaryCopyReader.open(conn, sql, 3)) {
            while (in.next()) {
                paced.row();
                long parent = in.int8(1);
                if (!filter || shard.hasRow(parent)) {
                    shard.tag(in.int8(0), parent, in.text(2));
                    n++;
                }
            }
        } catch (SQLException e) {
            throw SourceReadException.reading(SourceTables.TAGS, e);
        }
        count(SourceTables.TAGS, n);
    }

    /** Columns: id, list_recipient_id, campaign_id, occurred at, then the detail values (ActivityDetails). */
    private void events(ActivityKind kind, String file) throws SQLException, InterruptedException {
        int width = kind == ActivityKind.BOUNCE ? 6 : 5;
        long n = 0;
        boolean filter = filter(kind.sourceTable());
        String sql = SourceStatements.copyOut(file, condition(kind.sourceTable()));
        try (BinaryCopyReader in = BinaryCopyReader.open(conn, sql, width)) {
            while (in.next()) {
                paced.row();
                long parent = in.int8(1);
                if (!filter || shard.hasRow(parent)) {
                    boolean hasCampaign = !in.isNull(2);
                    shard.event(
                            kind,
                            in.int8(0),
                            parent,
                            hasCampaign,
                            hasCampaign ? in.int8(2) : 0,
                            in.timestamptz(3),
                            in.bytes(4),
                            width == 6 ? in.bytes(5) : null);
                    n++;
                }
            }
        } catch (SQLException e) {
            throw SourceReadException.reading(kind.sourceTable(), e);
        }
        count(kind.sourceTable(), n);
    }

    private void count(String table, long rows) {
        read.merge(table, rows, Long::sum);
    }
}
