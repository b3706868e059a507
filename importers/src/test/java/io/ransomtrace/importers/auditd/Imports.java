package io.ransomtrace.importers.auditd;

import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.SourceFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the auditd importer over a file or inline text, checking the record-count invariant every time. */
final class Imports {
    final CollectingSink sink = new CollectingSink();
    ImportStats stats;

    static Imports of(Path file) {
        return of(file, Format.AUDITD_RAW);
    }

    static Imports of(Path file, Format format) {
        Imports r = new Imports();
        try {
            r.stats = new AuditdImporter(format).importSource(new SourceFile(7, file, format), r.sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(r.stats.invariantHolds()).as("records read = in events + other + quarantined: %s", r.stats).isTrue();
        assertThat(r.sink.quarantined).hasSize((int) r.stats.recordsQuarantined());
        assertThat(r.sink.events).hasSize((int) r.stats.events());
        return r;
    }

    static Imports ofText(Path dir, String text) {
        try {
            Path f = Files.createTempFile(dir, "audit", ".log");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return of(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
