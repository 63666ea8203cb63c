package io.migration.producer.readiness;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.migration.common.transform.RejectReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The thresholds a dry run judges each company by, recorded with the run ({@code migration.runs.policy})
 * so that a later {@code enqueue --mode migrate} judges it the same way. A company FAILs when a task
 * was given up on or has not finished, when more than {@code maxRejectPercent} % of the rows it read
 * were rejected, when it has more than {@code maxRejects} rejects (no limit when null), or when it
 * has any reject of a reason in {@code failOnReasons}.
 */
public record ReadinessPolicy(
        @JsonProperty("max_reject_percent") double maxRejectPercent,
        @JsonProperty("max_rejects") Long maxRejects,
        @JsonProperty("fail_on_reasons") SortedSet<String> failOnReasons) {

    public static final double DEFAULT_MAX_REJECT_PERCENT = 0.5;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final List<String> KNOWN_REASONS =
            Arrays.stream(RejectReason.values()).map(RejectReason::code).toList();

    public ReadinessPolicy {
        if (!(maxRejectPercent >= 0 && maxRejectPercent <= 100)) {
            throw new IllegalArgumentException(
                    "the highest reject percentage must be between 0 and 100: " + maxRejectPercent);
        }
        if (maxRejects != null && maxRejects < 0) {
            throw new IllegalArgumentException("the most rejects must not be negative: " + maxRejects);
        }
        failOnReasons = new TreeSet<>(failOnReasons == null ? List.of() : failOnReasons);
        for (String reason : failOnReasons) {
            if (!KNOWN_REASONS.contains(reason)) {
                throw new IllegalArgumentException(
                        "unknown reject reason " + reason + " (known: " + String.join(", ", KNOWN_REASONS) + ")");
            }
        }
    }

    /** At most 0.5 % of the rows read rejected, no other limit. */
    public static ReadinessPolicy defaults() {
        return new ReadinessPolicy(DEFAULT_MAX_REJECT_PERCENT, null, new TreeSet<>());
    }

    public static ReadinessPolicy of(double maxRejectPercent, Long maxRejects, Collection<String> failOnReasons) {
        return new ReadinessPolicy(maxRejectPercent, maxRejects, new TreeSet<>(failOnReasons));
    }

    public Verdict judge(DryRunFigures f) {
        List<String> reasons = new ArrayList<>();
        if (f.tasks() == 0) {
            reasons.add("no task of this company in the run");
        }
        if (f.failed() > 0) {
            reasons.add(f.failed() + " of " + f.tasks() + " task(s) dead-lettered or failed"
                    + (f.firstError() == null ? "" : " (" + f.firstError().replaceAll("\\s+", " ") + ")"));
        }
        int unfinished = f.tasks() - f.succeeded() - f.failed();
        if (unfinished > 0) {
            reasons.add("incomplete: " + unfinished + " of " + f.tasks() + " task(s) not finished");
        }
        if (f.rejectPercent() > maxRejectPercent) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "%.2f %% of rows rejected (%d of %d read; max %s %%)",
                    f.rejectPercent(),
                    f.rejected(),
                    f.rowsRead(),
                    plain(maxRejectPercent)));
        }
        if (maxRejects != null && f.rejected() > maxRejects) {
            reasons.add(f.rejected() + " rows rejected (max " + maxRejects + ")");
        }
        for (String reason : failOnReasons) {
            long n = f.rejectsByReason().getOrDefault(reason, 0L);
            if (n > 0) {
                reasons.add(n + " reject(s) of reason " + reason + " (not allowed)");
            }
        }
        return new Verdict(reasons.isEmpty(), reasons);
    }

    /** One line for reports, e.g. {@code at most 0.5 % rejected, no reject of invalid_email}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("at most " + plain(maxRejectPercent) + " % of rows rejected");
        if (maxRejects != null) {
            parts.add("at most " + maxRejects + " rejects");
        }
        if (!failOnReasons.isEmpty()) {
            parts.add("no reject of " + String.join(", ", failOnReasons));
        }
        return String.join(", ", parts);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The policy a run recorded; the defaults for a run that recorded none. */
    public static ReadinessPolicy fromJson(String json) {
        if (json == null) {
            return defaults();
        }
        try {
            return JSON.readValue(json, ReadinessPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a readiness policy: " + e.getOriginalMessage(), e);
        }
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
