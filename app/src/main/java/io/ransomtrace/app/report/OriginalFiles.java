package io.ransomtrace.app.report;

import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sorts a campaign's file changes, fed in time order, into the originals it changed and the files it made
 * itself (encrypted copies, ransom notes, temporary files). What the restore list and the recovery plan are
 * built from: an original keeps what happened to it and the events that did it; an encrypted copy written beside
 * its original is given as that original's new name.
 */
public final class OriginalFiles {

    /** One original, as its file events show it. */
    public static final class Original {
        private final String path;
        private final Instant first;
        private final long firstEvent;
        private final List<String> operations = new ArrayList<>(2);
        private String newName;
        private boolean overwritten;
        private long deleteEvent = -1;

        Original(String path, Instant first, long firstEvent) {
            this.path = path;
            this.first = first;
            this.firstEvent = firstEvent;
        }

        void add(String op) {
            if (operations.isEmpty() || !operations.get(operations.size() - 1).equals(op)) {
                operations.add(op);
            }
        }

        public String path() {
            return path;
        }

        public Instant first() {
            return first;
        }

        /** The first event that changed it. */
        public long firstEvent() {
            return firstEvent;
        }

        /** {@code overwritten}, {@code renamed}, {@code deleted}, or several joined by {@code +} in order. */
        public String operation() {
            return String.join("+", operations);
        }

        /** Rename target, or null (see {@link OriginalFiles#newName(Original)} for the copy beside it). */
        String renamedTo() {
            return newName;
        }

        public boolean overwritten() {
            return overwritten;
        }

        /** The event that deleted it, or -1. */
        public long deleteEvent() {
            return deleteEvent;
        }

        public boolean deleted() {
            return operations.contains("deleted");
        }
    }

    private final Map<String, Original> originals = new LinkedHashMap<>();
    private final Set<String> created = new HashSet<>();
    /** Inodes of the files the campaign created: their other names (hard links) are the campaign's too. */
    private final Set<Long> createdInodes = new HashSet<>();
    /** Originals by the name they were renamed to, for what happens to them under that name. */
    private final Map<String, Original> renamed = new HashMap<>();
    /** Files the campaign made itself and later deleted or overwrote again, with the event. */
    private final Map<String, Long> destroyedCopies = new HashMap<>();
    private Map<String, String> copies;

    /** Takes the next file operation of the campaign (anything that does not change a file is ignored). */
    public void accept(FileOp op) {
        if (op.kind() == FileOpKind.LINK && op.success() && op.targetPath() != null) {
            created.add(op.targetPath()); // a lock file made by link(2) is the campaign's own, like a created one
            return;
        }
        if (!op.modifies() || op.path() == null) {
            return; // an operation on a descriptor whose path the log did not give names no file
        }
        copies = null;
        String path = op.path();
        Original moved = renamed.get(path);
        if (moved != null) {
            follow(moved, op); // what shred -u does after overwriting: rename 000…0, 00…0, …, then unlink
            return;
        }
        if (op.kind() == FileOpKind.CREATE) {
            if (!originals.containsKey(path)) {
                created.add(path);
                destroyedCopies.remove(path);
                if (op.inode() >= 0) {
                    createdInodes.add(op.inode());
                }
            }
            return;
        }
        if (op.kind() == FileOpKind.DELETE && !created.contains(path) && !originals.containsKey(path)
                && op.inode() >= 0 && createdInodes.contains(op.inode())) {
            // another name of a file the campaign created (a lock file hard-linked to its temporary: gpg's dotlock)
            destroyedCopies.put(path, op.id());
            return;
        }
        if (op.kind() == FileOpKind.RENAME) {
            // A renamed copy the campaign made itself (tmp -> final) carries no original.
            if (created.remove(path)) {
                created.add(op.targetPath());
                destroyedCopies.remove(op.targetPath());
                return;
            }
            Original o = originals.computeIfAbsent(path, p -> new Original(p, op.time(), op.id()));
            o.add("renamed");
            o.newName = op.targetPath();
            if (op.targetPath() != null) {
                renamed.put(op.targetPath(), o);
            }
            return;
        }
        if (created.contains(path)) {
            if (op.kind() == FileOpKind.DELETE) {
                created.remove(path);
                destroyedCopies.put(path, op.id());
            }
            return;
        }
        Original o = originals.computeIfAbsent(path, p -> new Original(p, op.time(), op.id()));
        if (op.kind() == FileOpKind.DELETE) {
            o.add("deleted");
            if (o.deleteEvent < 0) {
                o.deleteEvent = op.id();
            }
        } else {
            o.add("overwritten");
            o.overwritten = true;
        }
    }

    /** An operation on the name an original was renamed to: it happens to the original's data. */
    private void follow(Original o, FileOp op) {
        switch (op.kind()) {
            case RENAME -> {
                renamed.remove(op.path());
                o.add("renamed");
                o.newName = op.targetPath();
                if (op.targetPath() != null) {
                    renamed.put(op.targetPath(), o);
                }
            }
            case DELETE -> {
                renamed.remove(op.path());
                o.add("deleted");
                o.newName = null; // gone under its last name: an encrypted copy beside the original may be what is left
                if (o.deleteEvent < 0) {
                    o.deleteEvent = op.id();
                }
            }
            case WRITE, TRUNCATE -> {
                o.add("overwritten");
                o.overwritten = true;
            }
            default -> { }
        }
    }

    public Collection<Original> originals() {
        return originals.values();
    }

    public Map<String, Long> destroyedCopies() {
        return Map.copyOf(destroyedCopies);
    }

    /** What the original became: its rename target, or for a deleted one the encrypted copy written beside it. */
    public String newName(Original o) {
        if (o.newName != null || !o.deleted()) {
            return o.newName;
        }
        if (copies == null) {
            copies = copiesByOriginal(created);
        }
        return copies.get(o.path);
    }

    /**
     * Encrypted copies written beside their originals: a created file whose name is an original's plus one
     * suffix ({@code report.docx} → {@code report.docx.gpg}), keyed by that original's path.
     */
    private static Map<String, String> copiesByOriginal(Set<String> created) {
        Map<String, String> byOriginal = new HashMap<>();
        for (String c : created) {
            int slash = c.lastIndexOf('/');
            int dot = c.lastIndexOf('.');
            if (dot > slash + 1) {
                byOriginal.merge(c.substring(0, dot), c, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return byOriginal;
    }
}
