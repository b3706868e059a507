package io.ransomtrace.importers;

import io.ransomtrace.engine.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputExpanderTest {

    @TempDir
    Path dir;

    @Test
    void ordersARotatedSetOldestFirstWithGzipAndDateSuffixes() throws IOException {
        for (String name : List.of("audit.log", "audit.log.1", "audit.log.10.gz", "audit.log.2.gz", "audit.log.3",
                ".hidden", "secure-20261126", "secure-20261127.gz", "secure")) {
            Files.writeString(dir.resolve(name), "x\n");
        }
        Files.createDirectory(dir.resolve("sub"));
        List<String> names = InputExpander.expand(List.of(dir)).stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).containsExactly("audit.log.10.gz", "audit.log.3", "audit.log.2.gz", "audit.log.1", "audit.log",
                "secure-20261126", "secure-20261127.gz", "secure");
    }

    @Test
    void keepsExplicitFilesInTheGivenOrderWithoutDuplicatesAndRejectsMissingOnes() throws IOException {
        Path a = Files.writeString(dir.resolve("b.log"), "x\n");
        Path b = Files.writeString(dir.resolve("a.log"), "x\n");
        assertThat(InputExpander.expand(List.of(a, b, a))).containsExactly(a, b);
        assertThatThrownBy(() -> InputExpander.expand(List.of(dir.resolve("nope.log"))))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aRotatedSetNamedNewestFirstAsTheShellExpandsItIsReadOldestFirst() throws IOException {
        // scan /var/log/audit/audit.log* is audit.log audit.log.1 audit.log.2.gz: newest first
        Path live = Files.writeString(dir.resolve("audit.log"), "x\n");
        Path one = Files.writeString(dir.resolve("audit.log.1"), "x\n");
        Path two = Files.writeString(dir.resolve("audit.log.2.gz"), "x\n");
        Path other = Files.writeString(dir.resolve("ecs.ndjson"), "x\n");
        Path elsewhere = Files.createDirectory(dir.resolve("fs02")).resolve("audit.log");
        Files.writeString(elsewhere, "x\n");
        assertThat(InputExpander.expand(List.of(live, other, one, two, elsewhere)))
                .as("the set's members fill its places oldest first; other files keep theirs")
                .containsExactly(two, other, one, live, elsewhere);
    }

    @Test
    void logsOfSeveralHostsThatNameNoneAreNamedAfterTheirFolderOrFile() throws IOException {
        Path fs01 = Files.createDirectories(dir.resolve("fs01"));
        Path web01 = Files.createDirectories(dir.resolve("web01"));
        Path a = Files.writeString(fs01.resolve("audit.log"), "x\n");
        Path a1 = Files.writeString(fs01.resolve("audit.log.1"), "x\n");
        Path b = Files.writeString(web01.resolve("audit.log"), "x\n");
        Path db = Files.writeString(dir.resolve("db01.log"), "x\n");
        assertThat(InputExpander.hostsOfUnnamedLogs(List.of(a1, a, b, db)))
                .containsEntry(a, "fs01").containsEntry(a1, "fs01").containsEntry(b, "web01").containsEntry(db, "db01");
        assertThat(InputExpander.hostsOfUnnamedLogs(List.of(a1, a))).as("one rotated set: one host, unknown").isEmpty();
        Path other = Files.createDirectories(dir.resolve("elsewhere/fs01")).resolve("audit.log");
        Files.writeString(other, "x\n");
        assertThat(InputExpander.hostsOfUnnamedLogs(List.of(a, other)).values()).as("two folders named fs01")
                .doesNotHaveDuplicates();
    }

    @Test
    void documentationBesideTheLogsIsLeftOutUnlessNamedOrALogAfterAll() throws IOException {
        String audit = "type=SYSCALL msg=audit(1764324000.123:1): arch=c000003e syscall=87 success=yes exit=0 items=1 "
                + "ppid=1 pid=2 auid=1 uid=1 comm=\"rm\"\n";
        Path log = Files.writeString(dir.resolve("audit.log"), audit);
        Path readme = Files.writeString(dir.resolve("README.md"), "# Recorded on fs01\n");
        Path truth = Files.writeString(dir.resolve("truth.yaml"), "case: x\n");
        Path loggedYaml = Files.writeString(dir.resolve("exported.yaml"), audit); // a log, whatever its name
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a log, not documentation either\n");

        InputExpander.LogFiles found = InputExpander.logFiles(List.of(dir), true);
        assertThat(found.files()).containsExactlyInAnyOrder(log, loggedYaml, notes);
        assertThat(found.skipped()).containsExactlyInAnyOrder(readme, truth);

        assertThat(InputExpander.logFiles(List.of(readme), true).files()).containsExactly(readme);
        assertThat(InputExpander.logFiles(List.of(dir), false).skipped()).isEmpty();
    }

    @Test
    void aFolderOfRotatedLogsImportsInTimeOrder() throws IOException {
        // the same real log split in three, rotated as auditd does (newest in audit.log), middle part gzipped
        List<String> lines = Files.readAllLines(Fixtures.laurel("laurel-testdata/shell-proc-trace.txt")).stream()
                .filter(l -> !l.startsWith("#")).toList(); // laurel's comment header is not audit.log syntax
        int third = lines.size() / 3;
        while (!lines.get(third - 1).startsWith("type=EOE")) third++;
        int twoThirds = 2 * lines.size() / 3;
        while (!lines.get(twoThirds - 1).startsWith("type=EOE")) twoThirds++;
        Files.write(dir.resolve("audit.log.2"), lines.subList(0, third));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("audit.log.1.gz")))) {
            out.write((String.join("\n", lines.subList(third, twoThirds)) + "\n").getBytes());
        }
        Files.write(dir.resolve("audit.log"), lines.subList(twoThirds, lines.size()));
        List<Event> events = new ArrayList<>();
        int sourceId = 1;
        for (Path p : InputExpander.expand(List.of(dir))) {
            CollectingSink sink = new CollectingSink();
            ImportStats stats = Importers.importSource(new SourceFile(sourceId++, p, Format.UNKNOWN), sink);
            assertThat(stats.format()).isIn(Format.AUDITD_RAW, Format.AUDITD_ENRICHED);
            assertThat(stats.invariantHolds()).isTrue();
            assertThat(sink.quarantined).isEmpty();
            events.addAll(sink.events);
        }
        assertThat(events).hasSize(9);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
        }
    }

    @Test
    void registryKnowsTheAuditFormatsAndSaysWhenAFormatHasNoImporterYet() throws IOException {
        assertThat(Importers.forFormat(Format.AUDITD_RAW)).isPresent();
        assertThat(Importers.forFormat(Format.AUDITD_ENRICHED)).isPresent();
        assertThat(Importers.forFormat(Format.AUDITD_INTERPRETED)).isPresent();
        assertThat(Importers.forFormat(Format.LAUREL)).isPresent();
        assertThat(Importers.forFormat(Format.UNKNOWN)).isEmpty();
        Path junk = Files.write(dir.resolve("junk"), new byte[]{0, 1, 2, 3, 0, 0, 9, 9});
        CollectingSink sink = new CollectingSink();
        ImportStats stats = Importers.importSource(new SourceFile(1, junk, Format.UNKNOWN), sink);
        assertThat(stats.invariantHolds()).isTrue();
        assertThat(sink.quarantined).singleElement().satisfies(q -> assertThat(q.reason()).contains("not a format"));
    }
}
