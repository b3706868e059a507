package io.ransomtrace.app.report;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventKind;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.FileOp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The restore list of a finding: every original file its lineage changed between first and last sight, read from
 * the case (the finding itself lists only the first files), sorted by {@link OriginalFiles}: files the campaign
 * created itself (encrypted copies, ransom notes, temporary files) are not originals and are left out; an
 * encrypted copy is given as the new name of the original it replaced.
 */
public final class AffectedFiles {

    private static final Set<EventKind> MODIFYING = Set.of(EventKind.CREATE, EventKind.WRITE, EventKind.TRUNCATE,
            EventKind.RENAME, EventKind.DELETE, EventKind.LINK);

    private AffectedFiles() {
    }

    public static List<AffectedFile> of(CaseQueries q, Finding f, long rootKey, BooleanSupplier cancelled) {
        OriginalFiles files = new OriginalFiles();
        Instant to = f.lastSeen() == null ? null : f.lastSeen().plusMillis(1);
        EventFilter filter = EventFilter.all().ofLineage(rootKey).ofKinds(MODIFYING).between(f.firstSeen(), to);
        boolean[] stopped = {false};
        q.replay(filter, e -> {
            if (cancelled.getAsBoolean()) {
                stopped[0] = true;
                return false;
            }
            if (e instanceof FileOp op) {
                files.accept(op);
            }
            return true;
        });
        if (stopped[0]) {
            throw new ReportCancelledException();
        }
        List<AffectedFile> out = new ArrayList<>(files.originals().size());
        for (OriginalFiles.Original o : files.originals()) {
            out.add(new AffectedFile(o.path(), f.host(), o.operation(), o.first(), f.overwrite().label(), files.newName(o),
                    f.id()));
        }
        return out;
    }
}
