package io.migration.producer.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migration.common.db.SqlFiles;
import io.migration.producer.runs.TableCheck.SampleKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Reads a verify run's {@code migration.verify_results} and judges each company. */
public final class VerifyResults {

    /** Sample keys shown per company and table. */
    static final int SAMPLE_KEYS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi target;

    public VerifyResults(Jdbi target) {
        this.target = target;
    }

    /** Per company of {@code figures} (a verify run's tasks), its verification, in company order. */
    public SortedMap<Long, Verification> judge(String runId, Collection<CompanyFigures> figures) {
        Long[] ids = figures.stream().map(CompanyFigures::companyId).toArray(Long[]::new);
        Map<Long, SortedMap<String, Accumulator>> tables = new HashMap<>();
        Map<Long, Integer> withoutResults = new HashMap<>();
        target.useHandle(h -> {
            h.createQuery(SqlFiles.get("runs/verify-results"))
                    .bind("runId", runId)
                    .bind("companyIds", ids)
                    .map((rs, ctx) -> tables.computeIfAbsent(rs.getLong("company_id"), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString("target_table"), Accumulator::new)
                            .add(
                                    rs.getLong("expected_rows"),
                                    rs.getLong("actual_rows"),
                                    !rs.getString("expected_checksum").equals(rs.getString("actual_checksum")),
                                    rs.getLong("missing"),
                                    rs.getLong("unexpected"),
                                    rs.getLong("changed"),
                                    rs.getString("sample")))
                    .list();
            h.createQuery(SqlFiles.get("runs/verify-tasks-without-results"))
                    .bind("runId", runId)
                    .bind("companyIds", ids)
                    .map((rs, ctx) -> withoutResults.put(rs.getLong("company_id"), rs.getInt("tasks")))
                    .list();
        });
        SortedMap<Long, Verification> out = new TreeMap<>();
        for (CompanyFigures company : figures) {
            List<TableCheck> checks = tables.getOrDefault(company.companyId(), new TreeMap<>()).values().stream()
                    .map(Accumulator::check)
                    .toList();
            out.put(
                    company.companyId(),
                    Verification.judge(company, withoutResults.getOrDefault(company.companyId(), 0), checks));
        }
        return out;
    }

    /** Sums one company's table over its shards. */
    private static final class Accumulator {
        private final String table;
        private int shards;
        private long expected;
        private long actual;
        private int checksumMismatches;
        private long missing;
        private long unexpected;
        private long changed;
        private final List<SampleKey> sample = new ArrayList<>();

        Accumulator(String table) {
            this.table = table;
        }

        Accumulator add(
                long expectedRows,
                long actualRows,
                boolean checksumDiffers,
                long missingRows,
                long unexpectedRows,
                long changedRows,
                String sampleJson) {
            shards++;
            expected += expectedRows;
            actual += actualRows;
            checksumMismatches += checksumDiffers ? 1 : 0;
            missing += missingRows;
            unexpected += unexpectedRows;
            changed += changedRows;
            if (sampleJson != null) {
                try {
                    for (JsonNode k : JSON.readTree(sampleJson)) {
                        if (sample.size() < SAMPLE_KEYS) {
                            sample.add(new SampleKey(
                                    k.path("kind").asText(), k.path("key").asText()));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("verify_results.sample of " + table + " is not JSON", e);
                }
            }
            return this;
        }

        TableCheck check() {
            return new TableCheck(
                    table, shards, expected, actual, checksumMismatches, missing, unexpected, changed, sample);
        }
    }
}
