package io.ransomtrace.app.report;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventKind;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The restore list of a finding: every original file its lineage changed between first and last sight, read from
 * the case (the finding itself lists only the first files). Files the campaign created itself (encrypted copies,
 * ransom notes, temporary files) are not originals and are left out; an encrypted copy is given as the new name
 * of the original it replaced.
 */
public final class AffectedFiles {

    private static final Set<EventKind> MODIFYING = Set.of(EventKind.CREATE, EventKind.WRITE, EventKind.TRUNCATE,
            EventKind.RENAME, EventKind.DELETE);

    private AffectedFiles() {
    }

    public static List<AffectedFile> of(CaseQueries q, Finding f, long rootKey, BooleanSupplier cancelled) {
        Map<String, Original> originals = new LinkedHashMap<>();
        Set<String> created = new HashSet<>();
        Instant to = f.lastSeen() == null ? null : f.lastSeen().plusMillis(1);
        EventFilter filter = EventFilter.all().ofLineage(rootKey).ofKinds(MODIFYING).between(f.firstSeen(), to);
        boolean[] stopped = {false};
        q.replay(filter, e -> {
            if (cancelled.getAsBoolean()) {
                stopped[0] = true;
                return false;
            }
            if (e instanceof FileOp op && op.modifies()) {
                track(op, originals, created);
            }
            return true;
        });
        if (stopped[0]) {
            throw new ReportCancelledException();
        }
        Map<String, String> copies = copiesByOriginal(created);
        List<AffectedFile> out = new ArrayList<>(originals.size());
        for (var entry : originals.entrySet()) {
            Original o = entry.getValue();
            String newName = o.newName;
            if (newName == null && o.operations.contains("deleted")) {
                newName = copies.get(entry.getKey());
            }
            out.add(new AffectedFile(entry.getKey(), f.host(), String.join("+", o.operations), o.first,
                    f.overwrite().label(), newName, f.id()));
        }
        return out;
    }

    private static void track(FileOp op, Map<String, Original> originals, Set<String> created) {
        String path = op.path();
        if (op.kind() == FileOpKind.CREATE) {
            if (!originals.containsKey(path)) {
                created.add(path);
            }
            return;
        }
        if (op.kind() == FileOpKind.RENAME) {
            // A renamed copy the campaign made itself (tmp -> final) carries no original.
            if (created.remove(path)) {
                created.add(op.targetPath());
                return;
            }
            Original o = originals.computeIfAbsent(path, p -> new Original(op.time()));
            o.add("renamed");
            o.newName = op.targetPath();
            return;
        }
        if (created.contains(path)) {
            return;
        }
        Original o = originals.computeIfAbsent(path, p -> new Original(op.time()));
        o.add(op.kind() == FileOpKind.DELETE ? "deleted" : "overwritten");
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

    private static final class Original {
        final Instant first;
        final List<String> operations = new ArrayList<>(2);
        String newName;

        Original(Instant first) {
            this.first = first;
        }

        void add(String op) {
            if (operations.isEmpty() || !operations.get(operations.size() - 1).equals(op)) {
                operations.add(op);
            }
        }
    }
}
