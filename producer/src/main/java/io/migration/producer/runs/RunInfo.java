package io.migration.producer.runs;

import io.migration.common.message.RunMode;
import java.time.Instant;

/**
 * A run as {@code migration.runs} records it, with what the customer's test run adds: a dry run's
 * readiness policy and every run's schema descriptions and fingerprints (JSON text, NULL when the
 * run recorded none), and a migrate run's skipped readiness check.
 */
public record RunInfo(
        String runId,
        RunMode mode,
        String selection,
        Instant createdAt,
        String policyJson,
        boolean skipReadiness,
        String readinessOverridesJson,
        String sourceFingerprint,
        String targetFingerprint,
        String sourceSchemaJson,
        String targetSchemaJson) {}
