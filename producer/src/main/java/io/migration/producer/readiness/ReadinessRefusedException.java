package io.migration.producer.readiness;

/** A migrate run refused because some of its companies are not ready; each one's line is printed already. */
public final class ReadinessRefusedException extends RuntimeException {

    public ReadinessRefusedException(int refused, int companies) {
        super("refused " + refused + " of " + companies + " company(ies) without a recent passing dry run on the"
                + " same schema (above); nothing was recorded or published; run a dry run, or override with"
                + " --skip-readiness-check");
    }
}
