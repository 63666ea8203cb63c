package io.migration.worker;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.migration.testsupport.MainSources;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The worker's packages form layers without cycles: each may use those below it, never one above.
 * From the top: the application and its configuration wire everything; the broker's edge (amqp,
 * health) hands deliveries to the delivery's life (delivery); that uses the fleet's bookkeeping
 * (control, metrics), resilience (breakers, gate, retry, pace) and the shard runners (pipeline,
 * verify, dryrun); those read and write through source and write, which pace through pace.
 */
class ArchitectureTest {

    private static final JavaClasses WORKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.migration.worker");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.migration.worker.(*)..").should().beFreeOfCycles().check(WORKER);
    }

    @Test
    void packagesKeepTheirLayers() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Application")
                .definedBy("io.migration.worker", "io.migration.worker.config..")
                .layer("Edge")
                .definedBy("io.migration.worker.amqp..", "io.migration.worker.health..")
                .layer("Delivery")
                .definedBy("io.migration.worker.delivery..")
                .layer("Fleet")
                .definedBy("io.migration.worker.control..", "io.migration.worker.metrics..")
                .layer("Resilience")
                .definedBy("io.migration.worker.resilience..")
                .layer("Runners")
                .definedBy(
                        "io.migration.worker.pipeline..",
                        "io.migration.worker.verify..",
                        "io.migration.worker.dryrun..")
                .layer("Data")
                .definedBy("io.migration.worker.source..", "io.migration.worker.write..")
                .layer("Pace")
                .definedBy("io.migration.worker.pace..")
                .whereLayer("Application")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Edge")
                .mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Delivery")
                .mayOnlyBeAccessedByLayers("Application", "Edge")
                .whereLayer("Fleet")
                .mayOnlyBeAccessedByLayers("Application", "Edge", "Delivery")
                .whereLayer("Resilience")
                .mayOnlyBeAccessedByLayers("Application", "Edge", "Delivery", "Fleet")
                .whereLayer("Runners")
                .mayOnlyBeAccessedByLayers("Application", "Delivery")
                .whereLayer("Data")
                .mayOnlyBeAccessedByLayers("Application", "Delivery", "Resilience", "Runners")
                .whereLayer("Pace")
                .mayOnlyBeAccessedByLayers("Application", "Delivery", "Fleet", "Resilience", "Runners", "Data")
                .check(WORKER);
    }

    @Test
    void noMainFileIsOver300Lines() throws IOException {
        assertThat(MainSources.longerThan(300)).isEmpty();
    }
}
