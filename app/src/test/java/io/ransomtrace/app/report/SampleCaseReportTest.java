package io.ransomtrace.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.app.analysis.ScanJson;
import io.ransomtrace.app.analysis.ScanJsonWriter;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.app.testing.Exports;
import io.ransomtrace.app.testing.SampleCases;
import io.ransomtrace.engine.finding.Severity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every export of the recorded attack-openssl-find case (bash script: find | openssl enc, rm the originals,
 * README_RESTORE.txt notes), checked for the facts an executive, a restore team and IR rely on.
 */
class SampleCaseReportTest {

    @TempDir
    static Path dir;
    static Path caseFile;
    static String findingId;
    static Instant firstSeen;

    @BeforeAll
    static void importCase() throws IOException {
        caseFile = SampleCases.importCase(dir, "attack-openssl-find");
        try (CaseSession session = CaseSession.open(caseFile)) {
            CaseReport r = session.report(ReportRequest.of(ReportFormat.JSON, dir.resolve("x")),
                    ReportProgress.NONE, () -> false);
            AnalystAnnotations store = session.store().annotations();
            assertThat(r.sections()).hasSize(1);
            findingId = r.sections().get(0).finding().id();
            firstSeen = r.sections().get(0).finding().firstSeen();
            // The analyst saved the finding, tagged and annotated it: the briefing must carry that.
            long stored = store.saveFinding(new AnalystAnnotations.Finding(0, "an0603", "openssl campaign",
                    "critical", 100.0, "fs01.corp.example", null, firstSeen, null, null, "{\"findingId\":\"" + findingId + "\"}",
                    null, Instant.now()), List.of());
            AnalystAnnotations.Target t = new AnalystAnnotations.Target(AnalystAnnotations.TargetKind.FINDING, stored);
            store.addTag(t, "confirmed-malicious");
            store.addNote(t, "Entry via alice's SSH key; ticket IR-2231.");
        }
    }

    private Path export(ReportFormat format, String name) throws IOException {
        Path out = dir.resolve(name);
        Exports.export(caseFile, ReportRequest.of(format, out), ReportProgress.NONE, () -> false);
        return out;
    }

    @Test
    void pdfFirstPageStatesTheKeyFactsInPlainLanguage() throws IOException {
        Path pdf = export(ReportFormat.PDF, "briefing.pdf");
        String page1;
        String all;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            s.setStartPage(1);
            s.setEndPage(1);
            page1 = s.getText(doc).replaceAll("\\s+", " ");
            all = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
        }
        assertThat(page1)
                .contains("CRITICAL: one campaign of mass file encryption on fs01.corp.example")
                .contains("changed 121 files in 17 directories on fs01.corp.example")
                .contains("renaming them to end in")
                .contains("originals deleted after encrypted copies were written")
                .contains("17 ransom notes")
                .contains("a script named enc.sh")
                .contains("/usr/bin/openssl")
                .contains("Preserve and block /var/tmp/.font-cache/enc.sh")
                .contains("Hunt for the same use of bash, openssl, find")
                // the raw log has only numbers; its own login records name the account (LOGIN + USER_START)
                .contains("running as root (logged in as alice)")
                .contains("Disable the account alice and reset its credentials")
                .contains("First encryption to first alert")
                .contains("Isolate host fs01.corp.example from the network")
                // the key is on openssl's command line: the plan decrypts every file, nothing to restore from backup
                .contains("Recovery 121 of 121 files can be decrypted with the key seen in the audit log")
                .doesNotContain("from backup")
                .contains("confirmed-malicious")
                .contains("Entry via alice's SSH key; ticket IR-2231.");
        // PDF text extraction may break ".enc" at a line end
        assertThat(page1.replace(" ", "")).contains("renamingthemtoendin.enc");
        assertThat(all).contains("Technical appendix").contains(findingId).contains("Process chain")
                .contains("/var/tmp/.font-cache/enc.sh").contains("Telemetry coverage per host").contains("Evidence")
                .contains("Decrypt 121 files with the attacker's own key").contains("Key evidence");
    }

    @Test
    void htmlIsSelfContainedWithAStrictPolicyAndTheSameFacts() throws IOException {
        Path html = export(ReportFormat.HTML, "briefing.html");
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        Element csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertThat(csp).isNotNull();
        assertThat(csp.attr("content")).isEqualTo("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
        assertThat(doc.select("script, link, iframe, object, embed, base, form")).isEmpty();
        assertThat(doc.select("img")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(img -> assertThat(img.attr("src")).startsWith("data:image/png;base64,"));
        assertThat(doc.select("[href]")).isEmpty();
        assertThat(doc.select("h2").eachText()).contains("What happened", "Recommended actions",
                "Timeline of file operations", "Spread by directory", "Telemetry coverage per host", "Technical appendix");
        assertThat(doc.select("ol.actions li").eachText()).anySatisfy(a -> assertThat(a).startsWith("Isolate host fs01.corp.example"));
        assertThat(doc.select("table.facts").first().text()).contains("121 files in 17 directories");
    }

    @Test
    void jsonExportIsTheScanSchema() throws IOException {
        ScanJson.Document d = ScanJsonWriter.read(export(ReportFormat.JSON, "findings.json"));
        assertThat(d.schemaVersion()).isEqualTo(ScanJson.SCHEMA_VERSION);
        assertThat(d.findings()).extracting(ScanJson.FindingJson::id).containsExactly(findingId);
        assertThat(d.findings().get(0).filesAffected()).isEqualTo(121);
        assertThat(d.summary().hosts()).contains("fs01.corp.example");
    }

    @Test
    void restoreListHasEveryDeletedOriginalWithItsEncryptedCopy() throws IOException {
        List<CSVRecord> rows = csv(export(ReportFormat.RESTORE, "restore.csv"));
        assertThat(rows).hasSize(121);
        Set<String> paths = new HashSet<>();
        for (CSVRecord r : rows) {
            assertThat(paths.add(r.get("path"))).as("one row per original").isTrue();
            assertThat(r.get("host")).isEqualTo("fs01.corp.example");
            assertThat(r.get("overwrite_kind")).isEqualTo("new-file-then-delete");
            assertThat(r.get("operation")).contains("deleted");
            assertThat(r.get("new_name")).isEqualTo(r.get("path") + ".enc");
            assertThat(r.get("path")).doesNotEndWith("README_RESTORE.txt").doesNotEndWith(".enc");
            assertThat(Instant.parse(r.get("time"))).isAfterOrEqualTo(firstSeen);
        }
    }

    @Test
    void findingsCsvHasOneRowPerChosenFinding() throws IOException {
        List<CSVRecord> rows = csv(export(ReportFormat.CSV, "findings.csv"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id")).isEqualTo(findingId);
        assertThat(rows.get(0).get("severity")).isEqualTo("critical");
        assertThat(rows.get(0).get("tags")).isEqualTo("confirmed-malicious");
        assertThat(rows.get(0).get("signals_fired")).contains("delete-after-encrypt", "ransom-note");
    }

    @Test
    void ecsEventsCarryEcsNamesAndProvenance() throws IOException {
        List<String> lines = Files.readAllLines(export(ReportFormat.ECS, "evidence.ndjson"));
        assertThat(lines).isNotEmpty();
        ObjectMapper m = new ObjectMapper();
        boolean sawRename = false;
        boolean sawExec = false;
        for (String line : lines) {
            JsonNode e = m.readTree(line);
            assertThat(e.path("@timestamp").asText()).isNotEmpty();
            assertThat(e.path("host").path("name").asText()).isEqualTo("fs01.corp.example");
            assertThat(e.path("ransomtrace").path("finding_id").asText()).isEqualTo(findingId);
            assertThat(e.path("log").path("file").path("path").asText()).contains("attack-openssl-find");
            assertThat(e.path("log").has("offset")).isTrue();
            String action = e.path("event").path("action").asText();
            if (action.equals("exec")) {
                sawExec = true;
                assertThat(e.path("process").path("args").isArray()).isTrue();
                assertThat(e.path("user").path("audit").path("id").asText()).isNotEmpty();
            }
            if (e.path("file").has("target_path")) {
                sawRename = true;
            }
            if (action.equals("delete")) {
                assertThat(e.path("event").path("type").get(0).asText()).isEqualTo("deletion");
                assertThat(e.path("file").path("path").asText()).startsWith("/srv/rt-lab/");
            }
        }
        assertThat(sawExec).isTrue();
        assertThat(sawRename || lines.stream().anyMatch(l -> l.contains("\"deletion\""))).isTrue();
    }

    @Test
    void navigatorLayerMarksTheObservedTechniquesWithReasons() throws IOException {
        JsonNode layer = new ObjectMapper().readTree(export(ReportFormat.NAVIGATOR, "layer.json").toFile());
        assertThat(layer.path("versions").path("layer").asText()).isEqualTo("4.5");
        assertThat(layer.path("domain").asText()).isEqualTo("enterprise-attack");
        List<String> ids = new ArrayList<>();
        layer.path("techniques").forEach(t -> {
            ids.add(t.path("techniqueID").asText());
            assertThat(t.path("comment").asText()).contains(findingId);
        });
        // openssl enc then rm (file deletion), driven by a bash script that used find to list the files.
        assertThat(ids).contains("T1486", "T1070.004", "T1059.004", "T1083").doesNotContain("T1485");
    }

    @Test
    void theAnalystCanChooseFindingsAndProgressIsReportedUntilCancelled() throws IOException {
        Path out = dir.resolve("chosen.json");
        ReportRequest none = new ReportRequest(ReportFormat.JSON, out, List.of("rt-0000000000000000"), Severity.INFO, null);
        assertThatThrownBy(() -> Exports.export(caseFile, none, ReportProgress.NONE, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rt-0000000000000000");

        ReportRequest all = new ReportRequest(ReportFormat.JSON, out, List.of(), Severity.INFO, null);
        List<Double> fractions = new ArrayList<>();
        Exports.export(caseFile, all, (step, f) -> fractions.add(f), () -> false);
        assertThat(fractions).isSorted().last().isEqualTo(1.0);
        assertThat(ScanJsonWriter.read(out).findings().size()).isGreaterThanOrEqualTo(1);

        Path cancelledOut = dir.resolve("cancelled.pdf");
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> Exports.export(caseFile, ReportRequest.of(ReportFormat.PDF, cancelledOut),
                ReportProgress.NONE, () -> polls.incrementAndGet() > 100)).isInstanceOf(ReportCancelledException.class);
        assertThat(cancelledOut).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
