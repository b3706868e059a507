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
 * where the directory really is, and the bare name is placed there. Bounded: the least recently used
 * directories are forgotten.
 */
final class DirectoryInodes {
    private static final int CAPACITY = 50_000;

    private final Map<String, String> byInode = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * Items of one syscall with bare names placed in the directory their single PARENT's inode says, when that
     * PARENT names the working directory but the inode is known to be another directory; else {@code items}
     * unchanged. Learns directories from every PARENT that does not name the working directory.
     *
     * @param rawNames each item's name as logged, before it was resolved against the working directory
     */
    List<PathItem> place(String host, String dev, String cwd, List<PathItem> items, Map<Integer, String> rawNames) {
        PathItem parent = null;
        for (PathItem p : items) {
            if (p.isParent()) {
                if (parent != null) {
                    return items; // renameat with two directories: not worth guessing which name goes where
                }
                parent = p;
            }
        }
        if (parent == null || parent.inode() < 0 || parent.name() == null) {
            return items;
        }
        String key = host + '|' + dev + '|' + parent.inode();
        String workingDir = PathResolver.resolve(cwd, ".");
        if (workingDir == null || !parent.name().equals(workingDir)) {
            byInode.put(key, stripSlash(parent.name()));
            return items;
        }
        String known = byInode.get(key);
        if (known == null || known.equals(workingDir)) {
            return items;
        }
        List<PathItem> out = new java.util.ArrayList<>(items.size());
        for (PathItem p : items) {
            String raw = rawNames.get(p.item());
            if (p.isParent()) {
                out.add(new PathItem(p.item(), known, p.nametype(), p.inode(), p.mode()));
            } else if (raw != null && !raw.isEmpty() && raw.indexOf('/') < 0) {
                out.add(new PathItem(p.item(), known + "/" + raw, p.nametype(), p.inode(), p.mode()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** The directories learned, least recently used first (a line feed's checkpoint). */
    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(byInode.size());
        for (Map.Entry<String, String> e : byInode.entrySet()) {
            w.writeString(e.getKey());
            w.writeString(e.getValue());
        }
    }

    /** Restores what {@link #writeState} wrote, in the same use order. */
    void readState(SnapshotReader r) throws IOException {
        byInode.clear();
        int n = r.readLength();
        for (int i = 0; i < n; i++) {
            byInode.put(r.readString(), r.readString());
        }
    }

    private static String stripSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
