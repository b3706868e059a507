package io.ransomtrace.app.report;

import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.testing.Exports;
import io.ransomtrace.app.testing.Imports;
import io.ransomtrace.app.testing.SampleEvents;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.Provenance;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign whose file names, command line, user name and ransom note name are attacker-written markup, links,
 * bidi tricks, spreadsheet formulas and a 10 kB argument: every export shows them as inert, readable text.
 */
class HostileContentTest {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String JS_URL = "javascript:alert(document.domain)";
    static final String RLO_NAME = "invoice\u202Efdp.exe";
    static final String HUGE = "Z".repeat(10_240);
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"click\")";
    static final Set<String> ALLOWED_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "div", "h1", "h2",
            "h3", "p", "b", "span", "table", "tbody", "tr", "td", "th", "ol", "li", "img", "pre");

    @TempDir
    static Path dir;
    static Path caseFile;

    @BeforeAll
    static void hostileCase() throws IOException {
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        Credentials evilUser = new Credentials(1000, 0, 1000, 1000, 3, "<b>mallory</b>" + SCRIPT, null);
        Actor shell = new Actor(100, 1, "/usr/bin/bash", "bash", evilUser, null);
        Actor locker = new Actor(200, 100, "/tmp/" + IMG + "/lock" + RLO_NAME, "lock", evilUser, null);
        Provenance p = new Provenance(0, 0, 0, null);
        List<Event> events = new ArrayList<>();
        events.add(new ProcessExec(0, t0, "web-01", shell, List.of("bash"), false, "/root", "pts0", null, true, p));
        events.add(new ProcessExec(0, t0.plusMillis(5), "web-01", locker,
                List.of(locker.exe(), SCRIPT, IMG, JS_URL, HUGE, "/srv"), false, "/tmp", "pts0", null, true, p));
        String note = IMG + "README.txt";
        int n = 0;
        for (int d = 0; d < 12; d++) {
            String dir = "/srv/share/" + (d % 3 == 0 ? SCRIPT : d % 3 == 1 ? JS_URL : "dept" + d) + "/" + d;
            for (int f = 0; f < 5; f++) {
                String name = switch (f) {
                    case 0 -> RLO_NAME;
                    case 1 -> FORMULA;
                    case 2 -> IMG + ".docx";
                    case 3 -> HUGE.substring(0, 200) + ".xlsx";
                    default -> "report " + f + ".pdf";
                };
                String path = dir + "/" + name;
                Instant t = t0.plusMillis(10 + 10L * n++);
                events.add(new FileOp(0, t, "web-01", locker, FileOpKind.WRITE, path, null, OpenFlags.O_WRONLY, -1, true,
                        -1, null, p));
                events.add(new FileOp(0, t.plusMillis(2), "web-01", locker, FileOpKind.RENAME, path, path + ".l0cked",
                        0, -1, true, -1, null, p));
            }
            events.add(new FileOp(0, t0.plusMillis(10 + 10L * n), "web-01", locker, FileOpKind.CREATE, dir + "/" + note,
                    null, OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644, true, -1, null, p));
        }
        Path log = SampleEvents.writeJsonLines(dir.resolve("hostile.jsonl"), events, 0);
        caseFile = dir.resolve("hostile.rtcase");
        try (CaseStore store = CaseStore.create(caseFile)) {
            Imports.importFiles(store, log);
        }
    }

    private static Path export(ReportFormat f, String name) throws IOException {
        Path out = dir.resolve(name);
        ReportService.Result r = Exports.export(caseFile, ReportRequest.of(f, out), ReportProgress.NONE, () -> false);
        assertThat(r.findings()).as("the hostile campaign is detected and chosen").isEqualTo(1);
        return out;
    }

    @Test
    void jsonExportsStayExactButCarryNoRawControlOrBidiCharacters() throws IOException {
        for (ReportFormat f : new ReportFormat[]{ReportFormat.JSON, ReportFormat.ECS, ReportFormat.NAVIGATOR}) {
            byte[] bytes = Files.readAllBytes(export(f, "hostile-" + f.name().toLowerCase(Locale.ROOT) + ".json"));
            for (byte b : bytes) {
                assertThat(b).as(f + ": only printable ASCII, newlines and tabs").matches(
                        x -> x == '\n' || x == '\t' || (x >= 0x20 && x < 0x7f));
            }
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (f == ReportFormat.ECS) {
                assertThat(text).contains("invoice\\u202Efdp.exe");
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                List<String> parsed = new ArrayList<>();
                for (String line : text.lines().toList()) {
                    parsed.add(mapper.readTree(line).toString()); // the exact string back, bidi override and all
                }
                assertThat(parsed).anySatisfy(p -> assertThat(p).contains(RLO_NAME));
            }
        }
    }

    @Test
    void htmlHasNoLiveMarkupAndShowsTheHostileTextReadably() throws IOException {
        Path file = export(ReportFormat.HTML, "hostile.html");
        String raw = Files.readString(file);
        Document doc = Jsoup.parse(raw);
        for (Element e : doc.getAllElements()) {
            if (e.tagName().startsWith("#")) {
                continue;
            }
            assertThat(ALLOWED_TAGS).as("element <%s>", e.tagName()).contains(e.tagName());
            for (Attribute a : e.attributes()) {
                if (a.getKey().equals("xmlns")) {
                    continue; // the XHTML namespace name: an identifier, never fetched
                }
                assertThat(a.getKey().toLowerCase(Locale.ROOT)).as("attribute on <%s>", e.tagName()).doesNotStartWith("on");
                assertThat(a.getValue().toLowerCase(Locale.ROOT)).doesNotContain("javascript:").doesNotContain("http:")
                        .doesNotContain("https:");
                if (a.getKey().equals("src")) {
                    assertThat(a.getValue()).startsWith("data:image/png;base64,");
                }
            }
        }
        assertThat(doc.select("script, img[onerror], a, link, iframe, object, embed, base, form")).isEmpty();
        assertThat(doc.select("img")).hasSize(2);
        assertThat(raw).doesNotContain("\u202E").doesNotContain(HUGE).doesNotContain("<script").doesNotContain("<img src=x");
        String text = doc.body().text();
        assertThat(text).contains(SCRIPT).contains("onerror=alert(1)").contains("invoice[U+202E]fdp.exe")
                .contains("characters in all").contains("<b>mallory</b>");
        assertThat(raw.length()).as("10 kB strings are capped, not repeated").isLessThan(600_000);
    }

    @Test
    void pdfShowsTheHostileTextAsTextWithoutActionsOrLinks() throws IOException {
        Path file = export(ReportFormat.PDF, "hostile.pdf");
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", "");
            assertThat(flat).contains("<script>alert('x')</script>").contains("invoice[U+202E]fdp.exe")
                    .contains("charactersinall");
            assertThat(text).doesNotContain("\u202E").doesNotContain(HUGE);
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
            assertThat(doc.getDocumentCatalog().getNames() == null
                    || doc.getDocumentCatalog().getNames().getJavaScript() == null).isTrue();
            assertThat(doc.getDocumentCatalog().getCOSObject().containsKey(COSName.AA)).isFalse();
            for (PDPage page : doc.getPages()) {
                assertThat(page.getAnnotations()).as("no links or other annotations").isEmpty();
            }
        }
    }

    @Test
    void restoreListKeepsExactPathsButDefusesFormulas() throws IOException {
        Path file = export(ReportFormat.RESTORE, "hostile-restore.csv");
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertThat(rows).hasSize(60);
        assertThat(rows).extracting(r -> r.get("path")).contains("/srv/share/dept2/2/" + RLO_NAME)
                .allSatisfy(p -> assertThat(p).doesNotStartWith("="));
        assertThat(rows).extracting(r -> r.get("operation")).containsOnly("overwritten+renamed");
        assertThat(rows).extracting(r -> r.get("new_name")).allSatisfy(n -> assertThat(n).endsWith(".l0cked"));
        assertThat(rows).extracting(r -> r.get("path")).noneMatch(p -> p.endsWith("README.txt"));
    }
}
