package io.ransomtrace.engine.snapshot;

import io.ransomtrace.engine.finding.AllowlistMatch;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.NoteSummary;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.finding.SignalMeasurement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Findings field by field: a detector holds closed findings until they are handed out. */
public final class FindingCodec {

    private FindingCodec() {
    }

    public static void write(SnapshotWriter w, Finding f) throws IOException {
        w.writeString(f.id());
        w.writeEnum(f.severity());
        w.writeInt(f.score());
        w.writeString(f.host());
        w.writeString(f.title());
        RootProcess r = f.rootProcess();
        w.writeBoolean(r != null);
        if (r != null) {
            w.writeInt(r.pid());
            w.writeInt(r.ppid());
            w.writeString(r.exe());
            w.writeString(r.commandLine());
            writeNullableLong(w, r.uid());
            w.writeString(r.user());
            writeNullableLong(w, r.loginUid());
            w.writeString(r.loginUser());
            w.writeString(r.parentExe());
            w.writeString(r.launchedBy());
        }
        w.writeStrings(f.tools());
        w.writeInstant(f.firstSeen());
        w.writeInstant(f.lastSeen());
        w.writeInstant(f.firstAlert());
        w.writeInt(f.filesAffected());
        w.writeStrings(f.files());
        w.writeInt(f.directoriesAffected());
        w.writeStrings(f.directories());
        w.writeStrings(f.extensions());
        w.writeEnum(f.overwrite());
        NoteSummary n = f.notes();
        w.writeStrings(n.names());
        w.writeInt(n.count());
        w.writeStrings(n.directories());
        w.writeInt(f.signals().size());
        for (SignalMeasurement s : f.signals()) {
            w.writeString(s.kind());
            w.writeString(s.description());
            w.writeDouble(s.value());
            w.writeDouble(s.threshold());
            w.writeBoolean(s.fired());
            w.writeDouble(s.contribution());
        }
        w.writeBoolean(f.filesBeforeFirstHighAlert() != null);
        if (f.filesBeforeFirstHighAlert() != null) {
            w.writeInt(f.filesBeforeFirstHighAlert());
        }
        w.writeBoolean(f.suppressed());
        AllowlistMatch a = f.allowlist();
        w.writeBoolean(a != null);
        if (a != null) {
            w.writeString(a.entryId());
            w.writeString(a.reason());
            w.writeString(a.author());
            w.writeEnum(a.originalSeverity());
        }
        w.writeInt(f.evidence().size());
        for (EvidenceRef e : f.evidence()) {
            w.writeLong(e.eventId());
            w.writeInt(e.source());
            w.writeLong(e.line());
        }
    }

    public static Finding read(SnapshotReader r) throws IOException {
        String id = r.readString();
        Severity severity = r.readEnum(Severity.values());
        int score = r.readInt();
        String host = r.readString();
        String title = r.readString();
        RootProcess root = null;
        if (r.readBoolean()) {
            root = new RootProcess(r.readInt(), r.readInt(), r.readString(), r.readString(), readNullableLong(r),
                    r.readString(), readNullableLong(r), r.readString(), r.readString(), r.readString());
        }
        List<String> tools = r.readStringList();
        var firstSeen = r.readInstant();
        var lastSeen = r.readInstant();
        var firstAlert = r.readInstant();
        int filesAffected = r.readInt();
        List<String> files = r.readStringList();
        int directoriesAffected = r.readInt();
        List<String> directories = r.readStringList();
        List<String> extensions = r.readStringList();
        OverwriteKind overwrite = r.readEnum(OverwriteKind.values());
        NoteSummary notes = new NoteSummary(r.readStringList(), r.readInt(), r.readStringList());
        int signalCount = r.readLength();
        List<SignalMeasurement> signals = new ArrayList<>(signalCount);
        for (int i = 0; i < signalCount; i++) {
            signals.add(new SignalMeasurement(r.readString(), r.readString(), r.readDouble(), r.readDouble(),
                    r.readBoolean(), r.readDouble()));
        }
        Integer filesBeforeHigh = r.readBoolean() ? r.readInt() : null;
        boolean suppressed = r.readBoolean();
        AllowlistMatch allowlist = null;
        if (r.readBoolean()) {
            allowlist = new AllowlistMatch(r.readString(), r.readString(), r.readString(), r.readEnum(Severity.values()));
        }
        int evidenceCount = r.readLength();
        List<EvidenceRef> evidence = new ArrayList<>(evidenceCount);
        for (int i = 0; i < evidenceCount; i++) {
            evidence.add(new EvidenceRef(r.readLong(), r.readInt(), r.readLong()));
        }
        return new Finding(id, severity, score, host, title, root, tools, firstSeen, lastSeen, firstAlert,
                filesAffected, files, directoriesAffected, directories, extensions, overwrite, notes, signals,
                filesBeforeHigh, suppressed, allowlist, evidence);
    }

    private static void writeNullableLong(SnapshotWriter w, Long v) throws IOException {
        w.writeBoolean(v != null);
        if (v != null) {
            w.writeLong(v);
        }
    }

    private static Long readNullableLong(SnapshotReader r) throws IOException {
        return r.readBoolean() ? r.readLong() : null;
    }
}
