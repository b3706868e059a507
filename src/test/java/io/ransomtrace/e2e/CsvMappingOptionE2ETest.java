package io.ransomtrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan}/{@code import --csv-mapping}: a CSV export of an EDR no built-in mapping knows is read through the
 * analyst's YAML mapping headless, as the window's editor would. The export is the Defender-shaped attack of
 * importers/src/test/resources/edr/csv (find -exec openssl enc over 12 files, find -delete, a note per folder)
 * with every column renamed, so only the analyst's mapping can read it.
 */
class CsvMappingOptionE2ETest {

    private static final List<String> OWN_COLUMNS = List.of("when", "device_id", "machine", "what", "obj_name",
            "obj_dir", "old_name", "old_dir", "proc_id", "proc_cmd", "proc_user", "actor_pid", "actor_name",
            "actor_path", "actor_cmd", "actor_ppid", "actor_user", "record");

    private static final String MAPPING = """
            name: our-edr
            description: the in-house EDR's CSV export
            timestamp: {format: auto, zone: UTC}
            columns:
              timestamp: when
              action: what
              host: machine
              pid: proc_id
              ppid: actor_pid
              executable: obj_dir
              command-line: proc_cmd
              user: proc_user
              path: obj_dir
              file-name: obj_name
              original-path: old_dir
              original-file-name: old_name
            actions: {ProcessCreated: process-start, FileCreated: file-create, FileModified: file-write,
                      FileRenamed: file-rename, FileDeleted: file-delete}
            file-columns: {pid: actor_pid, ppid: actor_ppid, executable: actor_path, command-line: actor_cmd,
                           user: actor_user}
            """;

    @TempDir
    Path tmp;
    private Path export;

    @BeforeEach
    void writeExport() throws IOException {
        Path defender = RepositoryRoot.find()
                .resolve("importers/src/test/resources/edr/csv/defender-advanced-hunting.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(defender));
        assertThat(lines.get(0).split(",")).hasSameSizeAs(OWN_COLUMNS.toArray());
        lines.set(0, String.join(",", OWN_COLUMNS));
        export = Files.write(tmp.resolve("our-edr-export.csv"), lines);
    }

    @Test
    void withoutAMappingNothingIsGuessedAndTheMessageSaysHowToPassOne() {
        CliRun run = CliRun.of("scan", export.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("no built-in column mapping fits this header").contains("--csv-mapping");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void scanWithTheAnalystsMappingFindsTheAttack() throws IOException {
        Path mapping = Files.writeString(tmp.resolve("our-edr.yaml"), MAPPING);
        Path json = tmp.resolve("out.json");

        CliRun run = CliRun.of("scan", "--csv-mapping", mapping.toString(), export.toString(), "--json",
                json.toString(), "--fail-on", "high");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.at("/summary/inputs/0/format").asText()).isEqualTo("csv");
        assertThat(doc.at("/summary/inputs/0/errors").asLong()).isZero();
        assertThat(doc.at("/summary/hosts/0").asText()).isEqualTo("fs-02");
        JsonNode high = null;
        JsonNode encryption = null;
        for (JsonNode f : doc.get("findings")) {
            if (high == null && List.of("high", "critical").contains(f.get("severity").asText())
                    && !f.at("/notes/names").isEmpty()) {
                high = f;
            }
            if (f.get("tools").toString().contains("openssl")) {
                encryption = f;
            }
        }
        assertThat(high).as(run.out()).isNotNull();
        assertThat(high.at("/notes/names/0").asText()).isEqualTo("HOW_TO_DECRYPT.txt");
        assertThat(encryption).as(run.out()).isNotNull();
        assertThat(encryption.get("filesAffected").asLong()).isEqualTo(12);
        assertThat(encryption.at("/rootProcess/commandLine").asText()).contains("-exec openssl enc");
        // the originals were deleted by the next command typed at the same prompt: files held, not copies beside them
        assertThat(encryption.get("severity").asText()).isEqualTo("high");
        assertThat(encryption.get("overwrite").asText()).isEqualTo("new-file-then-delete");
    }

    @Test
    void importWithTheAnalystsMappingStoresTheEvents() throws IOException {
        Path mapping = Files.writeString(tmp.resolve("our-edr.yaml"), MAPPING);
        Path casePath = tmp.resolve("inv.rtcase");

        CliRun run = CliRun.of("import", "--case", casePath.toString(), "--quiet", "--csv-mapping",
                mapping.toString(), export.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("imported +CSV +69 +69 +0 ");
    }

    @Test
    void aBrokenMappingFileIsAUsageErrorThatListsItsProblems() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), MAPPING.replace("proc_cmd", "")
                .replace("  pid: proc_id", "  pidd: proc_id"));

        for (String command : new String[]{"scan", "import"}) {
            List<String> args = new ArrayList<>(List.of(command, "--csv-mapping", bad.toString()));
            if (command.equals("import")) {
                args.addAll(List.of("--case", tmp.resolve("never.rtcase").toString()));
            }
            args.add(export.toString());
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.err()).contains("is not a usable column mapping")
                    .contains("unknown field 'pidd' in columns")
                    .contains("field 'command-line' in columns is mapped to no column")
                    .doesNotContain("Exception");
        }
        assertThat(tmp.resolve("never.rtcase")).doesNotExist();

        CliRun missing = CliRun.of("scan", "--csv-mapping", tmp.resolve("nope.yaml").toString(), export.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml: no such file");
    }
}
