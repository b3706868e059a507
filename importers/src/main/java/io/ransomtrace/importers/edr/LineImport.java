package io.ransomtrace.importers.edr;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The read loop of a line-based EDR importer: every line of the file (gzip read transparently) to the importer's
 * handler, stopping when the import is cancelled, reporting progress, and keeping a read error or a damaged gzip
 * as one quarantined entry at line 0 after what could be read was handled.
 */
public final class LineImport {
    private static final int PROGRESS_EVERY = 4096;

    /** What the importer does with each line. */
    public interface LineHandler {
        void line(LineSource.Line line);
    }

    private LineImport() {
    }

    /**
     * @param atEnd called once the lines run out (or reading failed), not when cancelled: the importer's last
     *              record, if it is still gathering one, is finished there
     */
    public static void readAll(Path path, ImportTally tally, int maxLineBytes, LineHandler each, Runnable atEnd)
            throws IOException {
        try (SourceStreams.Opened opened = SourceStreams.open(path)) {
            try {
                LineSource lines = new LineSource(opened, maxLineBytes);
                LineSource.Line line;
                long n = 0;
                while ((line = lines.next()) != null) {
                    if (tally.cancelRequested()) {
                        return;
                    }
                    each.line(line);
                    if (++n % PROGRESS_EVERY == 0) {
                        tally.progress(opened.compressedBytesRead(), opened.totalBytes());
                    }
                }
                atEnd.run();
            } catch (IOException e) {
                atEnd.run();
                tally.quarantine(0, 0, "input could not be read to its end: " + e.getMessage(), null);
            }
            if (opened.damage() != null) {
                tally.quarantine(0, 0, opened.damage(), null);
            }
        }
    }
}
