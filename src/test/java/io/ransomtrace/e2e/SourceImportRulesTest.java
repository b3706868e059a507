package io.ransomtrace.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module directions checked on the import lines of the sources. Bytecode rules ({@link ArchitectureTest})
 * miss an import that is not used; this does not.
 */
class SourceImportRulesTest {

    private static final Path ROOT = RepositoryRoot.find();

    @Test
    void detectionEngineSourcesImportNoUiSqlJsonOrCsv() {
        assertThat(violations("detection-engine", "javafx.", "java.sql.", "com.fasterxml.jackson.",
                "org.apache.commons.csv.", "io.ransomtrace.importers.", "io.ransomtrace.views.", "io.ransomtrace.app."))
                .isEmpty();
    }

    @Test
    void importerSourcesImportNoUiOrSql() {
        assertThat(violations("importers", "javafx.", "java.sql.", "io.ransomtrace.views.", "io.ransomtrace.app."))
                .isEmpty();
    }

    @Test
    void viewSourcesImportNoSqlImportersOrApp() {
        assertThat(violations("views", "java.sql.", "io.ransomtrace.importers.", "io.ransomtrace.app.")).isEmpty();
    }

    @Test
    void onlyTheWindowAndTheEntryPointImportTheWindow() {
        Path app = Path.of("app/src/main/java/io/ransomtrace/app");
        assertThat(violations(app.toString(), p -> !p.startsWith(ROOT.resolve(app).resolve("ui"))
                && !p.equals(ROOT.resolve(app).resolve("Main.java")), "io.ransomtrace.app.ui.")).isEmpty();
    }

    @Test
    void windowSourcesImportNoSql() {
        assertThat(violations("app/src/main/java/io/ransomtrace/app/ui", p -> true, "java.sql.")).isEmpty();
    }

    @Test
    void storeSourcesImportNoImporters() {
        assertThat(violations("app/src/main/java/io/ransomtrace/app/store", p -> true, "io.ransomtrace.importers.",
                "io.ransomtrace.app.importing.")).isEmpty();
    }

    @Test
    void fleetSourcesImportNothingOfTheDesktop() {
        assertThat(violations("fleet", "javafx.", "java.sql.", "io.ransomtrace.views.", "io.ransomtrace.app.")).isEmpty();
    }

    @Test
    void desktopSourcesImportNothingOfFleetOrFlink() {
        for (String module : List.of("detection-engine", "importers", "views", "app")) {
            assertThat(violations(module, "io.ransomtrace.fleet.", "org.apache.flink.")).as(module).isEmpty();
        }
    }

    private static List<String> violations(String module, String... forbiddenPrefixes) {
        return violations(module + "/src/main/java", p -> true, forbiddenPrefixes);
    }

    private static List<String> violations(String folder, Predicate<Path> checked, String... forbiddenPrefixes) {
        Path sources = ROOT.resolve(folder);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).filter(checked).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    String imported = line.substring("import ".length()).replace("static ", "").strip();
                    for (String prefix : forbiddenPrefixes) {
                        if (imported.startsWith(prefix)) {
                            found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
