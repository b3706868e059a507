package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.store.EventKind;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.ProgramName;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.inspector.EvidenceLine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps stored events onto the events grid's rows, naming each event's source file. */
public final class EventRows {
    private final Map<Integer, SourceInfo> sources = new HashMap<>();

    public EventRows(List<SourceInfo> sources) {
        for (SourceInfo s : sources) {
            this.sources.put(s.id(), s);
        }
    }

    public SourceInfo source(int sourceId) {
        return sources.get(sourceId);
    }

    public EventRow row(StoredEvent stored) {
        Event e = stored.event();
        Actor a = actor(e);
        Provenance p = provenance(e);
        String kind;
        String path = null;
        String target = null;
        String result;
        if (e instanceof FileOp f) {
            kind = EventKind.of(f).name();
            path = f.path();
            target = f.targetPath();
            result = f.success() ? "ok" : "failed";
        } else if (e instanceof ProcessExec x) {
            kind = "EXEC";
            path = x.argv().isEmpty() ? null : String.join(" ", x.argv());
            result = x.success() ? "ok" : "failed";
        } else if (e instanceof ProcessExit x) {
            kind = "EXIT";
            result = x.exitCode() == null ? "" : "exit " + x.exitCode();
        } else {
            OtherRecord o = (OtherRecord) e;
            kind = o.type();
            path = o.summary();
            result = "";
        }
        SourceInfo s = p == null ? null : sources.get(p.sourceId());
        String sourceName = s == null ? (p == null ? "" : "source " + p.sourceId())
                : s.path().getFileName() == null ? s.path().toString() : s.path().getFileName().toString();
        Credentials c = a == null ? null : a.credentials();
        String user = c == null ? null : c.user() != null ? c.user() : c.euid() >= 0 ? "uid " + c.euid()
                : c.uid() >= 0 ? "uid " + c.uid() : null;
        String login = c == null ? null : c.loginUser() != null ? c.loginUser()
                : c.hasLoginUid() ? "uid " + c.loginUid() : null;
        return new EventRow(id(e), time(e), host(e), a == null ? -1 : a.pid(), a == null ? null : a.exe(), kind,
                path, target, result, sourceName, p == null ? -1 : p.line(), user, login,
                stored.processKey() == null ? null : String.valueOf(stored.processKey()));
    }

    /** The name under which the grid shows a source (its file name), for the source filter. */
    public String sourceName(SourceInfo s) {
        return s.path().getFileName() == null ? s.path().toString() : s.path().getFileName().toString();
    }

    /** The ids of the sources the grid shows under {@code name} (two folders may hold an audit.log each). */
    public java.util.Set<Integer> sourceIds(String name) {
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (SourceInfo s : sources.values()) {
            if (sourceName(s).equals(name)) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    public EvidenceLine evidence(StoredEvent stored) {
        EventRow r = row(stored);
        StringBuilder b = new StringBuilder(r.kind()).append(' ');
        if (r.path() != null) {
            b.append(r.path());
        }
        if (r.targetPath() != null) {
            b.append(" → ").append(r.targetPath());
        }
        b.append("  by ").append(ProgramName.of(r.exe(), "?")).append('[').append(r.pid()).append(']');
        return new EvidenceLine(r.eventId(), r.time(), b.toString());
    }

    public static Actor actor(Event e) {
        return e.actor();
    }

    public static Provenance provenance(Event e) {
        return e.provenance();
    }

    static long id(Event e) {
        return e.id();
    }

    static java.time.Instant time(Event e) {
        return e.time();
    }

    static String host(Event e) {
        return e.host();
    }
}
