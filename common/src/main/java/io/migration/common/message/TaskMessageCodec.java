package io.migration.common.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migration.common.message.InvalidMessageException.Reason;
import io.migration.common.shard.Buckets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON wire format of {@link TaskMessage}. Decoding validates everything a worker can check
 * without a database: shape, version, mode, table and shard bounds.
 */
public final class TaskMessageCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 4096;

    private TaskMessageCodec() {}

    public static byte[] encode(TaskMessage m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", m.version());
        node.put("runId", m.runId());
        node.put("mode", m.mode().wireName());
        node.put("companyId", m.companyId());
        node.put("table", m.group().wireName());
        node.put("shard", m.shard());
        node.put("shardCount", m.shardCount());
        node.put("bucketLo", m.bucketLo());
        node.put("bucketHi", m.bucketHi());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TaskMessage decode(byte[] body) throws InvalidMessageException {
        if (body == null || body.length == 0) {
            throw new InvalidMessageException(Reason.MALFORMED, "empty message body");
        }
        if (body.length > MAX_BYTES) {
            throw new InvalidMessageException(
                    Reason.MALFORMED,
                    "message body of " + body.length + " bytes is larger than a task message can be (" + MAX_BYTES
                            + ")");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new InvalidMessageException(Reason.MALFORMED, "not JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException(
                    Reason.MALFORMED, "not a JSON object: " + preview(new String(body, StandardCharsets.UTF_8)));
        }
        int version = intField(node, "version");
        if (version != TaskMessage.CURRENT_VERSION) {
            throw new InvalidMessageException(
                    Reason.UNSUPPORTED_VERSION,
                    "message version " + version + " is not supported (this worker reads version "
                            + TaskMessage.CURRENT_VERSION + ")");
        }
        String runId = textField(node, "runId");
        if (runId.isBlank() || runId.length() > 100) {
            throw new InvalidMessageException(Reason.MALFORMED, "runId must be 1 to 100 characters");
        }
        String modeName = textField(node, "mode");
        RunMode mode = RunMode.fromWireName(modeName)
                .orElseThrow(
                        () -> new InvalidMessageException(Reason.UNKNOWN_MODE, "unknown mode " + preview(modeName)));
        String table = textField(node, "table");
        TaskGroup group = TaskGroup.fromWireName(table)
                .orElseThrow(() -> new InvalidMessageException(
                        Reason.UNKNOWN_TABLE,
                        "unknown table " + preview(table)
                                + " (known: lists, recipients, suppressions, company, orphans)"));
        long companyId = longField(node, "companyId");
        int shard = intField(node, "shard");
        int shardCount = intField(node, "shardCount");
        int lo = intField(node, "bucketLo");
        int hi = intField(node, "bucketHi");
        if (group == TaskGroup.ORPHANS && mode != RunMode.DRY_RUN) {
            throw new InvalidMessageException(
                    Reason.UNKNOWN_TABLE, "table orphans belongs to dry runs only, not to mode " + mode.wireName());
        }
        if (group == TaskGroup.ORPHANS && companyId != TaskGroup.ORPHANS_COMPANY_ID) {
            throw new InvalidMessageException(
                    Reason.UNKNOWN_COMPANY,
                    "an orphans task has company id " + TaskGroup.ORPHANS_COMPANY_ID + ", not " + companyId);
        }
        if (group != TaskGroup.ORPHANS && companyId <= 0) {
            throw new InvalidMessageException(Reason.UNKNOWN_COMPANY, "company id " + companyId + " is not positive");
        }
        if (shardCount < 1 || shard < 0 || shard >= shardCount || lo < 0 || hi >= Buckets.COUNT || lo > hi) {
            throw new InvalidMessageException(
                    Reason.INVALID_SHARD,
                    "invalid shard " + shard + " of " + shardCount + " with buckets " + lo + ".." + hi
                            + " (buckets are 0.." + (Buckets.COUNT - 1) + ")");
        }
        if (group == TaskGroup.ORPHANS && (shardCount != 1 || lo != 0 || hi != Buckets.COUNT - 1)) {
            throw new InvalidMessageException(
                    Reason.INVALID_SHARD,
                    "an orphans task is one shard over every bucket," + " not " + shard + " of " + shardCount
                            + " with buckets " + lo + ".." + hi);
        }
        return new TaskMessage(version, runId, mode, companyId, group, shard, shardCount, lo, hi);
    }

    private static JsonNode field(JsonNode node, String name) throws InvalidMessageException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidMessageException(Reason.MALFORMED, "missing field " + name);
        }
        return value;
    }

    private static String textField(JsonNode node, String name) throws InvalidMessageException {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new InvalidMessageException(Reason.MALFORMED, "field " + name + " must be a string");
        }
        return value.asText();
    }

    private static long longField(JsonNode node, String name) throws InvalidMessageException {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidMessageException(Reason.MALFORMED, "field " + name + " must be an integer");
        }
        return value.asLong();
    }

    private static int intField(JsonNode node, String name) throws InvalidMessageException {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidMessageException(Reason.MALFORMED, "field " + name + " must be an integer");
        }
        return value.asInt();
    }

    /** Quotes untrusted text for an error message, shortened and with control characters escaped. */
    static String preview(String text) {
        String shortened = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        StringBuilder out = new StringBuilder("\"");
        shortened.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
