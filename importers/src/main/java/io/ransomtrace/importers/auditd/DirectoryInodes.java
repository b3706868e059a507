package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places names given relative to a directory descriptor. For {@code unlinkat(dirfd, "name")} (what
 * {@code find -delete} and {@code rm -r} do) the kernel's PARENT record names the process's working directory,
 * not the directory the descriptor points at; only its inode is right. A PATH record seen earlier for that
 * inode (the same directory reached by a path: {@code openssl -out finance/x.enc} names {@code finance/}) tells
 * where the directory really is, and the bare name is placed there. A directory never named by a path (the tree
 * an {@code rm -r} or {@code find -delete} walks was made before the log began) is placed from the deleter's
 * operands ({@link RecursiveDeleters}). Bounded: the least recently used directories are forgotten.
 */
final class DirectoryInodes {
    private static final int CAPACITY = 50_000;

    private final Map<String, String> byInode = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };
    private final RecursiveDeleters deleters = new RecursiveDeleters();
    /** The last working directory folded, by identity: the mapper hands out one String per repeated cwd. */
    private String lastCwd;
    private String lastWorkingDir;

    private String workingDir(String cwd) {
        if (cwd == null || cwd != lastCwd) {
            lastWorkingDir = PathResolver.resolve(cwd, ".");
            lastCwd = cwd;
        }
        return lastWorkingDir;
    }

    /**
     * Items of one syscall with bare names placed in the directory their single PARENT's inode says, when that
     * PARENT names the working directory but the inode is known to be another directory; else, for a process that
     * deletes trees ({@link RecursiveDeleters}), in the operand the name was deleted from; else {@code items}
     * unchanged. Learns directories from every PARENT that does not name the working directory.
     *
     * @param rawNames each item's name as logged, before it was resolved against the working directory
     */
    List<PathItem> place(String host, String dev, String cwd, List<PathItem> items, Map<Integer, String> rawNames,
                         int pid, String exe) {
        PathItem parent = null;
        for (PathItem p : items) {
            if (p.isParent()) {
                if (parent != null) {
                    return items; // renameat with two directories: not worth guessing which name goes where
                }
                parent = p;
            }
        }
        if (parent == null || parent.name() == null) {
            return items;
        }
        String key = parent.inode() < 0 ? null : host + '|' + dev + '|' + parent.inode();
        String workingDir = workingDir(cwd);
        if (workingDir == null || !parent.name().equals(workingDir)) {
            if (key != null) {
                byInode.put(key, stripSlash(parent.name()));
            }
            return items;
        }
        String known = key == null ? null : byInode.get(key);
        if (known != null && known.equals(workingDir)) {
            return items;
        }
        List<PathItem> out = null;
        for (int i = 0; i < items.size(); i++) {
            PathItem p = items.get(i);
            String raw = rawNames.get(p.item());
            if (p.isParent() || raw == null || raw.isEmpty() || raw.indexOf('/') >= 0) {
                continue;
            }
            String placed = known != null ? known + "/" + raw
                    : deleters.place(host, pid, exe, workingDir, p.name(), key);
            if (placed != null) {
                if (out == null) {
                    out = new java.util.ArrayList<>(items);
                }
                out.set(i, new PathItem(p.item(), placed, p.nametype(), p.inode(), p.mode()));
                int slash = placed.lastIndexOf('/');
                String dir = slash <= 0 ? "/" : placed.substring(0, slash);
                for (int j = 0; j < out.size(); j++) {
                    PathItem q = out.get(j);
                    if (q.isParent()) {
                        out.set(j, new PathItem(q.item(), dir, q.nametype(), q.inode(), q.mode()));
                    }
                }
            }
        }
        return out == null ? items : out;
    }

    /** A successful exec: the process may now be a deleter of trees (or no longer one). */
    void exec(String host, int pid, String exe, List<String> argv, String cwd) {
        deleters.exec(host, pid, exe, argv, cwd);
    }

    /** The directories learned, least recently used first (a line feed's checkpoint). */
    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(byInode.size());
        for (Map.Entry<String, String> e : byInode.entrySet()) {
            w.writeString(e.getKey());
            w.writeString(e.getValue());
        }
        deleters.writeState(w);
    }

    /** Restores what {@link #writeState} wrote, in the same use order. */
    void readState(SnapshotReader r) throws IOException {
        byInode.clear();
        int n = r.readLength();
        for (int i = 0; i < n; i++) {
            byInode.put(r.readString(), r.readString());
        }
        deleters.readState(r);
    }

    private static String stripSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
