package io.ransomtrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.app.casefile.CaseAnnotations;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.engine.finding.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a newcomer first meets it: usage without arguments, whole-sentence help, clear words for a
 * missing folder or a file that is not a log (and no empty case left behind), the findings of a case with the
 * analyst's notes, and a restore list that says why it is empty.
 */
class CliFirstUseE2ETest {

    @TempDir
    static Path dir;
    static Path mixed;

    @BeforeAll
    static void importMixedWorkday() {
        Path logs = SampleCases.of("mixed-workday");
        mixed = dir.resolve("mixed.rtcase");
        CliRun r = CliRun.of("import", "--quiet", "--case", mixed.toString(), logs.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void noArgumentsPrintsTheUsageAndIsAUsageError() {
        CliRun r = CliRun.of();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("a command is needed").contains("Usage: ransomtrace").contains("Commands:");
    }

    @Test
    void everyCommandIsSummedUpInAWholeSentence() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exitCode()).isZero();
        String commands = r.out().substring(r.out().indexOf("Commands:"), r.out().indexOf("Exit codes:"));
        // One entry per command: its name, then its summary, wrapped onto indented lines.
        Matcher m = Pattern.compile("(?m)^  (\\w+)\\s+(.+(?:\\n {4,}.+)*)").matcher(commands);
        int entries = 0;
        while (m.find()) {
            entries++;
            String summary = m.group(2).replaceAll("\\s+", " ").strip();
            assertThat(summary).as(m.group(1)).endsWith(".");
        }
        assertThat(entries).isGreaterThanOrEqualTo(6);
        assertThat(commands).contains("findings");
    }

    @Test
    void evaluatingAFolderThatIsNotThereSaysItDoesNotExist() {
        CliRun r = CliRun.of("evaluate", dir.resolve("nonexistent").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("nonexistent does not exist");
    }

    @Test
    void anExportIntoAMissingFolderIsAnInputErrorAndMakesNoFolder() {
        Path out = dir.resolve("no-such-folder/briefing.html");
        CliRun r = CliRun.of("report", "--case", mixed.toString(), "--format", "html", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("no-such-folder does not exist");
        assertThat(out.getParent()).doesNotExist();
    }

    @Test
    void importingAFileThatIsNotALogSaysSoAndLeavesNoCaseBehind() throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "alice:x:1101:1101:Alice,,,:/home/alice:/bin/bash\n");
        Path caseFile = dir.resolve("passwd.rtcase");
        CliRun r = CliRun.of("import", "--quiet", "--case", caseFile.toString(), passwd.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("not a recognised format").contains("No case was created");
        assertThat(caseFile).doesNotExist();
    }

    @Test
    void findingsListsTheCaseFindingsWithTheAnalystsNotesInTextAndJson() throws IOException {
        Path copy = Files.copy(mixed, dir.resolve("annotated.rtcase"));
        String attackId;
        try (CaseSession s = CaseSession.open(copy)) {
            Finding attack = s.findings(s.settings(), () -> false).stream()
                    .max(Comparator.comparing(Finding::severity)).orElseThrow();
            attackId = attack.id();
            s.annotations().saveFinding(attack, List.of("patient-zero"), "Started from carol's sudo.");
            long root = s.campaigns().root(attack).orElseThrow().key();
            s.annotations().addNote(CaseAnnotations.process(root), "dropped in /var/tmp/.font-cache");
        }
        CliRun text = CliRun.of("findings", "--case", copy.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("(?m)^\\d+ findings: 1 critical")
                .contains("Mass encryption by kworker-sync")
                .contains("analyst tags: patient-zero")
                .contains("analyst note on the finding: Started from carol's sudo.")
                .contains("dropped in /var/tmp/.font-cache")
                .contains("1 file in 1 directory").doesNotContainPattern("\\b1 files");

        CliRun json = CliRun.of("findings", "--case", copy.toString(), "--json");
        assertThat(json.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode first = doc.get("findings").get(0);
        assertThat(first.get("id").asText()).isEqualTo(attackId);
        assertThat(first.at("/analyst/tags/0").asText()).isEqualTo("patient-zero");
        assertThat(first.at("/analyst/notes/0/about").asText()).isEqualTo("finding");
        assertThat(first.at("/analyst/notes/0/text").asText()).isEqualTo("Started from carol's sudo.");
    }

    /**
     * h62: smbd opened every folder of the share by descriptor, so the log names them by inode only; the restore list
     * keeps them as {@code /srv/nas/share/[inode N]} and the report says how to find each on the host.
     */
    @Test
    void theRestoreListSaysHowToFindFoldersTheLogNamedByInodeOnly() throws IOException {
        Path caseFile = dir.resolve("smb.rtcase");
        CliRun imp = CliRun.of("import", "--quiet", "--case", caseFile.toString(), RepositoryRoot.find()
                .resolve("sample-cases/independent/cases/h62_smb_one_session_lockbit/audit.log").toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        Path out = dir.resolve("restore-smb.csv");
        CliRun r = CliRun.of("report", "--case", caseFile.toString(), "--format", "restore", "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(out)).contains("/srv/nas/share/[inode ");
        assertThat(r.out()).containsPattern("\\d+ files lie in \\d+ folders the log named by inode only")
                .containsPattern("find /srv/nas/share -xdev -inum \\d+");
    }

    @Test
    void theRestoreListOfAnExecOnlyCaseSaysWhyItIsEmpty() throws IOException {
        Path caseFile = dir.resolve("exec-only.rtcase");
        CliRun imp = CliRun.of("import", "--quiet", "--case", caseFile.toString(),
                SampleCases.of("attack-openssl-find-exec-only").toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        Path out = dir.resolve("restore.csv");
        CliRun r = CliRun.of("report", "--case", caseFile.toString(), "--format", "restore", "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1);
        assertThat(r.out()).contains("1 finding,").contains("The restore list is empty: the case's logs hold no file "
                + "operations of these campaigns").contains("The findings name").contains("ransomtrace coverage");
    }
}
