package io.migration.producer.seed;

/**
 * Which write a transaction makes, drawn by weight: the monolith's writes to its legacy tables and,
 * for a switched company, the new service's writes to the target tables. Pure: the draw depends only
 * on the number in [0, 1) it is given.
 */
final class TrafficMix {

    /** A write of the monolith to the legacy tables, with its share of the transactions. */
    enum Legacy {
        INSERT_RECIPIENT(24),
        EDIT_NAME(10),
        EDIT_STATUS(8),
        CHANGE_EMAIL(4),
        MERGE_EMAIL(3),
        CHANGE_EMAIL_CASE(4),
        DELETE_RECIPIENT(5),
        NEW_LIST(2),
        DELETE_LIST(1),
        MOVE_TO_NEW_LIST(2),
        NEW_SUPPRESSION(4),
        EDIT_FIELD(6),
        DELETE_FIELD(3),
        EDIT_TAG(4),
        DELETE_TAG(3),
        NEW_ACTIVITY(10);

        private final int weight;

        Legacy(int weight) {
            this.weight = weight;
        }

        int weight() {
            return weight;
        }

        /** Needs an existing list_recipients row of the company; without one, the write is an insert. */
        boolean needsRecipient() {
            return this != INSERT_RECIPIENT && this != NEW_LIST && this != DELETE_LIST && this != NEW_SUPPRESSION;
        }

        static Legacy draw(double u) {
            return values()[index(LEGACY_WEIGHTS, u)];
        }
    }

    /** A write of the new service to the target tables, once the company is switched. */
    enum Service {
        INSERT(5),
        UPDATE(3),
        DELETE(2);

        private final int weight;

        Service(int weight) {
            this.weight = weight;
        }

        int weight() {
            return weight;
        }

        static Service draw(double u) {
            return values()[index(SERVICE_WEIGHTS, u)];
        }
    }

    private static final int[] LEGACY_WEIGHTS = weights(Legacy.values());
    private static final int[] SERVICE_WEIGHTS = weights(Service.values());

    private TrafficMix() {}

    /**
     * The index i whose share of the total weight covers {@code u}: weights {2, 1} give 0 for u below
     * 2/3 and 1 above. A weight of 0 is never drawn.
     */
    static int index(int[] weights, double u) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u must be in [0, 1): " + u);
        }
        long total = 0;
        for (int w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            total += w;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no positive weight");
        }
        double target = u * total;
        long cumulative = 0;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            cumulative += weights[i];
            last = i;
            if (target < cumulative) {
                return i;
            }
        }
        return last;
    }

    private static int[] weights(Legacy[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].weight();
        }
        return out;
    }

    private static int[] weights(Service[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].weight();
        }
        return out;
    }
}
