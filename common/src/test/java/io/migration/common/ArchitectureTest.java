package io.migration.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.migration.testsupport.MainSources;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The common module's shape: packages without cycles, and the transform free of I/O. */
@AnalyzeClasses(packages = "io.migration.common", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("io.migration.common.(*)..").should().beFreeOfCycles();

    /** The rules R1–R13 are pure functions: tested by tables, run anywhere, no database or broker. */
    @ArchTest
    static final ArchRule theTransformIsPureJava = noClasses()
            .that()
            .resideInAPackage("..transform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.jdbi..", "com.rabbitmq..", "java.net..", "java.nio.file..");

    @Test
    void noMainFileIsOver300Lines() throws IOException {
        assertThat(MainSources.longerThan(300)).isEmpty();
    }
}
