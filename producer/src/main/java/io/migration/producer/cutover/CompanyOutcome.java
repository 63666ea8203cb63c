package io.migration.producer.cutover;

/** How a company ended in a cutover run: switched, or not with the reason (and its freeze window when it had one). */
public record CompanyOutcome(long companyId, boolean switched, String reason, Long freezeWindowMillis) {}
