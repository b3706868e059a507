package io.ransomtrace.app.testing;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A compact test log format, one event per line, for tests that need many events quickly:
 * <pre>
 *   MICROS|HOST|PID|PPID|EXE|EXEC|arg0 arg1 ...
 *   MICROS|HOST|PID|PPID|EXE|EXIT|CODE
 *   MICROS|HOST|PID|PPID|EXE|CREATE|/path            (any FileOpKind; RENAME and LINK take |/target)
 * </pre>
 * Anything else is quarantined with its line number and byte offset.
 */
public final class TinyLogImporter implements Importer {

    @Override
    public Format format() {
        return TestCatalog.TINY_LOG;
    }

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        long total = Files.size(source.path());
        long lineNo = 0;
        long offset = 0;
        long events = 0;
        long bad = 0;
        boolean cancelled = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(source.path()),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                if ((lineNo & 255) == 0 && sink.cancelled()) {
                    cancelled = true;
                    break;
                }
                lineNo++;
                long lineOffset = offset;
                offset += line.length() + 1; // the format is ASCII
                Event e = parse(line, source.sourceId(), EventId.of(source.sourceId(), events),
                        new Provenance(source.sourceId(), lineNo, lineOffset, null));
                if (e == null) {
                    bad++;
                    sink.quarantined(new QuarantinedRecord(source.sourceId(), lineNo, lineOffset,
                            "not a tiny-log line", line));
                } else {
                    events++;
                    sink.event(e);
                }
                if ((lineNo & 4095) == 0) {
                    sink.progress(offset, total);
                }
            }
        }
        sink.progress(Math.min(offset, total), total);
        return new ImportStats(format(), null, lineNo, events, 0, bad, events, Map.of("LINE", lineNo), cancelled);
    }

    private static Event parse(String line, int sourceId, long id, Provenance p) {
        String[] f = line.split("\\|", -1);
        if (f.length < 7) {
            return null;
        }
        try {
            long micros = Long.parseLong(f[0]);
            Instant t = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
            int pid = Integer.parseInt(f[2]);
            int ppid = Integer.parseInt(f[3]);
            Actor a = new Actor(pid, ppid, f[4], null, new Credentials(1000, 1000, 1000, 1000, 3, null, null), null);
            String host = f[1];
            switch (f[5]) {
                case "EXEC":
                    List<String> argv = Arrays.asList(f[6].split(" "));
                    return new ProcessExec(id, t, host, a, argv, false, "/", null, null, true, p);
                case "EXIT":
                    return new ProcessExit(id, t, host, a, Integer.parseInt(f[6]), p);
                default:
                    FileOpKind kind = FileOpKind.valueOf(f[5]);
                    if (!f[6].startsWith("/")) {
                        return null;
                    }
                    String target = f.length > 7 ? f[7] : null;
                    int flags = kind == FileOpKind.CREATE ? OpenFlags.O_WRONLY | OpenFlags.O_CREAT : 0;
                    return new FileOp(id, t, host, a, kind, f[6], target, flags, -1, true, -1, null, p);
            }
        } catch (IllegalArgumentException notThisFormat) {
            return null;
        }
    }
}
