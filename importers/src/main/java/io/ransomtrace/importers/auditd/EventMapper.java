package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.Actor;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one assembled kernel event (its records) into an event of the model: execve/execveat become
 * {@link ProcessExec}, exit_group {@link ProcessExit}, the file-changing syscalls {@link FileOp}; everything
 * else is kept as an {@link OtherRecord} (cheaply, for syscalls such as read-only opens that are frequent and
 * uninteresting to the detector).
 */
final class EventMapper {
    private static final int AT_REMOVEDIR = 0x200;
    private static final int MAX_OTHER_FIELDS = 16;
    private static final int MAX_FIELD_CHARS = 512;
    /** Fields auditd hex-encodes when they hold spaces, quotes or control characters. */
    private static final java.util.Set<String> ENCODED_KEYS = java.util.Set.of("exe", "comm", "cmd", "name", "cwd",
            "proctitle", "key", "acct", "path", "old", "new", "data", "dir", "file", "ocomm", "watch");

    private final int sourceId;
    private final String defaultHost;
    private final LoginNames names;
    private final DirectoryInodes directories;
    private final RepeatedValues repeated = new RepeatedValues();

    EventMapper(int sourceId, String defaultHost) {
        this(sourceId, defaultHost, new LoginNames(), new DirectoryInodes());
    }

    /**
     * @param names       account names learned from the files read before this one in the same run
     * @param directories directories learned from the files read before this one in the same run
     */
    EventMapper(int sourceId, String defaultHost, LoginNames names, DirectoryInodes directories) {
        this.names = names;
        this.directories = directories;
        this.sourceId = sourceId;
        this.defaultHost = defaultHost;
    }

    /** The account names learned so far (saved with a line feed's state). */
    LoginNames names() {
        return names;
    }

    /** The directories learned by inode so far (saved with a line feed's state). */
    DirectoryInodes directories() {
        return directories;
    }

    Event map(List<AuditRecord> records, long id) {
        AuditRecord first = records.get(0);
        AuditRecord syscall = null;
        for (AuditRecord r : records) {
            if (r.type.equals("SYSCALL")) {
                syscall = r;
                break;
            }
        }
        String host = host(records);
        Instant time = Instant.ofEpochSecond(first.seconds, first.millis * 1_000_000L);
        Provenance prov = new Provenance(sourceId, first.line, first.byteOffset, first.nativeId());
        for (AuditRecord r : records) {
            names.observe(host, r); // a LOGIN record comes with the syscall that set the login uid
        }
        if (syscall == null) {
            return otherRecord(records, id, time, host, prov);
        }
        AuditFields f = syscall.fields();
        String name = syscallName(f, syscall.interpreted);
        Actor actor = names.named(host, actor(f, syscall.interpreted));
        boolean success = !f.valueIs("success", "no");
        switch (name) {
            case "execve", "execveat":
                return exec(records, f, id, time, host, actor, success, prov);
            case "exit_group":
                return new ProcessExit(id, time, host, actor, (int) f.hex("a0", 0), prov);
            default:
                break;
        }
        FileOp op = fileOp(name, records, f, syscall.interpreted, id, time, host, actor, success, prov);
        if (op != null) {
            return op;
        }
        return otherSyscall(name, records, f, id, time, host, actor, success, prov);
    }

    private String host(List<AuditRecord> records) {
        for (AuditRecord r : records) {
            String h = r.host();
            if (h != null) return h;
        }
        return defaultHost;
    }

    static String syscallName(AuditFields f, boolean interpreted) {
        if (interpreted) {
            String s = f.text("syscall");
            return s == null ? "unknown" : s;
        }
        long nr = f.number("syscall", -1);
        long arch = f.hex("arch", -1);
        String name = SyscallTable.name(arch, nr);
        if (name == null) {
            String enriched = f.text("SYSCALL"); // ENRICHED logs name it for us
            name = enriched != null ? enriched : "syscall" + nr;
        }
        return name;
    }

    private Actor actor(AuditFields f, boolean interpreted) {
        int pid = (int) f.number("pid", -1);
        int ppid = (int) f.number("ppid", -1);
        String exe = f.decoded("exe", repeated);
        String comm = f.decoded("comm", repeated);
        String user;
        String loginUser;
        if (interpreted) {
            user = nameOf(f, "uid");
            loginUser = nameOf(f, "auid");
        } else {
            user = f.text("UID", repeated); // ENRICHED logs name the ids
            loginUser = f.text("AUID", repeated);
        }
        Credentials c = new Credentials(id(f, "uid"), id(f, "euid"), id(f, "gid"), id(f, "auid"), id(f, "ses"),
                user, "unset".equals(loginUser) ? null : loginUser);
        return new Actor(pid, ppid, exe, comm, c, null);
    }

    private String nameOf(AuditFields f, String key) {
        String v = f.text(key, repeated);
        if (v == null || v.isEmpty() || Character.isDigit(v.charAt(0)) || v.charAt(0) == '-' || v.startsWith("unknown(")) {
            return null; // a number, or ausearch -i's unknown(1101): no name, the id is kept (id())
        }
        return v;
    }

    /** A numeric id field, with auditd's "unset" spellings and a missing field as {@link Credentials#UNSET}. */
    static long id(AuditFields f, String key) {
        long v = f.number(key, Long.MIN_VALUE);
        if (v != Long.MIN_VALUE) {
            return Credentials.normalizeId(v);
        }
        // ausearch -i prints names where the kernel wrote numbers (uid=root auid=alice): the name stands in for
        // the number, so a change of account is still a change (sudo, a login), and "unset" is unset
        String name = f.text(key);
        if (name == null || name.isEmpty() || name.equals("unset") || name.equals("(null)") || name.equals("?")) {
            return Credentials.UNSET;
        }
        if (name.startsWith("unknown(") && name.endsWith(")")) {
            // ausearch -i on another machine than the log's: an id it has no account for keeps its number
            try {
                return Credentials.normalizeId(Long.parseLong(name.substring(8, name.length() - 1)));
            } catch (NumberFormatException e) {
                return Credentials.UNSET;
            }
        }
        return Credentials.nameOnlyId(name);
    }

    // ---- process exec ----

    private Event exec(List<AuditRecord> records, AuditFields f, long id, Instant time, String host, Actor actor,
                       boolean success, Provenance prov) {
        List<AuditRecord> execve = new ArrayList<>(2);
        AuditRecord proctitle = null;
        String cwd = null;
        for (AuditRecord r : records) {
            switch (r.type) {
                case "EXECVE" -> execve.add(r);
                case "PROCTITLE" -> proctitle = r;
                case "CWD" -> cwd = r.fields().decoded("cwd", repeated);
                default -> {
                }
            }
        }
        ArgvDecoder.Argv argv;
        if (!execve.isEmpty()) {
            argv = ArgvDecoder.fromExecve(execve);
        } else if (!success) {
            // A failed exec logs no EXECVE, and its PROCTITLE is still the caller's: the attempted program is
            // all we know (PATH item 0).
            String attempted = null;
            for (AuditRecord r : records) {
                if (r.type.equals("PATH") && r.fields().number("item", -1) == 0) {
                    attempted = PathResolver.resolve(cwd, r.fields().decoded("name"));
                }
            }
            argv = new ArgvDecoder.Argv(attempted == null ? List.of() : List.of(attempted), true);
        } else if (proctitle != null) {
            argv = ArgvDecoder.fromProctitle(proctitle);
        } else {
            String name = actor.comm() != null ? actor.comm() : actor.exe();
            argv = new ArgvDecoder.Argv(name == null ? List.of() : List.of(name), true);
        }
        String tty = f.text("tty", repeated);
        if (tty != null && (tty.equals("(none)") || tty.equals("?"))) {
            tty = null;
        }
        if (success) {
            directories.exec(host, actor.pid(), actor.exe(), argv.args(), cwd);
        }
        return new ProcessExec(id, time, host, actor, argv.args(), argv.truncated(), cwd, tty, null, success, prov);
    }

    // ---- file operations ----

    private FileOp fileOp(String name, List<AuditRecord> records, AuditFields f, boolean interpreted, long id,
                          Instant time, String host, Actor actor, boolean success, Provenance prov) {
        Kind k = classify(name);
        if (k == null) {
            return null;
        }
        String cwd = null;
        List<AuditRecord> pathRecords = new ArrayList<>(4);
        AuditRecord openat2 = null;
        for (AuditRecord r : records) {
            switch (r.type) {
                case "CWD" -> cwd = r.fields().decoded("cwd", repeated);
                case "PATH" -> pathRecords.add(r);
                case "OPENAT2" -> openat2 = r;
                default -> {
                }
            }
        }
        List<PathItem> items = new ArrayList<>(pathRecords.size());
        Map<Integer, String> rawNames = new HashMap<>(4);
        String dev = null;
        for (AuditRecord r : pathRecords) {
            AuditFields pf = r.fields();
            String rawName = pf.decoded("name", repeated);
            PathItem item = pathItem(pf, cwd, rawName);
            items.add(item);
            rawNames.put(item.item(), rawName);
            if (item.isParent()) {
                dev = pf.text("dev", repeated);
            }
        }
        items.sort(Comparator.comparingInt(PathItem::item));
        items = directories.place(host, dev, cwd, items, rawNames, actor.pid(), actor.exe());
        switch (k) {
            case OPEN: {
                int flags;
                int mode = -1;
                switch (name) {
                    case "open" -> flags = openFlags(f, "a1", interpreted);
                    case "creat" -> flags = OpenFlags.O_CREAT | OpenFlags.O_WRONLY | OpenFlags.O_TRUNC;
                    case "openat2" -> flags = openat2 == null ? -1 : (int) openat2.fields().octal("oflag", -1);
                    default -> flags = openFlags(f, "a2", interpreted);
                }
                if (flags != -1 && (flags & OpenFlags.O_TMPFILE) == OpenFlags.O_TMPFILE) {
                    // open(DIR, O_TMPFILE): a new unnamed file in DIR (its PATH record names the folder, with the new
                    // file's inode), not a write of the folder; a CREATE of DIR whose flags say O_TMPFILE. It gets a
                    // name only by linkat (a LINK when link syscalls are audited)
                    return op(id, time, host, actor, FileOpKind.CREATE, firstNonParent(items), null, flags, -1, success,
                            prov);
                }
                PathItem created = firstOf(items, "CREATE");
                PathItem target = created != null ? created : firstNonParent(items);
                FileOpKind kind;
                if (flags == -1) {
                    if (created == null) return null; // openat2 without its OPENAT2 record: intent unknown
                    kind = FileOpKind.CREATE;
                    flags = 0;
                } else if (OpenFlags.creates(flags) && created != null) {
                    kind = FileOpKind.CREATE;
                } else if (OpenFlags.writes(flags)) {
                    kind = FileOpKind.WRITE;
                } else {
                    return null; // a read-only open is not a file operation
                }
                if (kind == FileOpKind.CREATE) { // the creation mode only matters when the file was created
                    long m = switch (name) {
                        case "open" -> f.hex("a2", -1);
                        case "creat" -> f.hex("a1", -1);
                        case "openat2" -> openat2 == null ? -1 : openat2.fields().octal("mode", -1);
                        default -> f.hex("a3", -1);
                    };
                    mode = m < 0 ? -1 : (int) (m & 07777);
                }
                return op(id, time, host, actor, kind, target, null, flags, mode, success, prov);
            }
            case TRUNCATE:
                return op(id, time, host, actor, FileOpKind.TRUNCATE, firstNonParent(items), null, 0, -1, success,
                        prov);
            case RENAME: {
                PathItem from = firstOf(items, "DELETE");
                PathItem to = lastOf(items, "CREATE");
                if (from == null && to == null) {
                    List<PathItem> named = nonParents(items);
                    from = named.size() > 0 ? named.get(0) : null;
                    to = named.size() > 1 ? named.get(1) : null;
                }
                return new FileOp(id, time, host, actor, FileOpKind.RENAME, from == null ? null : from.name(),
                        to == null ? null : to.name(), 0, -1, success, from == null ? -1 : from.inode(), null, prov);
            }
            case DELETE: {
                PathItem target = firstOf(items, "DELETE");
                if (target == null) target = firstNonParent(items);
                boolean dir = name.equals("rmdir")
                        || (name.equals("unlinkat") && (unlinkatFlags(f, interpreted) & AT_REMOVEDIR) != 0);
                return op(id, time, host, actor, dir ? FileOpKind.RMDIR : FileOpKind.DELETE, target, null, 0, -1,
                        success, prov);
            }
            case MKDIR: {
                PathItem target = firstOf(items, "CREATE");
                if (target == null) target = firstNonParent(items);
                long m = f.hex(name.equals("mkdirat") ? "a2" : "a1", -1);
                return op(id, time, host, actor, FileOpKind.MKDIR, target, null, 0, m < 0 ? -1 : (int) (m & 07777),
                        success, prov);
            }
            case LINK: {
                PathItem link = lastOf(items, "CREATE");
                String target = null;
                if (name.startsWith("link")) {
                    PathItem existing = firstOf(items, "NORMAL");
                    target = existing == null ? null : existing.name();
                }
                return op(id, time, host, actor, FileOpKind.LINK, link, target, 0, -1, success, prov);
            }
            case CHMOD: {
                long m = f.hex(name.equals("fchmodat") || name.equals("fchmodat2") ? "a2" : "a1", -1);
                return op(id, time, host, actor, FileOpKind.CHMOD, firstNonParent(items), null, 0,
                        m < 0 ? -1 : (int) (m & 07777), success, prov);
            }
            case CHOWN:
                return op(id, time, host, actor, FileOpKind.CHOWN, firstNonParent(items), null, 0, -1, success, prov);
            default:
                return null;
        }
    }

    private enum Kind { OPEN, TRUNCATE, RENAME, DELETE, MKDIR, LINK, CHMOD, CHOWN }

    /**
     * The branch below that reads a syscall's records, from the shared syscall table. A write(2) names a file
     * descriptor, and auditd gives it no PATH record: there is no file to name, so it is not a file operation here.
     */
    private static Kind classify(String syscall) {
        FileSyscalls.Operation op = FileSyscalls.of(syscall);
        if (op == null) {
            return null;
        }
        return switch (op) {
            case OPEN, CREATE -> Kind.OPEN;
            case TRUNCATE -> Kind.TRUNCATE;
            case RENAME -> Kind.RENAME;
            case DELETE, RMDIR -> Kind.DELETE;
            case MKDIR -> Kind.MKDIR;
            case LINK -> Kind.LINK;
            case CHMOD -> Kind.CHMOD;
            case CHOWN -> Kind.CHOWN;
            case WRITE -> null;
        };
    }

    private static FileOp op(long id, Instant time, String host, Actor actor, FileOpKind kind, PathItem target,
                             String targetPath, int flags, int mode, boolean success, Provenance prov) {
        return new FileOp(id, time, host, actor, kind, target == null ? null : target.name(), targetPath, flags,
                mode, success, target == null ? -1 : target.inode(), null, prov);
    }

    static int openFlags(AuditFields f, String key, boolean interpreted) {
        long v = f.hex(key, -1);
        if (v >= 0) {
            return (int) v;
        }
        if (!interpreted) {
            return -1;
        }
        String s = f.text(key);
        return s == null ? -1 : SymbolicFlags.openFlags(s);
    }

    private static long unlinkatFlags(AuditFields f, boolean interpreted) {
        long v = f.hex("a2", -1);
        if (v >= 0) return v;
        String s = interpreted ? f.text("a2") : null;
        return s != null && s.contains("AT_REMOVEDIR") ? AT_REMOVEDIR : 0;
    }

    /** @param rawName the item's name as logged (decoded), before it is resolved against {@code cwd} */
    private PathItem pathItem(AuditFields f, String cwd, String rawName) {
        String nametype = f.text("nametype", repeated);
        if (nametype == null) {
            nametype = f.text("objtype", repeated);
        }
        long mode = f.octal("mode", -1);
        if (mode < 0) {
            String m = f.text("mode"); // ausearch -i: "file,644"
            int comma = m == null ? -1 : m.indexOf(',');
            if (comma >= 0) {
                try {
                    mode = Integer.parseInt(m.substring(comma + 1), 8);
                } catch (NumberFormatException e) {
                    mode = -1;
                }
            }
        }
        return new PathItem((int) f.number("item", Integer.MAX_VALUE), PathResolver.resolve(cwd, rawName),
                nametype, f.number("inode", -1), (int) mode);
    }

    private static PathItem firstOf(List<PathItem> items, String type) {
        for (PathItem p : items) {
            if (p.is(type)) return p;
        }
        return null;
    }

    private static PathItem lastOf(List<PathItem> items, String type) {
        PathItem found = null;
        for (PathItem p : items) {
            if (p.is(type)) found = p;
        }
        return found;
    }

    private static PathItem firstNonParent(List<PathItem> items) {
        for (PathItem p : items) {
            if (!p.isParent()) return p;
        }
        return null;
    }

    private static List<PathItem> nonParents(List<PathItem> items) {
        List<PathItem> out = new ArrayList<>(items.size());
        for (PathItem p : items) {
            if (!p.isParent()) out.add(p);
        }
        return out;
    }

    // ---- everything else ----

    private Event otherSyscall(String name, List<AuditRecord> records, AuditFields f, long id, Instant time,
                               String host, Actor actor, boolean success, Provenance prov) {
        for (AuditRecord r : records) {
            if (r.type.equals("CONFIG_CHANGE")) {
                // auditctl's netlink sendto carries the change (audit_enabled=0, remove_rule): kept as the
                // CONFIG_CHANGE it is, with its fields, so coverage can tell that auditing was turned off
                Map<String, String> fields = recordFields(r.fields());
                String summary = "CONFIG_CHANGE op=" + fields.getOrDefault("op", "?")
                        + (fields.containsKey("audit_enabled") ? " audit_enabled=" + fields.get("audit_enabled") : "")
                        + " by " + actor.exeName() + " (" + actor.pid() + ")";
                return new OtherRecord(id, time, host, actor, "CONFIG_CHANGE", summary, fields, prov);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("syscall", name);
        fields.put("success", success ? "yes" : "no");
        putIfPresent(fields, "exit", f.text("exit"));
        putIfPresent(fields, "key", f.decoded("key"));
        for (AuditRecord r : records) {
            if (r.type.equals("PATH")) {
                putIfPresent(fields, "path", cap(r.fields().decoded("name")));
                break;
            }
        }
        String summary = actor.exeName() + " (" + actor.pid() + ") " + name + (success ? "" : " failed");
        return new OtherRecord(id, time, host, actor, "SYSCALL:" + name, summary, fields, prov);
    }

    private Event otherRecord(List<AuditRecord> records, long id, Instant time, String host, Provenance prov) {
        AuditRecord primary = records.get(0);
        for (AuditRecord r : records) {
            if (!r.type.equals("EOE") && !r.type.equals("PROCTITLE")) {
                primary = r;
                break;
            }
        }
        AuditFields f = primary.fields();
        Map<String, String> fields = recordFields(f);
        boolean hasProcess = f.has("pid") || f.has("auid") || f.has("uid");
        Actor actor = hasProcess ? names.named(host, actor(f, primary.interpreted)) : Actor.NONE;
        StringBuilder summary = new StringBuilder(primary.type);
        int shown = 0;
        for (String key : new String[]{"op", "acct", "exe", "unit", "cmd", "res", "auid", "uid"}) {
            String v = ENCODED_KEYS.contains(key) ? f.decoded(key) : f.text(key);
            if (v != null && shown < 4) {
                summary.append(' ').append(key).append('=').append(cap(v));
                shown++;
            }
        }
        if (records.size() > 1) {
            summary.append(" (").append(records.size()).append(" records)");
        }
        return new OtherRecord(id, time, host, actor, primary.type, summary.toString(), fields, prov);
    }

    private static Map<String, String> recordFields(AuditFields f) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < f.size() && fields.size() < MAX_OTHER_FIELDS; i++) {
            String key = f.key(i);
            if (key.equals("msg") || fields.containsKey(key)) continue;
            String v = cap(ENCODED_KEYS.contains(key) ? f.decoded(i) : f.text(i));
            if (v != null) fields.put(key, v);
        }
        return fields;
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }

    private static String cap(String s) {
        return s == null || s.length() <= MAX_FIELD_CHARS ? s : s.substring(0, MAX_FIELD_CHARS) + "…";
    }
}
