package io.ransomtrace.importers.osquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.edr.RecordRejected;
import io.ransomtrace.importers.edr.Texts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps osquery result rows onto the event model.
 *
 * <ul>
 *   <li>{@code process_events} (audit based) and {@code bpf_process_events}: an exec (syscall execve/execveat/
 *       exec or none given) becomes a {@link ProcessExec} with pid, parent, path, cwd, uid/euid/gid/auid and argv
 *       ({@code json_cmdline} when present, else {@code cmdline} split on spaces); an exit syscall a
 *       {@link ProcessExit}; fork/vfork/clone/kill stay {@link OtherRecord}s.</li>
 *   <li>{@code file_events} (inotify FIM): CREATED → CREATE, UPDATED → WRITE, DELETED → DELETE; MOVED_FROM and
 *       MOVED_TO with the same {@code transaction_id} are paired into one RENAME by the importer. These rows name
 *       no process, so the actor is unknown.</li>
 *   <li>{@code process_file_events} (audit-based FIM, with the process): rename, unlink, write, open+truncate,
 *       link and symlink become file operations by that process; open, read, close and mmap stay other records.</li>
 *   <li>Any other table, {@code removed} rows, and file actions that change nothing (ACCESSED, OPENED,
 *       ATTRIBUTES_MODIFIED) are {@link OtherRecord}s typed {@code osquery:<name>}.</li>
 * </ul>
 * Time is the row's {@code time} column (the event's own time) or the envelope's {@code unixTime}.
 */
public final class OsqueryEventMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FIELDS = 16;

    private OsqueryEventMapper() {
    }

    public static String recordType(OsqueryRow row) {
        String type = "osquery:" + Texts.cap(row.query() == null ? "-" : row.query(), 64);
        return "removed".equals(row.action()) ? type + ":removed" : type;
    }

    static Instant time(OsqueryRow row) throws RecordRejected {
        long t = Texts.parseLong(row.column("time"), -1);
        if (t > 0) {
            return Instant.ofEpochSecond(t);
        }
        if (row.unixTime() > 0) {
            return Instant.ofEpochSecond(row.unixTime());
        }
        throw new RecordRejected("osquery row has neither a time column nor an envelope unixTime");
    }

    /** The file_events action in upper case, or null for other tables. */
    static String fileAction(OsqueryRow row) {
        if (!"file_events".equals(row.table()) || "removed".equals(row.action())) {
            return null;
        }
        String a = row.column("action");
        return a == null ? null : a.toUpperCase(Locale.ROOT);
    }

    public static Event map(OsqueryRow row, long id, Provenance provenance) throws RecordRejected {
        Instant time = time(row);
        String table = row.table();
        if ("removed".equals(row.action())) {
            return other(row, id, time, provenance);
        }
        if (table.equals("process_events") || table.equals("bpf_process_events")) {
            String syscall = row.column("syscall");
            String sc = syscall == null ? "execve" : syscall.toLowerCase(Locale.ROOT);
            if (sc.equals("execve") || sc.equals("execveat") || sc.equals("exec")) {
                return exec(row, id, time, provenance);
            }
            if (sc.equals("exit") || sc.equals("exit_group")) {
                Integer code = row.column("exit_code") == null ? null : Texts.parseInt(row.column("exit_code"), 0);
                return new ProcessExit(id, time, row.host(), actor(row), code, provenance);
            }
            return other(row, id, time, provenance);
        }
        if (table.equals("file_events")) {
            String path = row.column("target_path");
            String action = fileAction(row);
            FileOpKind kind = action == null ? null : switch (action) {
                case "CREATED" -> FileOpKind.CREATE;
                case "UPDATED" -> FileOpKind.WRITE;
                case "DELETED" -> FileOpKind.DELETE;
                case "MOVED_TO" -> FileOpKind.CREATE; // unpaired: the file appeared from outside the watched tree
                case "MOVED_FROM" -> FileOpKind.RENAME; // unpaired: moved out of the watched tree, target unknown
                default -> null;
            };
            if (kind == null) {
                return other(row, id, time, provenance);
            }
            if (path == null) {
                throw new RecordRejected("osquery file_events row without target_path");
            }
            return fileOp(row, id, time, kind, path, null, provenance);
        }
        if (table.equals("process_file_events")) {
            return processFileEvent(row, id, time, provenance);
        }
        return other(row, id, time, provenance);
    }

    /**
     * A row of {@code process_file_events}, osquery's audit-based file integrity monitoring (audit_allow_fim_events):
     * unlike inotify's file_events it names the process (pid, ppid, executable, uid, auid, cwd). Its operations, as
     * osquery's auditd FIM subscriber writes them: rename (path → dest_path), unlink, write, open+truncate, link and
     * symlink change files; open, read, close and mmap are accesses, kept as other records.
     */
    private static Event processFileEvent(OsqueryRow row, long id, Instant time, Provenance provenance)
            throws RecordRejected {
        String operation = row.column("operation");
        FileOpKind kind = operation == null ? null : switch (operation.toLowerCase(Locale.ROOT)) {
            case "rename" -> FileOpKind.RENAME;
            case "unlink" -> FileOpKind.DELETE;
            case "write" -> FileOpKind.WRITE;
            case "open+truncate" -> FileOpKind.TRUNCATE;
            case "link", "symlink" -> FileOpKind.LINK;
            default -> null;
        };
        if (kind == null) {
            return other(row, id, time, provenance);
        }
        String path = Texts.blankToNull(row.column("path"));
        if (path == null) {
            throw new RecordRejected("osquery process_file_events row (" + operation + ") without path");
        }
        String target = kind == FileOpKind.RENAME || kind == FileOpKind.LINK ? Texts.blankToNull(row.column("dest_path")) : null;
        if (kind == FileOpKind.RENAME && target == null) {
            throw new RecordRejected("osquery process_file_events rename without dest_path");
        }
        Actor actor = actor(row, "ppid", "executable"); // this table's names for the parent and the program
        return new FileOp(id, time, row.host(), actor.pid() < 0 ? Actor.NONE : actor, kind, path, target, 0, -1, true,
                -1, null, provenance);
    }

    /** A RENAME from a MOVED_FROM row and its MOVED_TO partner. */
    public static FileOp rename(OsqueryRow from, OsqueryRow to, long id, Provenance provenance) throws RecordRejected {
        String path = from.column("target_path");
        String target = to.column("target_path");
        if (path == null || target == null) {
            throw new RecordRejected("osquery MOVED_FROM/MOVED_TO pair without target_path");
        }
        return fileOp(from, id, time(from), FileOpKind.RENAME, path, target, provenance);
    }

    private static FileOp fileOp(OsqueryRow row, long id, Instant time, FileOpKind kind, String path, String target,
                                 Provenance provenance) {
        long inode = Texts.parseLong(row.column("inode"), -1);
        int mode = -1;
        String m = row.column("mode");
        if (m != null && kind == FileOpKind.CREATE) {
            try {
                mode = Integer.parseInt(m, 8);
            } catch (NumberFormatException ignored) {
                mode = -1;
            }
        }
        return new FileOp(id, time, row.host(), Actor.NONE, kind, path, target, 0, mode, true, inode, null,
                provenance);
    }

    private static ProcessExec exec(OsqueryRow row, long id, Instant time, Provenance provenance)
            throws RecordRejected {
        Actor actor = actor(row);
        if (actor.pid() < 0) {
            throw new RecordRejected("osquery " + row.table() + " row without a numeric pid");
        }
        List<String> argv = null;
        String json = row.column("json_cmdline");
        if (json != null) {
            try {
                JsonNode arr = JSON.readTree(json);
                if (arr != null && arr.isArray()) {
                    argv = new ArrayList<>();
                    for (JsonNode a : arr) {
                        argv.add(a.asText());
                    }
                }
            } catch (Exception e) {
                argv = null;
            }
        }
        String cmdline = row.column("cmdline");
        if (argv == null) {
            argv = Texts.splitCommandLine(cmdline);
        }
        long size = Texts.parseLong(row.column("cmdline_size"), -1);
        boolean truncated = cmdline == null && json == null || size > 0 && cmdline != null && cmdline.length() < size - 1;
        boolean success = Texts.parseLong(row.column("exit_code"), 0) == 0;
        return new ProcessExec(id, time, row.host(), actor, argv, truncated, Texts.blankToNull(row.column("cwd")),
                null, null, success, provenance);
    }

    private static Actor actor(OsqueryRow row) {
        return actor(row, "parent", "path");
    }

    /** The process of a row: pid, the parent and program columns named, uid/euid/gid/auid. */
    private static Actor actor(OsqueryRow row, String parentColumn, String programColumn) {
        int pid = Texts.parseInt(row.column("pid"), -1);
        int ppid = Texts.parseInt(row.column(parentColumn), -1);
        Credentials creds = new Credentials(id(row.column("uid")), id(row.column("euid")), id(row.column("gid")),
                id(row.column("auid")), Credentials.UNSET, null, null);
        return new Actor(pid, ppid, Texts.blankToNull(row.column(programColumn)), null, creds, null);
    }

    private static long id(String s) {
        return Credentials.normalizeId(Texts.parseLong(s, Credentials.UNSET));
    }

    private static OtherRecord other(OsqueryRow row, long id, Instant time, Provenance provenance) {
        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = row.columns().properties().iterator();
        while (it.hasNext() && fields.size() < MAX_FIELDS) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                fields.put(e.getKey(), Texts.cap(e.getValue().asText(), 512));
            }
        }
        String summary = "osquery " + row.query() + " row " + row.action()
                + (fields.containsKey("path") ? ": " + fields.get("path")
                : fields.containsKey("target_path") ? ": " + fields.get("action") + " " + fields.get("target_path") : "");
        return new OtherRecord(id, time, row.host(), Actor.NONE, recordType(row), Texts.cap(summary, 300), fields,
                provenance);
    }
}
