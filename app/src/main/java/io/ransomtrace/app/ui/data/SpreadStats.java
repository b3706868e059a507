package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.DirectorySummary;
import io.ransomtrace.app.store.Scope;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.views.spread.DirectoryStat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The note spread map's cells for a campaign: per directory, files the lineage modified and ransom notes it
 * dropped (files named like one of the finding's notes).
 */
public final class SpreadStats {
    /** Most directories drawn; the map stays legible and the query bounded. */
    public static final int MAX_DIRECTORIES = 2000;

    static final Set<FileOpKind> MODIFYING = EnumSet.of(FileOpKind.WRITE, FileOpKind.TRUNCATE, FileOpKind.RENAME,
            FileOpKind.CREATE);

    private SpreadStats() {
    }

    public static List<DirectoryStat> of(CaseQueries queries, Scope scope, Collection<String> noteNames) {
        Map<String, long[]> notes = new LinkedHashMap<>();
        for (String name : noteNames) {
            for (DirectorySummary d : queries.directories(scope, EnumSet.of(FileOpKind.CREATE, FileOpKind.WRITE),
                    name, MAX_DIRECTORIES)) {
                notes.computeIfAbsent(d.directory(), k -> new long[1])[0] += d.files();
            }
        }
        Map<String, DirectoryStat> out = new LinkedHashMap<>();
        for (DirectorySummary d : queries.directories(scope, MODIFYING, null, MAX_DIRECTORIES)) {
            long n = notes.containsKey(d.directory()) ? notes.get(d.directory())[0] : 0;
            out.put(d.directory(), new DirectoryStat(d.directory(), Math.max(0, d.files() - n), n, d.first()));
        }
        for (Map.Entry<String, long[]> e : notes.entrySet()) {
            out.putIfAbsent(e.getKey(), new DirectoryStat(e.getKey(), 0, e.getValue()[0], (Instant) null));
        }
        return new ArrayList<>(out.values());
    }
}
