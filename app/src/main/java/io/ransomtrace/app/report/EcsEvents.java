package io.ransomtrace.app.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Evidence events as NDJSON with Elastic Common Schema field names (nested objects, one event a line), so IR can
 * load them into a SIEM next to their own data. Provenance goes to {@code log.file.path}/{@code log.offset}
 * and {@code ransomtrace.*}.
 */
public final class EcsEvents {

    /** Non-ASCII written as \\u escapes: exact for SIEM ingestion, inert when a terminal shows the file. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private EcsEvents() {
    }

    /** Writes every cited event of every chosen finding, one per line. */
    public static void write(CaseReport report, OutputStream out) throws IOException {
        Map<Integer, String> sourcePaths = new java.util.HashMap<>();
        for (SourceInfo s : report.sources()) {
            sourcePaths.put(s.id(), String.valueOf(s.path()));
        }
        for (FindingSection s : report.sections()) {
            for (StoredEvent e : s.evidence()) {
                try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                    event(g, e.event(), s.finding().id(), sourcePaths.get(e.event().provenance().sourceId()));
                }
                out.write('\n');
            }
        }
        out.flush();
    }

    /** The ECS {@code event.action} for an event ("rename", "exec"). */
    static String action(Event e) {
        if (e instanceof FileOp f) {
            return f.kind().name().toLowerCase(Locale.ROOT);
        } else if (e instanceof ProcessExec) {
            return "exec";
        } else if (e instanceof ProcessExit) {
            return "exit";
        } else if (e instanceof OtherRecord o) {
            return o.type();
        }
        return "unknown";
    }

    private static void event(JsonGenerator g, Event e, String findingId, String logPath) throws IOException {
        g.writeStartObject();
        g.writeStringField("@timestamp", e.time().toString());
        g.writeObjectFieldStart("ecs");
        g.writeStringField("version", "8.11.0");
        g.writeEndObject();
        g.writeObjectFieldStart("event");
        g.writeStringField("kind", "event");
        g.writeArrayFieldStart("category");
        g.writeString(e instanceof FileOp ? "file" : e instanceof OtherRecord ? "host" : "process");
        g.writeEndArray();
        g.writeArrayFieldStart("type");
        g.writeString(type(e));
        g.writeEndArray();
        g.writeStringField("action", action(e));
        if (e instanceof FileOp f) {
            g.writeStringField("outcome", f.success() ? "success" : "failure");
        } else if (e instanceof ProcessExec x) {
            g.writeStringField("outcome", x.success() ? "success" : "failure");
        }
        g.writeStringField("id", Long.toString(e.id()));
        g.writeEndObject();
        if (e.host() != null) {
            g.writeObjectFieldStart("host");
            g.writeStringField("name", e.host());
            g.writeEndObject();
        }
        process(g, e);
        user(g, e.actor().credentials());
        if (e instanceof FileOp f) {
            g.writeObjectFieldStart("file");
            g.writeStringField("path", f.path());
            if (f.targetPath() != null) {
                g.writeStringField("target_path", f.targetPath());
            }
            if (f.inode() >= 0) {
                g.writeStringField("inode", Long.toString(f.inode()));
            }
            g.writeEndObject();
        }
        if (e instanceof OtherRecord o && o.summary() != null) {
            g.writeStringField("message", o.summary());
        }
        g.writeObjectFieldStart("log");
        g.writeObjectFieldStart("file");
        g.writeStringField("path", logPath);
        g.writeEndObject();
        g.writeNumberField("offset", e.provenance().byteOffset());
        g.writeEndObject();
        g.writeObjectFieldStart("ransomtrace");
        g.writeStringField("finding_id", findingId);
        g.writeNumberField("source_id", e.provenance().sourceId());
        g.writeNumberField("line", e.provenance().line());
        if (e.provenance().nativeId() != null) {
            g.writeStringField("native_id", e.provenance().nativeId());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String type(Event e) {
        if (e instanceof FileOp f) {
            return switch (f.kind()) {
                case CREATE, MKDIR, LINK -> "creation";
                case DELETE, RMDIR -> "deletion";
                case CHMOD, CHOWN -> "change";
                default -> "change";
            };
        }
        if (e instanceof ProcessExec) {
            return "start";
        }
        if (e instanceof ProcessExit) {
            return "end";
        }
        return "info";
    }

    private static void process(JsonGenerator g, Event e) throws IOException {
        Actor a = e.actor();
        if (a.pid() < 0 && a.exe() == null) {
            return;
        }
        g.writeObjectFieldStart("process");
        g.writeNumberField("pid", a.pid());
        if (a.exe() != null) {
            g.writeStringField("executable", a.exe());
        }
        String name = a.exeName();
        if (name != null) {
            g.writeStringField("name", name);
        }
        if (a.entityId() != null) {
            g.writeStringField("entity_id", a.entityId());
        }
        if (e instanceof ProcessExec x) {
            g.writeArrayFieldStart("args");
            for (String arg : x.argv()) {
                g.writeString(arg);
            }
            g.writeEndArray();
            g.writeStringField("command_line", x.commandLine());
            if (x.cwd() != null) {
                g.writeStringField("working_directory", x.cwd());
            }
        }
        if (e instanceof ProcessExit x && x.exitCode() != null) {
            g.writeNumberField("exit_code", x.exitCode());
        }
        if (a.ppid() >= 0) {
            g.writeObjectFieldStart("parent");
            g.writeNumberField("pid", a.ppid());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void user(JsonGenerator g, Credentials c) throws IOException {
        if (c.uid() == Credentials.UNSET && c.user() == null && !c.hasLoginUid()) {
            return;
        }
        g.writeObjectFieldStart("user");
        if (Credentials.shownId(c.uid()) != null) {
            g.writeStringField("id", Long.toString(c.uid()));
        }
        if (c.user() != null) {
            g.writeStringField("name", c.user());
        }
        if (c.hasLoginUid() || c.loginUser() != null) {
            g.writeObjectFieldStart("audit");
            if (Credentials.shownId(c.loginUid()) != null) {
                g.writeStringField("id", Long.toString(c.loginUid()));
            }
            if (c.loginUser() != null) {
                g.writeStringField("name", c.loginUser());
            }
            g.writeEndObject();
        }
        if (Credentials.shownId(c.euid()) != null) {
            g.writeObjectFieldStart("effective");
            g.writeStringField("id", Long.toString(c.euid()));
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
