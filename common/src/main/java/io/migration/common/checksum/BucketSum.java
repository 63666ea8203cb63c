package io.migration.common.checksum;

/** A bucket's source rows at one moment: how many, and the sum of their 64-bit hashes (as text). */
public record BucketSum(long rows, String hash) {}
