package io.ransomtrace.app.ui.data;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw source lines of an event, read back from the imported file at the event's byte offset. An audit event
 * spans several records sharing one {@code msg=audit(time:serial)} stamp: those consecutive lines are returned
 * together. Reads at most {@value #MAX_BYTES} bytes; a compressed or vanished file gives a one-line explanation.
 */
public final class RawLines {
    static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_LINE = 4000;
    private static final int MAX_LINES = 16;
    private static final Pattern AUDIT_STAMP = Pattern.compile("msg=audit\\(([0-9.]+:[0-9]+)\\)");

    private RawLines() {
    }

    public static List<String> read(Path file, long byteOffset) {
        if (file == null || byteOffset < 0) {
            return List.of("(the source did not record where this event came from)");
        }
        if (!Files.isRegularFile(file)) {
            return List.of("(source file " + file + " is no longer there)");
        }
        if (file.getFileName().toString().endsWith(".gz")) {
            return List.of("(compressed source: open " + file.getFileName() + " at byte " + byteOffset
                    + " of the uncompressed text)");
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (byteOffset >= f.length()) {
                return List.of("(byte offset " + byteOffset + " lies beyond the end of " + file.getFileName() + ")");
            }
            f.seek(byteOffset);
            byte[] buf = new byte[(int) Math.min(MAX_BYTES, f.length() - byteOffset)];
            f.readFully(buf);
            String[] lines = new String(buf, StandardCharsets.UTF_8).split("\n", -1);
            List<String> out = new ArrayList<>();
            String stamp = stamp(lines[0]);
            for (int i = 0; i < lines.length && out.size() < MAX_LINES; i++) {
                String line = lines[i];
                if (i > 0 && (stamp == null || !stamp.equals(stamp(line)))) {
                    break;
                }
                out.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " …" : line);
            }
            return out;
        } catch (IOException e) {
            return List.of("(cannot read " + file.getFileName() + ": " + e.getMessage() + ")");
        }
    }

    private static String stamp(String line) {
        Matcher m = AUDIT_STAMP.matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
