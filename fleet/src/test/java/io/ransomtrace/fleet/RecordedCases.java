package io.ransomtrace.fleet;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.Importers;
import io.ransomtrace.importers.InputExpander;
import io.ransomtrace.importers.LineReader;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.Sniffer;
import io.ransomtrace.fleet.ship.LogShipper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The recorded sample cases (sample-cases/cases), read the way {@code scan} reads them. */
final class RecordedCases {

    private RecordedCases() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-cases/cases"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no sample-cases/cases above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("sample-cases/cases");
    }

    static List<Path> all() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case's input files as scan takes them: rotated sets oldest first, README and truth.yaml skipped. */
    static List<SourceFile> files(Path caseDir) {
        List<SourceFile> out = new ArrayList<>();
        try {
            int sourceId = 0;
            for (InputExpander.Input in : InputExpander.expandInputs(List.of(caseDir))) {
                Format f = Sniffer.sniff(in.file());
                if (in.fromFolder() && InputExpander.isCompanionFile(in.file()) && f == Format.UNKNOWN) {
                    continue;
                }
                out.add(new SourceFile(++sourceId, in.file(), f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The events of a case's logs, in file order (what scan feeds its detector). */
    static List<Event> events(Path caseDir) {
        List<Event> events = new ArrayList<>();
        ImportSink sink = new ImportSink() {
            @Override
            public void event(Event event) {
                events.add(event);
            }

            @Override
            public void quarantined(QuarantinedRecord record) {
            }
        };
        // one run over the case's files, as scan reads them: a rotated set shares what it learns (names, folders)
        io.ransomtrace.importers.auditd.NamesByLogSet run = new io.ransomtrace.importers.auditd.NamesByLogSet();
        for (SourceFile f : files(caseDir)) {
            try {
                Importers.importSource(f, sink, run);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    /** What {@code scan} finds on the case's logs. */
    static List<Finding> scan(Path caseDir) {
        Detector d = new Detector(Profile.defaults(), Allowlist.empty());
        events(caseDir).forEach(d);
        return d.finish();
    }

    /** The lines {@code fleet ship} sends for the case: its shippable files, blank lines left out. */
    static List<byte[]> lines(Path caseDir) {
        List<byte[]> out = new ArrayList<>();
        for (SourceFile f : files(caseDir)) {
            if (!LogShipper.SHIPPABLE.contains(f.format())) {
                continue;
            }
            try (LineReader r = LineReader.open(f.path(), 1 << 20)) {
                while (r.next()) {
                    if (!r.isBlank()) {
                        out.add(Arrays.copyOfRange(r.buffer(), r.start(), r.start() + r.length()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** True when scan reads the case from a single file (its event ids then equal the fleet job's). */
    static boolean singleFile(Path caseDir) {
        return files(caseDir).size() == 1;
    }
}
