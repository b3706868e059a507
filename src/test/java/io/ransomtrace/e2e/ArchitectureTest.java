package io.ransomtrace.e2e;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module directions of the user's design, checked on the compiled classes of every module:
 * app → views → detection-engine and app → importers → detection-engine; nothing but the end-to-end tests
 * depends on app; fleet → importers → detection-engine and nothing of the desktop depends on fleet (Flink and
 * Kafka stay out of the desktop application). Inside app, the window sits on top: nothing below it (the case layer, the command line, the
 * exports, the store) reaches up into it or draws, and the window reads a case only through the case layer,
 * never through SQL. {@link SourceImportRulesTest} checks the same on source imports, which also catches an
 * unused import that leaves no trace in bytecode. (docs/decisions/0003-module-graph.md says why.)
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ransomtrace");
    }

    @Test
    void detectionEngineIsPureJava() {
        ArchRule rule = noClasses().that().resideInAPackage("io.ransomtrace.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.ransomtrace.importers..", "io.ransomtrace.views..", "io.ransomtrace.app..",
                        "javafx..", "java.sql..", "com.fasterxml.jackson..", "org.apache.commons.csv..")
                .because("the detection engine is a pure library: no UI, no SQL, no parsing of log formats");
        rule.check(classes);
    }

    @Test
    void importersKnowNothingOfUiOrStorage() {
        ArchRule rule = noClasses().that().resideInAPackage("io.ransomtrace.importers..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.ransomtrace.views..", "io.ransomtrace.app..", "javafx..", "java.sql..")
                .because("importers turn logs into events; storing and showing them is the application's job");
        rule.check(classes);
    }

    @Test
    void viewsDrawWhatTheyAreGiven() {
        ArchRule rule = noClasses().that().resideInAPackage("io.ransomtrace.views..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.ransomtrace.importers..", "io.ransomtrace.app..", "java.sql..")
                .because("views are fed engine model types; they open no file and no connection");
        rule.check(classes);
    }

    @Test
    void fleetBuildsOnTheEngineAndImportersOnly() {
        ArchRule rule = noClasses().that().resideInAPackage("io.ransomtrace.fleet..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.ransomtrace.app..", "io.ransomtrace.views..", "javafx..", "java.sql..")
                .because("the fleet job runs on a Flink cluster: the engine and importers, never the desktop");
        rule.check(classes);
    }

    @Test
    void nothingOfTheDesktopDependsOnFleet() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.ransomtrace.fleet..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ransomtrace.fleet..", "org.apache.flink..")
                .because("fleet mode is a separate deployment: the desktop application carries no Flink");
        rule.check(classes);
    }

    @Test
    void nothingDependsOnTheApplication() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.ransomtrace.app..")
                .should().dependOnClassesThat().resideInAPackage("io.ransomtrace.app..")
                .because("app is the top of the module graph");
        rule.check(classes);
    }

    @Test
    void nothingButTheEntryPointReachesIntoTheWindow() {
        ArchRule rule = noClasses().that().resideInAPackage("io.ransomtrace.app..")
                .and().resideOutsideOfPackage("io.ransomtrace.app.ui..")
                .and().doNotHaveFullyQualifiedName("io.ransomtrace.app.Main")
                .should().dependOnClassesThat().resideInAPackage("io.ransomtrace.app.ui..")
                .because("the case layer, the command line and the exports work without a window; only the entry "
                        + "point puts the window's command beside theirs");
        rule.check(classes);
    }

    @Test
    void theWindowNeverTouchesSql() {
        ArchRule rule = noClasses().that().resideInAPackage("io.ransomtrace.app.ui..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("the window reads and writes a case through the case layer (casefile) and the store's API");
        rule.check(classes);
    }

    @Test
    void belowTheWindowNothingDraws() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.ransomtrace.app.casefile..",
                        "io.ransomtrace.app.store..", "io.ransomtrace.app.analysis..", "io.ransomtrace.app.importing..",
                        "io.ransomtrace.app.report..", "io.ransomtrace.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.ransomtrace.views..")
                .because("a case is judged, imported and exported the same way with or without a display");
        rule.check(classes);
    }

    @Test
    void theStoreKnowsNoImporterAndNoCaseLayer() {
        ArchRule rule = noClasses().that().resideInAPackage("io.ransomtrace.app.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ransomtrace.importers..",
                        "io.ransomtrace.app.importing..", "io.ransomtrace.app.casefile..", "io.ransomtrace.app.analysis..",
                        "io.ransomtrace.app.report..", "io.ransomtrace.app.cli..")
                .because("the store keeps events and the analyst's records; who produced them is not its concern");
        rule.check(classes);
    }

    @Test
    void theExportsAreWrittenFromWhatTheCaseLayerReads() {
        ArchRule rule = noClasses().that().resideInAPackage("io.ransomtrace.app.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ransomtrace.app.casefile..",
                        "io.ransomtrace.app.cli..")
                .because("the case layer reads a case for an export and the report package only writes it: no cycle");
        rule.check(classes);
    }
}
