package io.ransomtrace.app.store;

import io.ransomtrace.engine.finding.AllowlistMatch;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.NoteSummary;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.finding.SignalMeasurement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding packed for keeping in the case: every component of the engine's record, in order, as varints and
 * length-prefixed UTF-8 (enums by name). Opening a case reads thousands of kept findings before the window can
 * show them; reading these takes a fraction of what reading the same as JSON through reflection takes, the
 * first time in a fresh process above all. {@link #FORMAT} changes whenever the layout does; a kept analysis
 * of another format is not read (the case is analysed again).
 */
final class FindingCodec {
    /** The layout's version. */
    static final int FORMAT = 1;

    private FindingCodec() {
    }

    static byte[] encode(Finding f) {
        PackedWriter w = new PackedWriter(1024);
        w.string(f.id());
        w.string(f.severity().name());
        w.signed(f.score());
        w.nullableString(f.host());
        w.nullableString(f.title());
        RootProcess r = f.rootProcess();
        w.put(r == null ? 0 : 1);
        if (r != null) {
            w.signed(r.pid());
            w.signed(r.ppid());
            w.nullableString(r.exe());
            w.nullableString(r.commandLine());
            nullableLong(w, r.uid());
            w.nullableString(r.user());
            nullableLong(w, r.loginUid());
            w.nullableString(r.loginUser());
            w.nullableString(r.parentExe());
            w.nullableString(r.launchedBy());
        }
        strings(w, f.tools());
        instant(w, f.firstSeen());
        instant(w, f.lastSeen());
        instant(w, f.firstAlert());
        w.signed(f.filesAffected());
        strings(w, f.files());
        w.signed(f.directoriesAffected());
        strings(w, f.directories());
        strings(w, f.extensions());
        w.nullableString(f.overwrite() == null ? null : f.overwrite().name());
        NoteSummary n = f.notes();
        w.put(n == null ? 0 : 1);
        if (n != null) {
            strings(w, n.names());
            w.signed(n.count());
            strings(w, n.directories());
        }
        w.varint(f.signals().size());
        for (SignalMeasurement s : f.signals()) {
            w.string(s.kind());
            w.nullableString(s.description());
            w.fixed64(Double.doubleToRawLongBits(s.value()));
            w.fixed64(Double.doubleToRawLongBits(s.threshold()));
            w.put(s.fired() ? 1 : 0);
            w.fixed64(Double.doubleToRawLongBits(s.contribution()));
        }
        nullableLong(w, f.filesBeforeFirstHighAlert() == null ? null : (long) f.filesBeforeFirstHighAlert());
        w.put(f.suppressed() ? 1 : 0);
        AllowlistMatch a = f.allowlist();
        w.put(a == null ? 0 : 1);
        if (a != null) {
            w.nullableString(a.entryId());
            w.nullableString(a.reason());
            w.nullableString(a.author());
            w.nullableString(a.originalSeverity() == null ? null : a.originalSeverity().name());
        }
        w.varint(f.evidence().size());
        long previous = 0;
        for (EvidenceRef e : f.evidence()) {
            w.signed(e.eventId() - previous); // in id order: small differences
            previous = e.eventId();
            w.signed(e.source());
            w.signed(e.line());
        }
        return w.toArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a finding of this format */
    static Finding decode(byte[] data) {
        try {
            PackedReader in = new PackedReader(data);
            String id = in.string();
            Severity severity = Severity.valueOf(in.string());
            int score = (int) in.signed();
            String host = in.nullableString();
            String title = in.nullableString();
            RootProcess root = null;
            if (in.get() != 0) {
                root = new RootProcess((int) in.signed(), (int) in.signed(), in.nullableString(), in.nullableString(),
                        nullableLong(in), in.nullableString(), nullableLong(in), in.nullableString(),
                        in.nullableString(), in.nullableString());
            }
            List<String> tools = strings(in);
            Instant firstSeen = instant(in);
            Instant lastSeen = instant(in);
            Instant firstAlert = instant(in);
            int filesAffected = (int) in.signed();
            List<String> files = strings(in);
            int directoriesAffected = (int) in.signed();
            List<String> directories = strings(in);
            List<String> extensions = strings(in);
            String overwrite = in.nullableString();
            NoteSummary notes = in.get() == 0 ? null : new NoteSummary(strings(in), (int) in.signed(), strings(in));
            int signalCount = (int) in.varint();
            List<SignalMeasurement> signals = new ArrayList<>(signalCount);
            for (int i = 0; i < signalCount; i++) {
                signals.add(new SignalMeasurement(in.string(), in.nullableString(),
                        Double.longBitsToDouble(in.fixed64()), Double.longBitsToDouble(in.fixed64()), in.get() != 0,
                        Double.longBitsToDouble(in.fixed64())));
            }
            Long before = nullableLong(in);
            boolean suppressed = in.get() != 0;
            AllowlistMatch allowlist = null;
            if (in.get() != 0) {
                String entry = in.nullableString();
                String reason = in.nullableString();
                String author = in.nullableString();
                String original = in.nullableString();
                allowlist = new AllowlistMatch(entry, reason, author, original == null ? null : Severity.valueOf(original));
            }
            int evidenceCount = (int) in.varint();
            List<EvidenceRef> evidence = new ArrayList<>(evidenceCount);
            long eventId = 0;
            for (int i = 0; i < evidenceCount; i++) {
                eventId += in.signed();
                evidence.add(new EvidenceRef(eventId, (int) in.signed(), in.signed()));
            }
            if (!in.atEnd()) {
                throw new IllegalArgumentException(in.remaining() + " bytes left over");
            }
            return new Finding(id, severity, score, host, title, root, tools, firstSeen, lastSeen, firstAlert,
                    filesAffected, files, directoriesAffected, directories, extensions,
                    overwrite == null ? null : OverwriteKind.valueOf(overwrite), notes, signals,
                    before == null ? null : before.intValue(), suppressed, allowlist, evidence);
        } catch (IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("not a kept finding: " + e, e);
        }
    }

    private static void strings(PackedWriter w, List<String> list) {
        w.varint(list.size());
        for (String s : list) {
            w.nullableString(s);
        }
    }

    private static List<String> strings(PackedReader in) {
        int n = (int) in.varint();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.nullableString());
        }
        return out;
    }

    private static void nullableLong(PackedWriter w, Long v) {
        w.put(v == null ? 0 : 1);
        if (v != null) {
            w.signed(v);
        }
    }

    private static Long nullableLong(PackedReader in) {
        return in.get() == 0 ? null : in.signed();
    }

    private static void instant(PackedWriter w, Instant t) {
        w.put(t == null ? 0 : 1);
        if (t != null) {
            w.signed(t.getEpochSecond());
            w.varint(t.getNano());
        }
    }

    private static Instant instant(PackedReader in) {
        return in.get() == 0 ? null : Instant.ofEpochSecond(in.signed(), in.varint());
    }
}
