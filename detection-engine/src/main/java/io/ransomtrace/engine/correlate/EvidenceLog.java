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
    private static final int KINDS = SignalKind.values().length + 1;
    /** Per kind (the last slot: the root's exec); created on the first evidence (most campaigns cite one kind). */
    private long[][] ids;
    private int[][] sources;
    private long[][] lines;
    private int[] counts;

    EvidenceLog(int perSignal) {
        this.perSignal = perSignal;
    }

    private void ensure() {
        if (counts == null) {
            ids = new long[KINDS][];
            sources = new int[KINDS][];
            lines = new long[KINDS][];
            counts = new int[KINDS];
        }
    }

    void add(SignalKind kind, Event e) {
        ensure();
        int k = kind == null ? counts.length - 1 : kind.ordinal();
        int c = counts[k];
        if (c >= perSignal) {
            return;
        }
        grow(k, c);
        Provenance p = e.provenance();
        ids[k][c] = e.id();
        sources[k][c] = p == null ? -1 : p.sourceId();
        lines[k][c] = p == null ? -1 : p.line();
        counts[k] = c + 1;
    }

    /** Adds the root's own exec (not tied to a signal). */
    void addRoot(long id, int source, long line) {
        ensure();
        int k = counts.length - 1;
        if (counts[k] < perSignal) {
            grow(k, counts[k]);
            ids[k][counts[k]] = id;
            sources[k][counts[k]] = source;
            lines[k][counts[k]] = line;
            counts[k]++;
        }
    }

    /** Room for entry {@code c} of kind k: small arrays first (most campaigns cite one or two events). */
    private void grow(int k, int c) {
        if (ids[k] == null) {
            int n = Math.min(perSignal, 2);
            ids[k] = new long[n];
            sources[k] = new int[n];
            lines[k] = new long[n];
        } else if (c == ids[k].length) {
            int n = Math.min(perSignal, c * 2);
            ids[k] = java.util.Arrays.copyOf(ids[k], n);
            sources[k] = java.util.Arrays.copyOf(sources[k], n);
            lines[k] = java.util.Arrays.copyOf(lines[k], n);
        }
    }

    /** Writes the kinds' counts and events; a log that never cited anything is one zero. */
    void writeState(SnapshotWriter w) throws IOException {
        if (counts == null) {
            w.writeInt(0);
            return;
        }
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
        if (kinds == 0) {
            return;
        }
        if (kinds != KINDS) {
            throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("snapshot has evidence for " + kinds
                    + " signal kinds, this detector " + KINDS);
        }
        ensure();
        for (int k = 0; k < kinds; k++) {
            int c = r.readLength();
            if (c > perSignal) {
                throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("snapshot has " + c
                        + " evidence events for one signal, this profile keeps " + perSignal);
            }
            counts[k] = c;
            if (c > 0) {
                ids[k] = new long[c];
                sources[k] = new int[c];
                lines[k] = new long[c];
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
        if (counts == null) {
            return new ArrayList<>();
        }
        for (int k = 0; k < counts.length; k++) {
            for (int i = 0; i < counts[k]; i++) {
                byId.putIfAbsent(ids[k][i], new EvidenceRef(ids[k][i], sources[k][i], lines[k][i]));
            }
        }
        return new ArrayList<>(byId.values());
    }
}
