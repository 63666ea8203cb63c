package io.migration.producer.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import io.migration.common.amqp.DeadLetterHeaders;
import io.migration.common.ledger.TaskKey;
import io.migration.common.message.TaskGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a dead letter's headers and body into a {@link DeadLetter}. The worker's
 * {@code x-migration-*} headers come first; a message the broker dead-lettered itself has only
 * {@code x-death}, so its run, company, table and shard come from the task in its body.
 */
public final class DeadLetterView {

    // Newer worker headers (all optional: older dead letters lack them).
    static final String TABLE = DeadLetterHeaders.TABLE;
    static final String SHARD = DeadLetterHeaders.SHARD;
    static final String ERROR_CLASS = DeadLetterHeaders.ERROR_CLASS;
    static final int MAX_ERROR = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterView() {}

    public static DeadLetter of(AMQP.BasicProperties props, byte[] body) {
        Map<String, Object> h = props.getHeaders() == null ? Map.of() : props.getHeaders();
        Optional<JsonNode> task = taskJson(body);
        Map<String, Object> death = firstDeath(h);
        boolean byWorker = h.containsKey(DeadLetterHeaders.REASON);

        String runId = text(h.get(DeadLetterHeaders.RUN_ID));
        runId = runId != null ? runId : task.map(t -> text(t, "runId")).orElse(null);
        Long companyId = number(h.get(DeadLetterHeaders.COMPANY_ID));
        companyId = companyId != null
                ? companyId
                : task.map(t -> number(t, "companyId")).orElse(null);
        String table = text(h.get(TABLE));
        table = table != null ? table : task.map(t -> text(t, "table")).orElse(null);
        Long shard = number(h.get(SHARD));
        shard = shard != null ? shard : task.map(t -> number(t, "shard")).orElse(null);
        String taskName = text(h.get(DeadLetterHeaders.TASK));
        if (taskName == null && companyId != null && table != null && shard != null) {
            taskName = companyId + "/" + table + "/" + shard
                    + task.map(t -> number(t, "shardCount")).map(n -> "of" + n).orElse("");
        }
        String reason = text(h.get(DeadLetterHeaders.REASON));
        reason = reason != null ? reason : text(death.get("reason"));
        reason = reason != null ? reason : text(h.get("x-first-death-reason"));
        // Only the worker counts attempts: x-delivery-count here counts this queue's own
        // redeliveries (every dlq list returns the messages), not the task's tries.
        Long attempts = number(h.get(DeadLetterHeaders.ATTEMPTS));
        String failedAt = text(h.get(DeadLetterHeaders.FAILED_AT));
        if (failedAt == null && death.get("time") instanceof Date time) {
            failedAt = time.toInstant().toString();
        }
        TaskKey key = null;
        Optional<TaskGroup> group = table == null ? Optional.empty() : TaskGroup.fromWireName(table);
        if (runId != null && companyId != null && shard != null && group.isPresent()) {
            key = new TaskKey(runId, companyId, group.get(), shard.intValue());
        }
        return new DeadLetter(
                runId,
                companyId,
                table,
                shard == null ? null : shard.intValue(),
                taskName,
                reason,
                text(h.get(ERROR_CLASS)),
                bounded(text(h.get(DeadLetterHeaders.ERROR))),
                attempts == null ? null : attempts.intValue(),
                text(h.get(DeadLetterHeaders.WORKER)),
                failedAt,
                byWorker ? "worker" : death.isEmpty() ? "unknown" : "broker",
                key);
    }

    /** One line, at most {@link #MAX_ERROR} characters, with anything shaped like a credential masked. */
    static String bounded(String error) {
        if (error == null) {
            return null;
        }
        String line = error.replaceAll("\\s+", " ")
                .trim()
                .replaceAll("(?i)(\\w+://[^:/\\s@]*:)[^\\s]*@", "$1***@")
                .replaceAll("(?i)(password|passwd|pwd)=[^\\s&;,]*", "$1=***");
        return line.length() > MAX_ERROR ? line.substring(0, MAX_ERROR) + "…" : line;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstDeath(Map<String, Object> headers) {
        if (headers.get("x-death") instanceof List<?> deaths
                && !deaths.isEmpty()
                && deaths.get(0) instanceof Map<?, ?> first) {
            return (Map<String, Object>) first;
        }
        return Map.of();
    }

    private static Optional<JsonNode> taskJson(byte[] body) {
        if (body == null || body.length == 0 || body.length > 64 * 1024) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.canConvertToLong() && v.isIntegralNumber() ? v.asLong() : null;
    }

    /** Header values arrive as LongString, Integer, Long or byte[]. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        return s.isEmpty() ? null : s;
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
