package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.engine.signal.SignalKind;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The first few supporting events per signal, kept as primitives until a finding is built. */
final class EvidenceLog {
    private final int perSignal;
    private final long[][] ids;
    private final int[][] sources;
    private final long[][] lines;
    private final int[] counts;

    EvidenceLog(int perSignal) {
        this.perSignal = perSignal;
        int n = SignalKind.values().length + 1;
        ids = new long[n][];
        sources = new int[n][];
        lines = new long[n][];
        counts = new int[n];
    }

    void add(SignalKind kind, Event e) {
        int k = kind == null ? counts.length - 1 : kind.ordinal();
        int c = counts[k];
        if (c >= perSignal) {
            return;
        }
        if (ids[k] == null) {
            ids[k] = new long[perSignal];
            sources[k] = new int[perSignal];
            lines[k] = new long[perSignal];
        }
        Provenance p = e.provenance();
        ids[k][c] = e.id();
        sources[k][c] = p == null ? -1 : p.sourceId();
        lines[k][c] = p == null ? -1 : p.line();
        counts[k] = c + 1;
    }

    /** Adds the root's own exec (not tied to a signal). */
    void addRoot(long id, int source, long line) {
        int k = counts.length - 1;
        if (ids[k] == null) {
            ids[k] = new long[perSignal];
            sources[k] = new int[perSignal];
            lines[k] = new long[perSignal];
        }
        if (counts[k] < perSignal) {
            ids[k][counts[k]] = id;
            sources[k][counts[k]] = source;
            lines[k][counts[k]] = line;
            counts[k]++;
        }
    }

    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(counts.length);
        for (int k = 0; k < counts.length; k++) {
            w.writeInt(counts[k]);
            for (int i = 0; i < counts[k]; i++) {
                w.writeLong(ids[k][i]);
                w.writeInt(sources[k][i]);
                w.writeLong(lines[k][i]);
            }
        }
    }

    void readState(SnapshotReader r) throws IOException {
        int kinds = r.readLength();
        if (kinds != counts.length) {
            throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("snapshot has evidence for " + kinds
                    + " signal kinds, this detector " + counts.length);
        }
        for (int k = 0; k < kinds; k++) {
            int c = r.readLength();
            if (c > perSignal) {
                throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("snapshot has " + c
                        + " evidence events for one signal, this profile keeps " + perSignal);
            }
            counts[k] = c;
            if (c > 0) {
                ids[k] = new long[perSignal];
                sources[k] = new int[perSignal];
                lines[k] = new long[perSignal];
            }
            for (int i = 0; i < c; i++) {
                ids[k][i] = r.readLong();
                sources[k][i] = r.readInt();
                lines[k][i] = r.readLong();
            }
        }
    }

    List<EvidenceRef> refs() {
        TreeMap<Long, EvidenceRef> byId = new TreeMap<>();
        for (int k = 0; k < counts.length; k++) {
            for (int i = 0; i < counts[k]; i++) {
                byId.putIfAbsent(ids[k][i], new EvidenceRef(ids[k][i], sources[k][i], lines[k][i]));
            }
        }
        return new ArrayList<>(byId.values());
    }
}
