package io.migration.producer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.migration.testsupport.MainSources;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The producer's shape, checked in the build: its packages are what an operator does, they form
 * layers without cycles, and only the command line sits on top.
 */
class ArchitectureTest {

    private static final String PRODUCER = "io.migration.producer";
    private static final int MAX_PACKAGES = 8;

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PRODUCER);

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(PRODUCER + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyTheCommandLineDependsOnTheCommandLine() {
        noClasses()
                .that()
                .resideOutsideOfPackage(PRODUCER + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(PRODUCER + ".cli..")
                .check(MAIN);
    }

    @Test
    void theProducerHasAtMostEightPackages() {
        Set<String> packages =
                MAIN.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).isNotEmpty().hasSizeLessThanOrEqualTo(MAX_PACKAGES);
    }

    @Test
    void noMainFileIsOver300Lines() throws IOException {
        assertThat(MainSources.longerThan(300)).isEmpty();
    }
}
