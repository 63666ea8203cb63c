package io.migration.common.transform;

/**
 * How {@link RecipientShard} hands its outputs over, one call per target row with primitive values
 * (ids as their two longs, timestamps as microseconds since 1970, values as the source's bytes where
 * they pass through unchanged): nothing is allocated per row for the hand-over.
 */
public final class ShardRows {

    private ShardRows() {}

    @FunctionalInterface
    public interface RecipientVisitor<X extends Exception> {
        void visit(
                long idHi,
                long idLo,
                String email,
                String firstName,
                String lastName,
                String phone,
                long createdAt,
                long updatedAt,
                int bucket)
                throws X;
    }

    @FunctionalInterface
    public interface MembershipVisitor<X extends Exception> {
        void visit(
                long recipientHi,
                long recipientLo,
                long listId,
                String status,
                String source,
                long joinedAt,
                long updatedAt)
                throws X;
    }

    @FunctionalInterface
    public interface AttributeVisitor<X extends Exception> {
        void visit(long recipientHi, long recipientLo, String name, byte[] value) throws X;
    }

    @FunctionalInterface
    public interface TagVisitor<X extends Exception> {
        void visit(long recipientHi, long recipientLo, String tag) throws X;
    }

    /**
     * The detail's two values ({@link ActivityDetails#firstKey}, {@link ActivityDetails#secondKey}) are
     * slices of {@code details}, each an offset and a length (-1: NULL).
     */
    @FunctionalInterface
    public interface ActivityVisitor<X extends Exception> {
        void visit(
                long idHi,
                long idLo,
                long recipientHi,
                long recipientLo,
                long listId,
                ActivityKind kind,
                boolean hasCampaign,
                long campaignId,
                long occurredAt,
                byte[] details,
                int firstOffset,
                int firstLength,
                int secondOffset,
                int secondLength)
                throws X;
    }
}
