package io.ransomtrace.importers.transcode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;

import java.util.List;

/**
 * Event → one ECS NDJSON line shaped like Elastic Defend's endpoint events. Every event kind is expressible:
 * exec (type start, action exec), exit (end), file ops (creation, overwrite, deletion, rename with
 * {@code file.Ext.original.path}, chmod/chown/... as Auditbeat action names), other records (category from the type).
 */
public final class EcsTranscoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EcsTranscoder() {
    }

    public static List<String> toLines(Event event) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("@timestamp", event.time().toString());
        if (event.host() != null) {
            doc.putObject("host").put("name", event.host());
        }
        ObjectNode ev = doc.putObject("event");
        ev.put("id", "t" + event.id());
        ev.put("kind", "event");
        ObjectNode process = process(doc, event.actor());
        if (event instanceof ProcessExec exec) {
                ev.putArray("category").add("process");
                ev.putArray("type").add("start");
                ev.put("action", "exec");
                ev.put("outcome", exec.success() ? "success" : "failure");
                ArrayNode args = process.putArray("args");
                exec.argv().forEach(args::add);
                if (exec.cwd() != null) {
                    process.put("working_directory", exec.cwd());
                }
                if (exec.parentEntityId() != null) {
                    process.with("parent").put("entity_id", exec.parentEntityId());
                }
            } else if (event instanceof ProcessExit exit) {
                ev.putArray("category").add("process");
                ev.putArray("type").add("end");
                ev.put("action", "end");
                if (exit.exitCode() != null) {
                    process.put("exit_code", exit.exitCode());
                }
            } else if (event instanceof FileOp op) {
                ev.putArray("category").add("file");
                String action = switch (op.kind()) {
                    case CREATE -> "creation";
                    case WRITE, TRUNCATE -> "overwrite";
                    case DELETE -> "deletion";
                    case RENAME -> "rename";
                    case CHMOD -> "changed-file-permissions-of";
                    case CHOWN -> "changed-file-ownership-of";
                    case LINK -> "linked";
                    case MKDIR -> "created-directory";
                    case RMDIR -> "removed-directory";
                };
                ev.putArray("type").add(switch (op.kind()) {
                    case CREATE, MKDIR, LINK -> "creation";
                    case DELETE, RMDIR -> "deletion";
                    default -> "change";
                });
                ev.put("action", action);
                ev.put("outcome", op.success() ? "success" : "failure");
                if (op.openFlags() != 0 && (op.kind() == io.ransomtrace.engine.model.FileOpKind.CREATE
                        || op.kind() == io.ransomtrace.engine.model.FileOpKind.WRITE
                        || op.kind() == io.ransomtrace.engine.model.FileOpKind.TRUNCATE)) {
                    // what Auditbeat adds from the SYSCALL record: the open flags tell an append from a rewrite
                    ObjectNode data = doc.with("auditd").with("data");
                    data.put("syscall", "openat");
                    data.put("a2", Integer.toHexString(op.openFlags()));
                    if (op.kind() == io.ransomtrace.engine.model.FileOpKind.CREATE) {
                        doc.with("auditd").putArray("paths").addObject().put("name", op.path()).put("nametype", "CREATE");
                    }
                }
                ObjectNode file = doc.putObject("file");
                if (op.kind() == io.ransomtrace.engine.model.FileOpKind.RENAME) {
                    file.put("path", op.targetPath());
                    file.with("Ext").with("original").put("path", op.path());
                } else {
                    file.put("path", op.path());
                    if (op.targetPath() != null) {
                        file.put("target_path", op.targetPath());
                    }
                }
                if (op.contentHint() != null) {
                    ObjectNode ext = file.with("Ext");
                    if (op.contentHint().entropy() != null) {
                        ext.put("entropy", op.contentHint().entropy());
                    }
                    if (op.contentHint().headerBytesHex() != null) {
                        ext.put("header_bytes", op.contentHint().headerBytesHex());
                    }
                    if (op.contentHint().originalExtension() != null) {
                        ext.with("original").put("extension", op.contentHint().originalExtension());
                    }
                }
            } else if (event instanceof OtherRecord other) {
                ev.putArray("category").add(other.type().replaceFirst("^[a-z]+:", "").replaceAll("[^a-z]", ""));
                ev.put("action", other.summary());
            }
        return List.of(doc.toString());
    }

    private static ObjectNode process(ObjectNode doc, Actor actor) {
        ObjectNode process = doc.putObject("process");
        if (actor.pid() >= 0) {
            process.put("pid", actor.pid());
        }
        if (actor.ppid() >= 0) {
            process.putObject("parent").put("pid", actor.ppid());
        }
        if (actor.exe() != null) {
            process.put("executable", actor.exe());
        }
        if (actor.entityId() != null) {
            process.put("entity_id", actor.entityId());
        }
        var c = actor.credentials();
        if (c.session() >= 0) {
            doc.with("auditd").put("session", String.valueOf(c.session())); // Auditbeat's field
        }
        if (c.user() != null || c.uid() >= 0) {
            ObjectNode user = doc.putObject("user");
            if (c.user() != null) {
                user.put("name", c.user());
            }
            if (c.uid() >= 0) {
                user.put("id", String.valueOf(c.uid()));
            }
            if (c.loginUid() >= 0 || c.loginUser() != null) {
                ObjectNode audit = user.putObject("audit");
                if (c.loginUid() >= 0) {
                    audit.put("id", String.valueOf(c.loginUid()));
                }
                if (c.loginUser() != null) {
                    audit.put("name", c.loginUser());
                }
            }
        }
        return process;
    }
}
