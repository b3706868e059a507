package io.ransomtrace.importers.transcode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;

import java.util.ArrayList;
import java.util.List;

/**
 * Event → osquery differential result lines. What osquery can say: an exec ({@code process_events} row) and the
 * file changes its inotify FIM sees ({@code file_events}: CREATED, UPDATED for write/truncate, DELETED, a
 * MOVED_FROM/MOVED_TO pair for a rename). Exits, other records and chmod/chown/link/directory changes produce
 * nothing; file rows name no process.
 */
public final class OsqueryTranscoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OsqueryTranscoder() {
    }

    public static boolean expressible(FileOpKind kind) {
        return switch (kind) {
            case CREATE, WRITE, TRUNCATE, DELETE, RENAME -> true;
            default -> false;
        };
    }

    /** @param counter the envelope counter of the first line; lines after it use the following numbers */
    public static List<String> toLines(Event event, long counter) {
        List<String> out = new ArrayList<>();
        String time = String.valueOf(event.time().getEpochSecond());
        if (event instanceof ProcessExec exec) {
            ObjectNode c = JSON.createObjectNode();
            c.put("pid", String.valueOf(exec.actor().pid()));
            c.put("parent", String.valueOf(exec.actor().ppid()));
            c.put("path", exec.actor().exe() == null ? "" : exec.actor().exe());
            c.put("cmdline", String.join(" ", exec.argv()));
            c.put("cwd", exec.cwd() == null ? "" : exec.cwd());
            var cred = exec.actor().credentials();
            c.put("uid", String.valueOf(cred.uid()));
            c.put("euid", String.valueOf(cred.euid()));
            c.put("auid", String.valueOf(cred.loginUid() < 0 ? 4294967295L : cred.loginUid()));
            c.put("syscall", "execve");
            c.put("time", time);
            out.add(envelope("process_events", event, counter, c));
        } else if (event instanceof FileOp op && expressible(op.kind())) {
            if (op.kind() == FileOpKind.RENAME) {
                String tx = String.valueOf(70000 + counter);
                out.add(envelope("file_events", event, counter, fileRow(op.path(), "MOVED_FROM", tx, time)));
                out.add(envelope("file_events", event, counter + 1, fileRow(op.targetPath(), "MOVED_TO", tx, time)));
            } else {
                String action = switch (op.kind()) {
                    case CREATE -> "CREATED";
                    case DELETE -> "DELETED";
                    default -> "UPDATED";
                };
                out.add(envelope("file_events", event, counter, fileRow(op.path(), action, "0", time)));
            }
        }
        return out;
    }

    private static ObjectNode fileRow(String path, String action, String tx, String time) {
        ObjectNode c = JSON.createObjectNode();
        c.put("target_path", path);
        c.put("category", "data");
        c.put("action", action);
        c.put("transaction_id", tx);
        c.put("time", time);
        return c;
    }

    private static String envelope(String name, Event event, long counter, ObjectNode columns) {
        ObjectNode e = JSON.createObjectNode();
        e.put("name", name);
        e.put("hostIdentifier", event.host() == null ? "localhost" : event.host());
        e.put("unixTime", event.time().getEpochSecond());
        e.put("epoch", 0);
        e.put("counter", counter);
        e.put("numerics", false);
        e.set("columns", columns);
        e.put("action", "added");
        return e.toString();
    }
}
