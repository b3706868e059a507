package io.ransomtrace.app.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generates a tiny-log file shaped like an encryption campaign: a shell, a locker, many files rewritten. */
public final class TinyLogWriter {
    private TinyLogWriter() {
    }

    public static final long START_MICROS = 1_763_600_000_000_000L;

    /** {@code files} files, each written then renamed (2 events each), plus exec/exit lines: 2*files+3 events. */
    public static Path campaign(Path file, int files) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            long t = START_MICROS;
            w.write(t + "|web-01|4242|1|/usr/bin/bash|EXEC|bash\n");
            w.write((t += 10) + "|web-01|4300|4242|/tmp/locker|EXEC|/tmp/locker --all /srv\n");
            for (int i = 0; i < files; i++) {
                String p = "/srv/share/d" + (i % 100) + "/f" + i + ".doc";
                w.write((t += 10) + "|web-01|4300|4242|/tmp/locker|WRITE|" + p + "\n");
                w.write((t += 10) + "|web-01|4300|4242|/tmp/locker|RENAME|" + p + "|" + p + ".locked\n");
            }
            w.write((t + 10) + "|web-01|4300|4242|/tmp/locker|EXIT|0\n");
        }
        return file;
    }
}
