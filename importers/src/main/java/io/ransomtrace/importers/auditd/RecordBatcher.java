package io.ransomtrace.importers.auditd;

import io.ransomtrace.importers.LineReader;

/**
 * The reading half of an import: lines → parsed {@link AuditRecord}s (fields pre-parsed) or problems, a batch at
 * a time. Runs on the caller's thread or on a reader thread ({@link ReaderThread}) so that reading and parsing
 * overlap with reassembly and mapping on a second core.
 */
final class RecordBatcher {
    static final int BATCH = 1024;
    /** A batch also ends when its records hold this much memory, so a queue of batches stays small. */
    static final long BATCH_BYTES = 4L << 20;
    /** Upper estimate of a quarantined line's memory (its text is capped by LineReader#quarantineText). */
    private static final long PROBLEM_BYTES = 4L * io.ransomtrace.importers.QuarantinedRecord.RAW_TEXT_CAP + 128;
    /** Marks an ausearch "----" separator in a batch. */
    static final Object SEPARATOR = new Object();

    /** A line that is not a record: kept for quarantine. */
    record Problem(long line, long byteOffset, String reason, String rawText) {
    }

    static final class Batch {
        final Object[] items = new Object[BATCH];
        int size;
        boolean last;
        long fileBytesRead;
        long totalBytes;
        long lines;
        String inputError;
    }

    private final LineReader reader;
    private final AuditLineParser parser;
    private final int maxLineBytes;

    RecordBatcher(LineReader reader, AuditLineParser parser, int maxLineBytes) {
        this.reader = reader;
        this.parser = parser;
        this.maxLineBytes = maxLineBytes;
    }

    /** Fills the batch with up to {@link #BATCH} items; sets {@code last} at the end of the input. */
    void fill(Batch b) {
        b.size = 0;
        long bytes = 0;
        while (b.size < BATCH && bytes < BATCH_BYTES) {
            if (!reader.next()) {
                b.last = true;
                b.inputError = reader.inputError();
                break;
            }
            if (reader.isBlank()) {
                continue;
            }
            if (isSeparator()) {
                b.items[b.size++] = SEPARATOR;
                continue;
            }
            long lineNo = reader.lineNumber();
            if (reader.overlong()) {
                b.items[b.size++] = new Problem(lineNo, reader.byteOffset(), "line of " + reader.fullLength()
                        + " bytes is longer than any audit record (limit " + maxLineBytes
                        + " bytes); only its beginning is kept", reader.quarantineText());
                bytes += PROBLEM_BYTES;
                continue;
            }
            AuditRecord rec = parser.parse(reader.buffer(), reader.start(), reader.length(), lineNo,
                    reader.byteOffset());
            if (rec == null) {
                b.items[b.size++] = new Problem(lineNo, reader.byteOffset(), parser.error(), reader.quarantineText());
                bytes += PROBLEM_BYTES;
                continue;
            }
            rec.fields(); // parse here, on the reading core
            bytes += rec.memoryEstimate();
            b.items[b.size++] = rec;
        }
        b.fileBytesRead = reader.fileBytesRead();
        b.totalBytes = reader.totalBytes();
        b.lines = reader.lineNumber();
    }

    private boolean isSeparator() {
        byte[] b = reader.buffer();
        int s = reader.start();
        return reader.length() >= 4 && b[s] == '-' && b[s + 1] == '-' && b[s + 2] == '-' && b[s + 3] == '-';
    }
}
