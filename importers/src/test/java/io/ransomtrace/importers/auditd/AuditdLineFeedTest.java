package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.LineReader;
import io.ransomtrace.importers.QuarantinedRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines fed one at a time give exactly the events the file importer gives for the same file, on every recorded
 * case; and a feed saved anywhere and restored carries on as if it had not stopped.
 */
class AuditdLineFeedTest {

    private static final class Collected implements AuditdLineFeed.Output {
        final List<Event> events = new ArrayList<>();
        final List<QuarantinedRecord> quarantined = new ArrayList<>();

        @Override
        public void event(Event event) {
            events.add(event);
        }

        @Override
        public void quarantined(QuarantinedRecord record) {
            quarantined.add(record);
        }
    }

    private record Line(byte[] bytes, long number, long offset) {
    }

    private static List<Line> lines(Path log) throws IOException {
        List<Line> out = new ArrayList<>();
        try (LineReader r = LineReader.open(log, AuditdImporter.MAX_LINE_BYTES)) {
            while (r.next()) {
                out.add(new Line(Arrays.copyOfRange(r.buffer(), r.start(), r.start() + r.length()), r.lineNumber(),
                        r.byteOffset()));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedLogGivesTheImportersEventsLineByLine() throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.walk(repositoryRoot().resolve("sample-cases/cases"))) {
            logs = files.filter(p -> p.getFileName().toString().startsWith("audit.log")).sorted().toList();
        }
        assertThat(logs).hasSizeGreaterThan(25);
        return logs.stream().map(log -> DynamicTest.dynamicTest(repositoryRoot().relativize(log).toString(), () -> {
            Imports file = Imports.of(log, Format.AUDITD_RAW);
            Collected fed = new Collected();
            AuditdLineFeed feed = new AuditdLineFeed(7, fed);
            List<Line> lines = lines(log);
            for (Line l : lines) {
                feed.line(l.bytes, l.number, l.offset);
            }
            feed.flush();
            assertThat(fed.events).isEqualTo(file.sink.events);
            assertThat(fed.quarantined).isEqualTo(file.sink.quarantined);
            assertThat(feed.events()).isEqualTo(file.stats.events());

            // saved and restored at a few points along the way: the same events
            for (int cut : new int[] {1, lines.size() / 3, lines.size() / 2 + 1, lines.size() - 1}) {
                Collected split = new Collected();
                AuditdLineFeed first = new AuditdLineFeed(7, split);
                for (int i = 0; i < cut; i++) {
                    first.line(lines.get(i).bytes, lines.get(i).number, lines.get(i).offset);
                }
                AuditdLineFeed second = restore(save(first), split);
                for (int i = cut; i < lines.size(); i++) {
                    second.line(lines.get(i).bytes, lines.get(i).number, lines.get(i).offset);
                }
                second.flush();
                assertThat(split.events).as("events when saved after line %d", cut).isEqualTo(file.sink.events);
            }
        }));
    }

    /**
     * {@code find -delete} unlinks names relative to a directory descriptor, placed by a directory learned from an
     * earlier PATH record (DirectoryInodes). A feed saved between learning and unlinking (a fleet checkpoint can
     * fall anywhere) still places the name where the uninterrupted feed does.
     */
    @Test
    void aFeedSavedBetweenLearningADirectoryAndAnUnlinkInItStillPlacesTheName() throws IOException {
        String[] log = DirectoryDescriptorPathsTest.LOG.split("\n");
        Collected out = new Collected();
        AuditdLineFeed first = new AuditdLineFeed(7, out);
        for (int i = 0; i < 4; i++) {
            first.line(log[i].getBytes(StandardCharsets.UTF_8), i + 1, 0);
        }
        // its EOE completes the openssl event (finance/ is inode 1466581), which is mapped before the save
        first.line("node=fs type=EOE msg=audit(1796635265.754:13158): ".getBytes(StandardCharsets.UTF_8), 5, 0);
        assertThat(out.events).hasSize(1);
        AuditdLineFeed second = restore(save(first), out);
        for (int i = 4; i < log.length; i++) {
            second.line(log[i].getBytes(StandardCharsets.UTF_8), i + 2, 0);
        }
        second.flush();
        assertThat(out.events).filteredOn(e -> e instanceof FileOp op && op.kind() == FileOpKind.DELETE)
                .extracting(e -> ((FileOp) e).path())
                .containsExactly("/srv/rt-recover/openssl-pass/finance/budget-2026.ods",
                        "/srv/rt-recover/openssl-pass/stray.txt");
    }

    @Test
    void aLineThatIsNoRecordIsQuarantinedWithItsNumberAndReason() {
        Collected out = new Collected();
        AuditdLineFeed feed = new AuditdLineFeed(3, out);
        feed.line("this is not audit".getBytes(StandardCharsets.UTF_8), 12, 900);
        feed.line("   ".getBytes(StandardCharsets.UTF_8), 13, 920);
        feed.line(("type=DAEMON_START msg=audit(1764340000.000:1): op=start ver=3.0.9 format=raw res=success")
                .getBytes(StandardCharsets.UTF_8), 14, 930);
        feed.flush();
        assertThat(out.quarantined).singleElement().satisfies(q -> {
            assertThat(q.line()).isEqualTo(12);
            assertThat(q.byteOffset()).isEqualTo(900);
            assertThat(q.reason()).contains("not an audit record");
            assertThat(q.rawText()).isEqualTo("this is not audit");
        });
        assertThat(out.events).hasSize(1);
        assertThat(feed.recordsRead()).isEqualTo(2);
    }

    private static byte[] save(AuditdLineFeed feed) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            feed.writeState(new SnapshotWriter(out));
        }
        return bytes.toByteArray();
    }

    private static AuditdLineFeed restore(byte[] state, AuditdLineFeed.Output output) throws IOException {
        AuditdLineFeed feed = new AuditdLineFeed(7, output);
        feed.readState(new SnapshotReader(new DataInputStream(new ByteArrayInputStream(state))));
        return feed;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-cases/cases"))) {
            dir = dir.getParent();
        }
        assertThat(dir).isNotNull();
        return dir;
    }
}
