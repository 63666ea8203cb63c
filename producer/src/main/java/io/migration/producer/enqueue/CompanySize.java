package io.migration.producer.enqueue;

/** Source rows each task group of one company will read. */
public record CompanySize(long companyId, long listRows, long recipientRows, long suppressionRows) {}
