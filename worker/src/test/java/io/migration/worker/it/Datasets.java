package io.migration.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.ExpectedResults;
import io.migration.testsupport.TestServices;
import java.util.List;
import java.util.Map;

/** What every end-to-end test starts from: a seeded source and the target's schema. */
public final class Datasets {

    private Datasets() {}

    /**
     * Seeds the test's source ({@code producer seed}), creates the target schema, makes the
     * oracle's SQL available, and returns the source's company ids.
     */
    public static List<Long> seedAndCreateSchema(TestServices services, int companies, int rows, long seed) {
        Map<String, String> env = services.environment();
        assertThat(ProducerCli.run(
                        env,
                        "seed",
                        "--companies",
                        Integer.toString(companies),
                        "--rows",
                        Integer.toString(rows),
                        "--seed",
                        Long.toString(seed)))
                .as("seed")
                .isZero();
        assertThat(ProducerCli.run(env, "migrate-schema")).as("migrate-schema").isZero();
        ExpectedResults.installPgcrypto(services.source());
        return ExpectedResults.allCompanyIds(services.source());
    }
}
