package io.ransomtrace.importers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Syscall name → what it does to a file, read once from {@code file-syscalls.tsv}: the one table every importer
 * that sees syscall names uses (auditd and laurel through the auditd mapper, ECS/Auditbeat), so that a syscall
 * added there is understood by all of them. How an operation becomes an event kind (open flags, AT_REMOVEDIR)
 * stays with each importer, which knows where its format keeps those arguments.
 */
public final class FileSyscalls {

    /** What a syscall does to a file. */
    public enum Operation { OPEN, CREATE, TRUNCATE, RENAME, DELETE, RMDIR, MKDIR, LINK, CHMOD, CHOWN, WRITE }

    private static final Map<String, Operation> TABLE = load();

    private FileSyscalls() {
    }

    /** The operation of a syscall name (case-insensitive); null for a syscall that changes no file. */
    public static Operation of(String syscall) {
        if (syscall == null) {
            return null;
        }
        Operation op = TABLE.get(syscall);
        return op != null ? op : TABLE.get(syscall.toLowerCase(Locale.ROOT));
    }

    /** Every syscall in the table with its operation (for tests and documentation). */
    public static Map<String, Operation> table() {
        return TABLE;
    }

    private static Map<String, Operation> load() {
        String resource = "file-syscalls.tsv";
        try (InputStream in = FileSyscalls.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, Operation> table = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            int lineNumber = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 2) {
                    throw new IllegalStateException(resource + ":" + lineNumber + ": expected 'syscall<TAB>operation'");
                }
                table.put(cols[0].strip(), Operation.valueOf(cols[1].strip().toUpperCase(Locale.ROOT)));
            }
            return Map.copyOf(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
