package io.ransomtrace.importers.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.FileSyscalls;
import io.ransomtrace.importers.edr.RecordRejected;
import io.ransomtrace.importers.edr.Texts;
import io.ransomtrace.importers.sysmon.SysmonEventMapper;
import io.ransomtrace.importers.sysmon.SysmonRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one ECS document (Elastic Defend, Auditbeat's auditd module, Auditd Manager, any ECS-shaped export) onto
 * the event model.
 *
 * <p>Kinds: {@code event.category} {@code process} with {@code event.type} start (or action exec/executed/
 * process_started) becomes a {@link ProcessExec}; type end (or action end/exited/process_stopped) a
 * {@link ProcessExit}; a fork stays an {@link OtherRecord} (nothing was executed). {@code event.category}
 * {@code file} becomes a {@link FileOp} whose kind comes, in this order, from Auditbeat's
 * {@code auditd.data.syscall} (with open flags from a1/a2), then {@code event.action} (rename, creation,
 * deletion, overwrite, modification, changed-file-permissions-of ...), then {@code event.type}
 * (creation, deletion, and change only when there is no action). A rename's old path is {@code file.Ext.original.path} (Elastic Defend) or the
 * {@code auditd.paths} item with nametype DELETE; its new path {@code file.path} or the CREATE item. Anything
 * else (network, authentication, read-only opens, unknown actions) is an {@link OtherRecord} typed
 * {@code ecs:<category>/<action>}.
 *
 * <p>Users ({@link Credentials}): uid {@code user.id}, euid {@code user.effective.id}, gid
 * {@code user.group.id}, loginUid {@code user.audit.id}, session {@code auditd.session}; without audit ids (Elastic
 * Defend) the session is {@code process.entry_leader.pid} and, for a session entered by a login
 * ({@code entry_meta.type} sshd, ssm, terminal, console), the login uid is the entry leader's user; user name
 * {@code user.name} (else {@code process.user.name}, else {@code user.effective.name}); login user name
 * {@code user.audit.name}, else {@code auditd.summary.actor.primary}. {@code user.effective} is deliberately not
 * taken as the login user: after sudo it is root, while the login user is the human behind it.
 *
 * <p>Elastic Defend's ransomware fields {@code file.Ext.entropy}, {@code file.Ext.header_bytes} and
 * {@code file.Ext.original.extension} become a {@link ContentHint}. Sysmon events already parsed into
 * {@code winlog.*} by Elastic's sysmon_linux integration are mapped through {@link SysmonEventMapper}.
 */
public final class EcsEventMapper {


    private static final Pattern AUDIT_STAMP = Pattern.compile("audit\\((\\d+)\\.(\\d{1,9}):(\\d+)\\)");
    private static final Set<String> EXEC_ACTIONS = Set.of("exec", "executed", "process_started", "process-started",
            "started-process", "execve");
    private static final Set<String> EXIT_ACTIONS = Set.of("end", "exit", "exited", "process_stopped",
            "process-stopped", "stopped-process");
    private static final int MAX_OTHER_FIELDS = 16;

    private EcsEventMapper() {
    }

    /** The record type name used in import statistics, e.g. {@code ecs:file/creation}. */
    public static String recordType(JsonNode doc) {
        if (isWinlogSysmon(doc)) {
            return "sysmon:" + JsonPaths.text(doc, "winlog.event_id");
        }
        List<String> categories = JsonPaths.keywords(doc, "event.category");
        String action = JsonPaths.text(doc, "event.action");
        return "ecs:" + (categories.isEmpty() ? "-" : String.join("+", categories)) + "/"
                + (action == null ? "-" : Texts.cap(action.toLowerCase(Locale.ROOT), 48));
    }

    /** The source's own id of the event: {@code event.id}, else the audit sequence, else the winlog record id. */
    public static String nativeId(JsonNode doc) {
        return JsonPaths.firstText(doc, "event.id", "auditd.sequence", "winlog.record_id", "_id");
    }

    public static Event map(JsonNode doc, long id, Provenance provenance) throws RecordRejected {
        return map(doc, id, provenance, io.ransomtrace.importers.SourceFile.UNKNOWN_HOST);
    }

    /**
     * @param unnamedHost the host of a document that names none: the file's, when a run reads several exports
     *                    without host fields ({@link io.ransomtrace.importers.InputExpander#hostsOfUnnamedLogs}), else
     *                    "unknown"
     */
    public static Event map(JsonNode doc, long id, Provenance provenance, String unnamedHost) throws RecordRejected {
        if (isWinlogSysmon(doc)) {
            return mapWinlogSysmon(doc, id, provenance);
        }
        Instant time = time(doc);
        if (time == null) {
            throw new RecordRejected("ECS document has no readable @timestamp (nor event.created or an audit stamp)");
        }
        String host = JsonPaths.firstText(doc, "host.name", "host.hostname", "host.id", "agent.hostname");
        if (host == null) {
            host = unnamedHost; // an export without host fields: its events are one host's, as an audit.log without node= is
        }
        List<String> categories = JsonPaths.keywords(doc, "event.category");
        List<String> types = JsonPaths.keywords(doc, "event.type");
        String action = lower(JsonPaths.text(doc, "event.action"));
        boolean success = !"failure".equals(lower(JsonPaths.text(doc, "event.outcome")))
                && !"fail".equals(lower(JsonPaths.text(doc, "auditd.result")));

        boolean processCategory = categories.contains("process");
        boolean fileCategory = categories.contains("file");
        if (!processCategory && !fileCategory && categories.isEmpty()) {
            // Exports that dropped event.category: decide on what the document carries.
            processCategory = action != null && (EXEC_ACTIONS.contains(action) || EXIT_ACTIONS.contains(action));
            fileCategory = !processCategory && JsonPaths.text(doc, "file.path") != null;
        }
        if (processCategory && !fileCategory) {
            if (action != null && (action.equals("fork") || action.equals("already_running"))) {
                // A fork runs nothing new; already_running is Elastic Defend's inventory of processes it found.
                return other(doc, id, time, host, provenance);
            }
            if ((action != null && EXEC_ACTIONS.contains(action)) || (action == null || !EXIT_ACTIONS.contains(action))
                    && types.contains("start")) {
                return exec(doc, id, time, host, success, provenance);
            }
            if ((action != null && EXIT_ACTIONS.contains(action)) || types.contains("end")) {
                Integer exitCode = JsonPaths.text(doc, "process.exit_code") == null ? null
                        : Texts.parseInt(JsonPaths.text(doc, "process.exit_code"), 0);
                return new ProcessExit(id, time, host, actor(doc, true), exitCode, provenance);
            }
            return other(doc, id, time, host, provenance);
        }
        if (fileCategory) {
            FileOp op = fileOp(doc, id, time, host, success, types, action, provenance);
            return op != null ? op : other(doc, id, time, host, provenance);
        }
        return other(doc, id, time, host, provenance);
    }

    private static ProcessExec exec(JsonNode doc, long id, Instant time, String host, boolean success,
                                    Provenance provenance) throws RecordRejected {
        Actor actor = actor(doc, true);
        List<String> argv = JsonPaths.strings(doc, "process.args");
        boolean truncated = false;
        if (argv == null || argv.isEmpty()) {
            String commandLine = JsonPaths.text(doc, "process.command_line");
            if (commandLine != null) {
                argv = Texts.splitCommandLine(commandLine);
            } else {
                // process.title is the kernel's proctitle, capped at 128 bytes: known to be possibly incomplete.
                argv = Texts.splitCommandLine(JsonPaths.text(doc, "process.title"));
                truncated = true;
            }
        }
        String tty = JsonPaths.firstText(doc, "process.tty.name", "auditd.data.tty");
        if (tty != null && (tty.equals("(none)") || tty.equals("?"))) {
            tty = null;
        }
        return new ProcessExec(id, time, host, actor, argv, truncated,
                JsonPaths.text(doc, "process.working_directory"), tty,
                JsonPaths.text(doc, "process.parent.entity_id"), success, provenance);
    }

    private static FileOp fileOp(JsonNode doc, long id, Instant time, String host, boolean success,
                                 List<String> types, String action, Provenance provenance) throws RecordRejected {
        String cwd = JsonPaths.text(doc, "process.working_directory");
        String syscall = lower(JsonPaths.text(doc, "auditd.data.syscall"));
        int openFlags = 0;
        FileOpKind kind = null;
        FileSyscalls.Operation operation = FileSyscalls.of(syscall);
        if (operation != null) {
            switch (operation) {
                case OPEN -> {
                    openFlags = (int) hex(JsonPaths.text(doc, syscall.equals("open") ? "auditd.data.a1" : "auditd.data.a2"));
                    kind = kindForOpen(openFlags, pathWithNametype(doc, "CREATE") != null);
                    if (kind == null) {
                        return null; // a read-only open changes nothing
                    }
                }
                case CREATE -> kind = FileOpKind.CREATE;
                case RENAME -> kind = FileOpKind.RENAME;
                case DELETE -> kind = syscall.equals("unlinkat") && (hex(JsonPaths.text(doc, "auditd.data.a2")) & 0x200) != 0
                        ? FileOpKind.RMDIR : FileOpKind.DELETE;
                case RMDIR -> kind = FileOpKind.RMDIR;
                case MKDIR -> kind = FileOpKind.MKDIR;
                case TRUNCATE -> kind = FileOpKind.TRUNCATE;
                case CHMOD -> kind = FileOpKind.CHMOD;
                case CHOWN -> kind = FileOpKind.CHOWN;
                case LINK -> kind = FileOpKind.LINK;
                case WRITE -> kind = FileOpKind.WRITE;
            }
        }
        if (kind == null && action != null) {
            kind = kindForAction(action);
        }
        if (kind == null) {
            if (types.contains("creation")) {
                kind = FileOpKind.CREATE;
            } else if (types.contains("deletion")) {
                kind = FileOpKind.DELETE;
            } else if (types.contains("change") && action == null) {
                // Only without an action: an action we do not know may change attributes, not contents.
                kind = FileOpKind.WRITE;
            }
        }
        if (kind == null) {
            return null;
        }
        String path = JsonPaths.text(doc, "file.path");
        String target = null;
        if (kind == FileOpKind.RENAME) {
            String original = JsonPaths.firstText(doc, "file.Ext.original.path", "file.original.path");
            String deleted = pathWithNametype(doc, "DELETE");
            String created = pathWithNametype(doc, "CREATE");
            if (original != null) {
                target = path;
                path = original;
            } else if (deleted != null && created != null) {
                path = deleted;
                target = created;
            } else {
                target = JsonPaths.firstText(doc, "file.target_path", "file.Ext.target_path");
            }
        } else if (kind == FileOpKind.LINK) {
            target = JsonPaths.firstText(doc, "file.target_path");
        }
        if (path == null) {
            path = JsonPaths.firstText(doc, "auditd.summary.object.primary");
        }
        if (path == null) {
            if (syscall != null) {
                return null; // Auditbeat reports syscalls the kernel gave no PATH record for: kept as other
            }
            throw new RecordRejected("ECS file event (" + kind + ") names no file.path");
        }
        int mode = (int) octal(JsonPaths.text(doc, "file.mode"));
        long inode = Texts.parseLong(JsonPaths.text(doc, "file.inode"), -1);
        return new FileOp(id, time, host, actor(doc, false), kind, Texts.resolve(path, cwd), Texts.resolve(target, cwd),
                openFlags, kind == FileOpKind.CHMOD || kind == FileOpKind.CREATE ? mode : -1, success, inode,
                contentHint(doc), provenance);
    }

    static FileOpKind kindForOpen(int flags, boolean createdPath) {
        if ((flags & OpenFlags.O_TMPFILE) == OpenFlags.O_TMPFILE) {
            return FileOpKind.CREATE; // open(DIR, O_TMPFILE): an unnamed new file of DIR (the flags say so), not a write of DIR
        }
        if (OpenFlags.creates(flags) && createdPath) {
            return FileOpKind.CREATE;
        }
        if (OpenFlags.truncates(flags) && OpenFlags.writes(flags)) {
            return FileOpKind.TRUNCATE;
        }
        if (OpenFlags.writes(flags)) {
            return FileOpKind.WRITE;
        }
        return null;
    }

    static FileOpKind kindForAction(String action) {
        return switch (action) {
            case "rename", "renamed", "moved", "move", "file_rename_event", "renamed-file" -> FileOpKind.RENAME;
            case "creation", "created", "create", "file_create_event", "created-file" -> FileOpKind.CREATE;
            case "deletion", "deleted", "delete", "file_delete_event", "deleted-file", "unlinked" -> FileOpKind.DELETE;
            case "overwrite", "modification", "modified", "updated", "write", "written", "file_modify_event",
                 "wrote-to-file", "content-modified" -> FileOpKind.WRITE;
            case "truncate", "truncated", "truncated-file" -> FileOpKind.TRUNCATE;
            case "changed-file-permissions-of", "chmod", "permissions-changed", "attributes_modified" -> FileOpKind.CHMOD;
            case "changed-file-ownership-of", "chown", "owner-changed" -> FileOpKind.CHOWN;
            case "created-directory", "mkdir" -> FileOpKind.MKDIR;
            case "removed-directory", "rmdir" -> FileOpKind.RMDIR;
            case "linked", "link", "symlink", "created-link" -> FileOpKind.LINK;
            default -> null;
        };
    }

    private static Actor actor(JsonNode doc, boolean strict) throws RecordRejected {
        String pidText = JsonPaths.text(doc, "process.pid");
        int pid = Texts.parseInt(pidText, -1);
        if (strict && pid < 0) {
            throw new RecordRejected("ECS process event has no numeric process.pid");
        }
        int ppid = Texts.parseInt(JsonPaths.text(doc, "process.parent.pid"), -1);
        String comm = JsonPaths.text(doc, "process.name");
        return new Actor(pid, ppid, JsonPaths.text(doc, "process.executable"), comm, credentials(doc),
                JsonPaths.text(doc, "process.entity_id"));
    }

    static Credentials credentials(JsonNode doc) {
        long uid = id(JsonPaths.firstText(doc, "user.id", "process.user.id", "process.real_user.id"));
        long euid = id(JsonPaths.text(doc, "user.effective.id"));
        long gid = id(JsonPaths.firstText(doc, "user.group.id", "group.id", "process.group.id"));
        long loginUid = id(JsonPaths.text(doc, "user.audit.id"));
        long session = id(JsonPaths.text(doc, "auditd.session"));
        String user = JsonPaths.firstText(doc, "user.name", "process.user.name", "user.effective.name");
        String loginUser = JsonPaths.firstText(doc, "user.audit.name", "auditd.summary.actor.primary");
        if ("unset".equals(loginUser)) {
            loginUser = null;
        }
        // Elastic Defend (no audit ids): the entry leader is the first process of the session a process runs in
        // (the shell sshd started, a console login, a container's init, a service). A session entered by a login
        // (sshd, ssm, terminal, console) has the login's user; a service or container entry has none.
        String entryPid = JsonPaths.text(doc, "process.entry_leader.pid");
        if (session == Credentials.UNSET && entryPid != null) {
            session = id(entryPid);
        }
        if (loginUid == Credentials.UNSET && loginEntry(JsonPaths.text(doc, "process.entry_leader.entry_meta.type"))) {
            loginUid = id(JsonPaths.firstText(doc, "process.entry_leader.user.id", "process.entry_leader.real_user.id"));
            if (loginUser == null && loginUid != Credentials.UNSET) {
                loginUser = JsonPaths.firstText(doc, "process.entry_leader.user.name", "process.entry_leader.real_user.name");
            }
        }
        return new Credentials(uid, euid, gid, loginUid, session, user, loginUser);
    }

    /** Entry types of Elastic Defend's session view that a human logged in through. */
    private static boolean loginEntry(String type) {
        return type != null && switch (type.toLowerCase(Locale.ROOT)) {
            case "sshd", "ssm", "terminal", "console" -> true;
            default -> false;
        };
    }

    private static ContentHint contentHint(JsonNode doc) {
        Double entropy = Texts.parseDouble(JsonPaths.text(doc, "file.Ext.entropy"));
        String header = JsonPaths.text(doc, "file.Ext.header_bytes");
        String originalExtension = JsonPaths.text(doc, "file.Ext.original.extension");
        if (entropy == null && header == null && originalExtension == null) {
            return null;
        }
        return new ContentHint(entropy, header, originalExtension, null);
    }

    private static String pathWithNametype(JsonNode doc, String nametype) {
        JsonNode paths = JsonPaths.node(doc, "auditd.paths");
        if (paths == null || !paths.isArray()) {
            return null;
        }
        for (JsonNode item : paths) {
            String type = JsonPaths.text(item, "nametype");
            if (type == null) {
                type = JsonPaths.text(item, "objtype");
            }
            if (nametype.equalsIgnoreCase(type)) {
                return JsonPaths.text(item, "name");
            }
        }
        return null;
    }

    private static Event other(JsonNode doc, long id, Instant time, String host, Provenance provenance) {
        Actor actor;
        try {
            actor = JsonPaths.text(doc, "process.pid") != null ? actor(doc, false) : Actor.NONE;
        } catch (RecordRejected e) {
            actor = Actor.NONE;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : List.of("event.category", "event.type", "event.action", "event.outcome", "event.module",
                "process.pid", "process.executable", "file.path", "user.name", "source.ip", "destination.ip",
                "destination.port", "message")) {
            String v = JsonPaths.text(doc, f);
            if (v != null && fields.size() < MAX_OTHER_FIELDS) {
                fields.put(f, Texts.cap(v, 512));
            }
        }
        String action = JsonPaths.text(doc, "event.action");
        String summary = (action != null ? action : "ECS event")
                + (actor.exe() != null ? " by " + actor.exe() : "")
                + (fields.containsKey("file.path") ? " on " + fields.get("file.path") : "");
        return new OtherRecord(id, time, host, actor, recordType(doc), Texts.cap(summary, 300), fields, provenance);
    }

    static boolean isWinlogSysmon(JsonNode doc) {
        String provider = JsonPaths.firstText(doc, "winlog.provider_name", "winlog.event_data.provider_name",
                "winlog.channel");
        return provider != null && provider.contains("Sysmon") && JsonPaths.node(doc, "winlog.event_data") != null;
    }

    private static Event mapWinlogSysmon(JsonNode doc, long id, Provenance provenance) throws RecordRejected {
        int eventId = Texts.parseInt(JsonPaths.text(doc, "winlog.event_id"), -1);
        if (eventId < 0) {
            throw new RecordRejected("winlog Sysmon document has no numeric winlog.event_id");
        }
        Map<String, String> data = new LinkedHashMap<>();
        JsonNode eventData = JsonPaths.node(doc, "winlog.event_data");
        Iterator<Map.Entry<String, JsonNode>> it = eventData.properties().iterator();
        while (it.hasNext() && data.size() < 64) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                data.put(e.getKey(), e.getValue().asText());
            }
        }
        String computer = JsonPaths.firstText(doc, "winlog.computer_name", "host.hostname", "host.name");
        String systemTime = JsonPaths.firstText(doc, "winlog.time_created", "@timestamp");
        return SysmonEventMapper.map(new SysmonRecord(eventId, JsonPaths.text(doc, "winlog.record_id"), computer,
                systemTime, data), id, provenance);
    }

    static Instant time(JsonNode doc) {
        Instant t = Texts.parseTime(JsonPaths.firstText(doc, "@timestamp", "event.created", "timestamp",
                "event.ingested"));
        if (t != null) {
            return t;
        }
        String raw = JsonPaths.firstText(doc, "event.original", "auditd.messages", "message");
        if (raw != null) {
            Matcher m = AUDIT_STAMP.matcher(raw);
            if (m.find()) {
                String frac = (m.group(2) + "000000000").substring(0, 9);
                return Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(frac));
            }
        }
        return null;
    }

    private static long id(String s) {
        return Credentials.normalizeId(Texts.parseLong(s, Credentials.UNSET));
    }

    private static long hex(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(s.strip(), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long octal(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Long.parseLong(s.strip(), 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** The documents inside a wrapper: {@code {"events":[...]}} (Elastic pipeline tests) or ES hits. */
    static List<JsonNode> unwrap(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode events = doc.get("events");
        if (doc.size() == 1 && events != null && events.isArray()) {
            events.forEach(out::add);
            return out;
        }
        out.add(doc);
        return out;
    }

    /** An Elasticsearch hit ({@code _index}, {@code _id}, {@code _source}) is replaced by its source. */
    static JsonNode source(JsonNode doc) {
        JsonNode src = doc.get("_source");
        if (src != null && src.isObject()) {
            if (src.get("event") instanceof com.fasterxml.jackson.databind.node.ObjectNode ev
                    && ev.get("id") == null && doc.hasNonNull("_id")) {
                ev.put("id", doc.get("_id").asText());
            }
            return src;
        }
        return doc;
    }
}
