package io.ransomtrace.views.spread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory touched by a campaign, with its own counts and its subdirectories. Totals ({@link #subtreeFiles()},
 * {@link #subtreeNotes()}, {@link #earliestHit()}) cover the whole subtree.
 */
public record DirectoryNode(String path, String name, long filesEncrypted, long notesDropped, Instant firstHit,
                            List<DirectoryNode> children) {

    public DirectoryNode {
        children = List.copyOf(children);
    }

    public long subtreeFiles() {
        long n = filesEncrypted;
        for (DirectoryNode c : children) {
            n += c.subtreeFiles();
        }
        return n;
    }

    public long subtreeNotes() {
        long n = notesDropped;
        for (DirectoryNode c : children) {
            n += c.subtreeNotes();
        }
        return n;
    }

    /** The first hit anywhere in this subtree, or null. */
    public Instant earliestHit() {
        Instant e = firstHit;
        for (DirectoryNode c : children) {
            Instant ce = c.earliestHit();
            if (ce != null && (e == null || ce.isBefore(e))) {
                e = ce;
            }
        }
        return e;
    }

    /** Rows the icicle needs: 1 for a leaf. */
    public int depth() {
        int d = 0;
        for (DirectoryNode c : children) {
            d = Math.max(d, c.depth());
        }
        return d + 1;
    }

    /** The latest first-hit anywhere in this subtree, or null (the end of the colour scale). */
    public Instant latestHit() {
        Instant l = firstHit;
        for (DirectoryNode c : children) {
            Instant cl = c.latestHit();
            if (cl != null && (l == null || cl.isAfter(l))) {
                l = cl;
            }
        }
        return l;
    }

    /**
     * Builds the tree from per-directory counts. Intermediate directories that were not hit themselves appear
     * with zero counts; a chain of single-child, untouched directories is folded into one node
     * ({@code /home/alice} rather than {@code /} → {@code home} → {@code alice}) so depth is spent on what was hit.
     */
    public static DirectoryNode fromStats(List<DirectoryStat> stats) {
        Builder root = new Builder("/", "/");
        for (DirectoryStat s : stats) {
            if (s.path() == null || s.path().isBlank()) {
                continue;
            }
            Builder b = root;
            StringBuilder path = new StringBuilder();
            for (String part : s.path().split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                path.append('/').append(part);
                String p = path.toString();
                b = b.children.computeIfAbsent(part, k -> new Builder(p, k));
            }
            b.files += s.filesEncrypted();
            b.notes += s.notes();
            if (s.firstHit() != null && (b.firstHit == null || s.firstHit().isBefore(b.firstHit))) {
                b.firstHit = s.firstHit();
            }
        }
        Builder top = root;
        while (top.children.size() == 1 && top.files == 0 && top.notes == 0) {
            top = top.children.values().iterator().next();
        }
        return top.build(top == root ? "/" : top.path);
    }

    private static final class Builder {
        final String path;
        final String name;
        final Map<String, Builder> children = new TreeMap<>();
        long files;
        long notes;
        Instant firstHit;

        Builder(String path, String name) {
            this.path = path;
            this.name = name;
        }

        DirectoryNode build(String displayName) {
            List<DirectoryNode> kids = new ArrayList<>();
            for (Builder c : children.values()) {
                // Fold a chain of untouched single-child directories into one cell: "srv/share", not two rows.
                Builder end = c;
                StringBuilder name = new StringBuilder(c.name);
                while (end.children.size() == 1 && end.files == 0 && end.notes == 0) {
                    end = end.children.values().iterator().next();
                    name.append('/').append(end.name);
                }
                kids.add(end.build(name.toString()));
            }
            // Biggest first: the eye reads the icicle left to right.
            kids.sort(Comparator.comparingLong(DirectoryNode::subtreeFiles).reversed());
            return new DirectoryNode(path, displayName, files, notes, firstHit, kids);
        }
    }
}
