package io.ransomtrace.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.app.testing.Exports;
import io.ransomtrace.app.testing.SampleCases;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The briefing and layer on a wiping campaign and on a case with nothing to report. */
class OtherSampleCasesTest {

    @TempDir
    Path dir;

    @Test
    void gpgThenShredIsMarkedAsDataDestructionAndFileDeletion() throws IOException {
        Path caseFile = SampleCases.importCase(dir, "attack-gpg-shred");
        Path layer = dir.resolve("layer.json");
        Exports.export(caseFile, ReportRequest.of(ReportFormat.NAVIGATOR, layer), ReportProgress.NONE, () -> false);
        List<String> ids = new ArrayList<>();
        String shredComment = null;
        for (JsonNode t : new ObjectMapper().readTree(layer.toFile()).path("techniques")) {
            ids.add(t.path("techniqueID").asText());
            if (t.path("techniqueID").asText().equals("T1485")) {
                shredComment = t.path("comment").asText();
            }
        }
        assertThat(ids).contains("T1486", "T1485", "T1059.004");
        assertThat(shredComment).contains("shred");

        Path pdf = dir.resolve("b.pdf");
        Exports.export(caseFile, ReportRequest.of(ReportFormat.PDF, pdf), ReportProgress.NONE, () -> false);
        String page1 = page1(pdf);
        assertThat(page1).contains("a script named lock.sh").contains("ws-bob.corp.example")
                .contains("Disable the account bob").contains("Hunt for the same use of").contains("shred")
                .doesNotContain("Rotate root");
    }

    @Test
    void aBenignCaseSaysSoAndStillShowsCoverage() throws IOException {
        Path caseFile = SampleCases.importCase(dir, "benign-rsync");
        Path pdf = dir.resolve("quiet.pdf");
        ReportService.Result r = Exports.export(caseFile, ReportRequest.of(ReportFormat.PDF, pdf),
                ReportProgress.NONE, () -> false);
        assertThat(r.findings()).isZero();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("No mass-encryption campaign in this case").contains("Telemetry coverage per host")
                .doesNotContain("Isolate host");
        Path restore = dir.resolve("restore.csv");
        Exports.export(caseFile, ReportRequest.of(ReportFormat.RESTORE, restore), ReportProgress.NONE, () -> false);
        assertThat(Files.readAllLines(restore)).containsExactly("path,host,operation,time,overwrite_kind,new_name,finding_id");
    }

    private static String page1(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            s.setEndPage(1);
            return s.getText(doc).replaceAll("\\s+", " ");
        }
    }
}
