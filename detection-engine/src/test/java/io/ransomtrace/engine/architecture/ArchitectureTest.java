package io.ransomtrace.engine.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.ransomtrace.engine.Detector;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine is a pure library: no JSON, UI, SQL or CSV libraries, and no I/O of its own. */
class ArchitectureTest {
    // Import only the engine's own output folder/jar: scanning every jar on the test classpath is slow.
    private static final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(Detector.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void theImportSeesTheEngine() {
        org.assertj.core.api.Assertions.assertThat(engine.contain(Detector.class)).isTrue();
        org.assertj.core.api.Assertions.assertThat(engine.size()).isGreaterThan(40);
    }

    @Test
    void engineUsesNoJacksonJavafxSqlOrCsv() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "com.fasterxml.jackson..", "javafx..", "java.sql..", "javax.sql..", "org.apache.commons.csv..")
                .check(engine);
    }

    @Test
    void engineDoesNotReachIntoOtherModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.ransomtrace.importers..", "io.ransomtrace.views..", "io.ransomtrace.app..")
                .check(engine);
    }

    @Test
    void onlyTheProfilePackageReadsYaml() {
        noClasses().that().resideOutsideOfPackage("io.ransomtrace.engine.profile..")
                .should().dependOnClassesThat().resideInAPackage("org.yaml..")
                .check(engine);
    }

    @Test
    void theHotPathUsesNoRegularExpressions() {
        noClasses().that().resideInAnyPackage("io.ransomtrace.engine.process..", "io.ransomtrace.engine.signal..",
                        "io.ransomtrace.engine.correlate..")
                .and().doNotHaveSimpleName("FindingAssembler")
                .should().dependOnClassesThat().resideInAPackage("java.util.regex..")
                .check(engine);
    }

    @Test
    void engineOpensNoFiles() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .check(engine);
    }

    @Test
    void modelAndFindingsDependOnNothingElseInTheEngine() {
        noClasses().that().resideInAnyPackage("io.ransomtrace.engine.model..", "io.ransomtrace.engine.finding..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ransomtrace.engine.process..",
                        "io.ransomtrace.engine.signal..", "io.ransomtrace.engine.correlate..", "io.ransomtrace.engine.profile..")
                .check(engine);
    }
}
