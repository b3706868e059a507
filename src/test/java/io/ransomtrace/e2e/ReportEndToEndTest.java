package io.ransomtrace.e2e;

import io.ransomtrace.app.cli.RansomtraceCommand;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mixed-workday sample case (a day of benign work with one kworker-sync encryption run) imported and exported
 * through the CLI, without a display: the briefing names what happened, and every data export is written.
 */
class ReportEndToEndTest {

    @TempDir
    static Path dir;
    static Path caseFile;

    @BeforeAll
    static void importMixedWorkday() throws IOException {
        Path folder = SampleCases.of("mixed-workday");
        caseFile = dir.resolve("mixed.rtcase");
        List<String> args = new ArrayList<>(List.of("import", "--case", caseFile.toString()));
        try (Stream<Path> logs = Files.list(folder)) {
            logs.filter(p -> p.getFileName().toString().startsWith("audit.log")).sorted().forEach(p -> args.add(p.toString()));
        }
        assertThat(args).hasSizeGreaterThan(3);
        assertThat(RansomtraceCommand.run(args.toArray(String[]::new))).isZero();
    }

    @Test
    void briefingPdfTellsAnExecutiveWhatHappenedOnPageOne() throws IOException {
        Path pdf = dir.resolve("briefing.pdf");
        assertThat(RansomtraceCommand.run("report", "--case", caseFile.toString(), "--format", "pdf", "--out", pdf.toString()))
                .isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            s.setEndPage(1);
            String page1 = s.getText(doc).replaceAll("\\s+", " ");
            assertThat(page1).contains("CRITICAL: one campaign of mass file encryption on fs01.corp.example")
                    .contains("a program named kworker-sync running as root")
                    .contains("changed 99 files in 15 directories on fs01.corp.example")
                    .contains("Overwritten in place")
                    .contains("15 ransom notes (README_RESTORE.txt)")
                    .contains("/var/tmp/.font-cache/kworker-sync")
                    .containsPattern("First encryption to first alert \\d+ ms \\(alert at 2026-")
                    .contains("Isolate host fs01.corp.example from the network")
                    .contains("Restore 99 files in 15 directories from backup")
                    .contains("lower-severity findings not in this briefing");
        }
    }

    @Test
    void lowerSeverityFindingsChosenAlongsideAreNamedButNotSummedIntoTheCampaign() throws IOException {
        Path html = dir.resolve("low.html");
        assertThat(RansomtraceCommand.run("report", "--case", caseFile.toString(), "--format", "html", "--min-severity", "low",
                "--out", html.toString())).isZero();
        String text = Files.readString(html);
        assertThat(text).contains("CRITICAL: one campaign of mass file encryption on fs01.corp.example · 2 lower-severity findings to review")
                .contains("99 files in 15 directories")
                .contains("Bulk file modification by git")
                // the git clone's author is not a suspect, and a clone leaves nothing to restore
                .contains("Disable the account carol and")
                .contains("Restore 99 files in 15 directories from backup")
                .doesNotContain("bob and reset")
                .doesNotContain("uid 1102 and reset");
        // the campaign's two charts on page 2, and two for each of the other findings in the appendix
        assertThat(text.split("<img ", -1)).hasSize(1 + 6);
    }

    @Test
    void everyDataExportIsWrittenFromTheCli() throws IOException {
        for (String format : List.of("html", "json", "csv", "restore", "ecs", "navigator")) {
            Path out = dir.resolve("export." + format);
            assertThat(RansomtraceCommand.run("report", "--case", caseFile.toString(), "--format", format, "--out", out.toString()))
                    .as(format).isZero();
            assertThat(Files.size(out)).as(format).isPositive();
        }
        String html = Files.readString(dir.resolve("export.html"));
        html = html.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", ""); // a namespace name, never fetched
        assertThat(html).contains("default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
        assertThat(Files.readAllLines(dir.resolve("export.restore"))).hasSize(1 + 99)
                .allSatisfy(l -> assertThat(l).doesNotContain("README_RESTORE.txt"));
        // kworker-sync was started from a shell that listed the shares with ls and find first.
        assertThat(Files.readString(dir.resolve("export.navigator"))).contains("\"T1486\"", "\"T1059.004\"", "\"T1083\"");
        assertThat(RansomtraceCommand.run("report", "--case", caseFile.toString(), "--format", "docx", "--out",
                dir.resolve("x").toString())).isEqualTo(2);
    }
}
