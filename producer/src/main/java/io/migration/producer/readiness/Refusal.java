package io.migration.producer.readiness;

/** A company a migrate run may not take yet, and why, in words an operator can act on. */
public record Refusal(long companyId, String reason) {

    public String line() {
        return "company " + companyId + ": " + reason;
    }
}
