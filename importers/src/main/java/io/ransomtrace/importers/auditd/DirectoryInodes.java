package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Places names given relative to a directory descriptor. For {@code unlinkat(dirfd, "name")} (what
 * {@code find -delete} and {@code rm -r} do) the kernel's PARENT record names the process's working directory,
 * not the directory the descriptor points at; only its inode is right. A PATH record seen earlier for that
 * inode (the same directory reached by a path: {@code openssl -out finance/x.enc} names {@code finance/}) tells
 * where the directory really is, and the bare name is placed there. A directory never named by a path (the tree
 * an {@code rm -r} or {@code find -delete} walks was made before the log began) is placed from the deleter's
 * operands ({@link RecursiveDeleters}). A directory never named at all (a file server such as smbd opens each
 * folder of its share by descriptor and never by path) is still told apart from the working directory by its
 * inode: the first inode a working directory's PARENT records carry is taken for the working directory itself,
 * and a name under any other inode is placed in {@code WORKDIR/[inode N]}, a folder of its own that
 * {@code find WORKDIR -inum N} finds on the host. Bounded: the least recently used directories are forgotten.
 */
final class DirectoryInodes {
    private static final int CAPACITY = 50_000;

    private final Map<String, String> byInode = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };
    /** host|dev|working directory to the inode first seen for it, where no path ever named that inode. */
    private final Map<String, Long> workingDirInodes = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
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
        boolean oneDirectory = true;
        for (PathItem p : items) {
            if (p.isParent()) {
                // a rename within one folder logs that folder twice (ccrypt's F → F.cpt, rsync's .F.XXXXXX → F)
                oneDirectory &= parent == null || (parent.inode() == p.inode() && Objects.equals(parent.name(), p.name()));
                parent = p;
            }
        }
        if (parent == null || parent.name() == null) {
            return items;
        }
        String workingDir = workingDir(cwd);
        if (!oneDirectory) {
            // a rename between two folders: learned, but not worth guessing which name goes where
            for (PathItem p : items) {
                if (p.isParent() && p.name() != null && p.inode() >= 0 && !p.name().equals(workingDir)) {
                    byInode.put(host + '|' + dev + '|' + p.inode(), stripSlash(p.name()));
                }
            }
            return items;
        }
        String key = parent.inode() < 0 ? null : host + '|' + dev + '|' + parent.inode();
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
            if (placed == null && known == null && key != null) {
                String unnamed = unnamedFolder(host, dev, workingDir, parent.inode());
                placed = unnamed == null ? null : unnamed + "/" + raw;
            }
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

    /**
     * The folder a directory inode stands for when no path ever named it: none for the first inode a working
     * directory's PARENT records carry (taken for the working directory itself), else {@code WORKDIR/[inode N]}.
     */
    private String unnamedFolder(String host, String dev, String workingDir, long inode) {
        Long first = workingDirInodes.putIfAbsent(host + '|' + dev + '|' + workingDir, inode);
        if (first == null || first == inode) {
            return null;
        }
        return (workingDir.equals("/") ? "" : workingDir) + "/[inode " + inode + "]";
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
        w.writeInt(workingDirInodes.size());
        for (Map.Entry<String, Long> e : workingDirInodes.entrySet()) {
            w.writeString(e.getKey());
            w.writeLong(e.getValue());
        }
    }

    /** Restores what {@link #writeState} wrote, in the same use order. */
    void readState(SnapshotReader r) throws IOException {
        byInode.clear();
        int n = r.readLength();
        for (int i = 0; i < n; i++) {
            byInode.put(r.readString(), r.readString());
        }
        deleters.readState(r);
        workingDirInodes.clear();
        int m = r.readLength();
        for (int i = 0; i < m; i++) {
            workingDirInodes.put(r.readString(), r.readLong());
        }
    }

    private static String stripSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
