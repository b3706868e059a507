package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.signal.EncryptionCommandParser;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.signal.ToolUse;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes that delete trees ({@code rm -r DIR}, {@code find DIR … -delete}), known from their exec: where
 * a name they delete relative to a directory descriptor lies when the descriptor's directory was never named by
 * a path before ({@link DirectoryInodes} then cannot place it). Such a name is logged as if it were in the working
 * directory; when it lies directly there and under none of the process's operands, it was in one of the operands.
 *
 * <p>Each directory the deleter works in (a PARENT inode not placed otherwise) is given to one operand, in the
 * order they first appear (rm and find walk their operands in the order given), and keeps it: the names of one
 * directory stay together. With a single operand every such directory is that operand, so a file in a
 * subdirectory of it comes out one level up — which tree it was in, and one file per name, hold. Bounded: the
 * least recently started deleters are forgotten.
 */
final class RecursiveDeleters {
    private static final int CAPACITY = 4096;

    /** A deleter: its executable, operands, and the directory inodes given to operands so far. */
    private static final class Deleter {
        final String exe;
        final List<String> operands;
        final Map<String, String> byDirectory = new HashMap<>(4);

        Deleter(String exe, List<String> operands) {
            this.exe = exe;
            this.operands = operands;
        }
    }

    private final Map<String, Deleter> byProcess = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deleter> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A successful exec of {@code pid}: it becomes a deleter of its operands, or stops being one. */
    void exec(String host, int pid, String exe, List<String> argv, String cwd) {
        String key = host + '|' + pid;
        List<String> operands = operands(argv, cwd);
        if (operands.isEmpty()) {
            byProcess.remove(key);
        } else {
            byProcess.put(key, new Deleter(exe, operands));
        }
    }

    /**
     * Where {@code path} (a name relative to the directory {@code directoryKey}, logged in {@code workingDir}) was
     * deleted from, when {@code pid} is a deleter whose operands say so; else null (leave the path as logged).
     */
    String place(String host, int pid, String exe, String workingDir, String path, String directoryKey) {
        Deleter d = byProcess.get(host + '|' + pid);
        if (d == null || (d.exe != null && exe != null && !d.exe.equals(exe))) {
            return null; // not a deleter, or the pid now runs something else
        }
        int slash = path.lastIndexOf('/');
        String dir = slash <= 0 ? "/" : path.substring(0, slash);
        if (!dir.equals(workingDir)) {
            return null;
        }
        for (String operand : d.operands) {
            if (path.equals(operand) || path.startsWith(operand.endsWith("/") ? operand : operand + "/")) {
                return null; // really there (rm -r of a name in the working directory)
            }
        }
        String operand = d.byDirectory.get(directoryKey);
        if (operand == null) {
            int next = Math.min(d.byDirectory.size(), d.operands.size() - 1);
            operand = d.operands.get(next);
            if (d.byDirectory.size() < 1024) {
                d.byDirectory.put(directoryKey, operand);
            }
        }
        return (operand.endsWith("/") ? operand.substring(0, operand.length() - 1) : operand) + path.substring(slash);
    }

    /**
     * The trees a command deletes under, resolved against its working directory: the operands of a recursive
     * rm, the starting points of a find with -delete (the working directory when it names none); else empty.
     */
    static List<String> operands(List<String> argv, String cwd) {
        if (argv.isEmpty()) {
            return List.of();
        }
        String a0 = argv.get(0);
        String name = a0.substring(a0.lastIndexOf('/') + 1);
        if (name.equals("rm")) {
            ToolUse use = EncryptionCommandParser.parse(name, argv, cwd);
            return use != null && use.recursive() ? use.targets() : List.of();
        }
        if (name.equals("find") && argv.contains("-delete")) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i < argv.size(); i++) {
                String a = argv.get(i);
                if (a.startsWith("-") || a.equals("(") || a.equals("!")) {
                    break; // the expression starts: everything before it were starting points
                }
                String p = PathNames.resolve(cwd, a);
                if (p != null) {
                    out.add(p);
                }
            }
            return out.isEmpty() && cwd != null ? List.of(cwd) : out;
        }
        return List.of();
    }

    /** The deleters, least recently started first (a line feed's checkpoint). */
    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(byProcess.size());
        for (Map.Entry<String, Deleter> e : byProcess.entrySet()) {
            Deleter d = e.getValue();
            w.writeString(e.getKey());
            w.writeString(d.exe);
            w.writeStrings(d.operands);
            w.writeInt(d.byDirectory.size());
            for (Map.Entry<String, String> g : d.byDirectory.entrySet()) {
                w.writeString(g.getKey());
                w.writeString(g.getValue());
            }
        }
    }

    void readState(SnapshotReader r) throws IOException {
        byProcess.clear();
        int n = r.readLength();
        for (int i = 0; i < n; i++) {
            String key = r.readString();
            Deleter d = new Deleter(r.readString(), List.copyOf(r.readStringList()));
            int m = r.readLength();
            for (int j = 0; j < m; j++) {
                d.byDirectory.put(r.readString(), r.readString());
            }
            byProcess.put(key, d);
        }
    }
}
