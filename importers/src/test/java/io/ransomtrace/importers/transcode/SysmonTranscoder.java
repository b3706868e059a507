package io.ransomtrace.importers.transcode;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event → Sysmon for Linux XML lines behind a syslog header. What Sysmon can say: exec (1), exit (5), file
 * create (11), file delete (26). A rename becomes what Sysmon records of it, the new name created (11) and the
 * old one deleted (26); a write, truncate, chmod, chown, link or directory change has no Sysmon event and
 * produces nothing (see {@link #expressible}).
 */
public final class SysmonTranscoder {
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SYSLOG =
            DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);

    private SysmonTranscoder() {
    }

    public static boolean expressible(FileOpKind kind) {
        return kind == FileOpKind.CREATE || kind == FileOpKind.DELETE || kind == FileOpKind.RENAME;
    }

    public static List<String> toLines(Event event, long recordId) {
        List<String> out = new ArrayList<>();
        String host = event.host() == null ? "localhost" : event.host();
        String prefix = SYSLOG.format(event.time()) + " " + host + " sysmon[812]: ";
        Actor a = event.actor();
        if (event instanceof ProcessExec exec) {
                Map<String, String> d = base(event);
                d.put("ProcessGuid", guid(a));
                d.put("ProcessId", String.valueOf(a.pid()));
                d.put("Image", a.exe() == null ? "-" : a.exe());
                d.put("CommandLine", String.join(" ", exec.argv()));
                d.put("CurrentDirectory", exec.cwd() == null ? "-" : exec.cwd());
                d.put("User", a.credentials().user() == null ? "-" : a.credentials().user());
                d.put("LogonId", String.valueOf(Math.max(a.credentials().loginUid(), 0)));
                d.put("ParentProcessGuid", exec.parentEntityId() == null ? "-" : exec.parentEntityId());
                d.put("ParentProcessId", String.valueOf(a.ppid()));
                out.add(prefix + xml(1, recordId, event, d));
            } else if (event instanceof ProcessExit exit) {
                Map<String, String> d = base(event);
                d.put("ProcessGuid", guid(a));
                d.put("ProcessId", String.valueOf(a.pid()));
                d.put("Image", a.exe() == null ? "-" : a.exe());
                out.add(prefix + xml(5, recordId, event, d));
            } else if (event instanceof FileOp op) {
                if (op.kind() == FileOpKind.CREATE) {
                    out.add(prefix + xml(11, recordId, event, file(event, op.path())));
                } else if (op.kind() == FileOpKind.DELETE) {
                    out.add(prefix + xml(26, recordId, event, file(event, op.path())));
                } else if (op.kind() == FileOpKind.RENAME) {
                    out.add(prefix + xml(11, recordId, event, file(event, op.targetPath())));
                    out.add(prefix + xml(26, recordId, event, file(event, op.path())));
                }
            } else if (event instanceof OtherRecord) {
                out.add(prefix + xml(255, recordId, event, base(event)));
            }
        return out;
    }

    /**
     * The same events as {@code sysmonLogView} prints them: {@code Event SYSMONEVENT_…} and tab-indented fields, no
     * host name (the text form has none).
     */
    public static List<String> toText(Event event) {
        List<String> out = new ArrayList<>();
        for (String line : toLines(event, 0)) {
            int id = Integer.parseInt(line.substring(line.indexOf("<EventID>") + 9, line.indexOf("</EventID>")));
            String name = switch (id) {
                case 1 -> "CREATE_PROCESS";
                case 5 -> "PROCESS_TERMINATE";
                case 11 -> "FILE_CREATE";
                case 26 -> "FILE_DELETE_DETECTED";
                default -> "ERROR";
            };
            out.add("Event SYSMONEVENT_" + name);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Data Name=\"([^\"]+)\">([^<]*)</Data>")
                    .matcher(line);
            while (m.find()) {
                out.add("\t" + m.group(1) + ": " + m.group(2).replace("&quot;", "\"").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&amp;", "&"));
            }
        }
        return out;
    }

    private static Map<String, String> base(Event e) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("RuleName", "-");
        d.put("UtcTime", UTC_TIME.format(e.time()));
        return d;
    }

    private static Map<String, String> file(Event e, String path) {
        Map<String, String> d = base(e);
        d.put("ProcessGuid", guid(e.actor()));
        d.put("ProcessId", String.valueOf(e.actor().pid()));
        d.put("Image", e.actor().exe() == null ? "-" : e.actor().exe());
        d.put("TargetFilename", path);
        d.put("User", e.actor().credentials().user() == null ? "-" : e.actor().credentials().user());
        return d;
    }

    private static String guid(Actor a) {
        return a.entityId() != null ? a.entityId() : String.format("{00000000-0000-0000-%04x-000000000000}", a.pid() & 0xffff);
    }

    private static String xml(int eventId, long recordId, Event e, Map<String, String> data) {
        StringBuilder sb = new StringBuilder("<Event><System><Provider Name=\"Linux-Sysmon\" "
                + "Guid=\"{ff032593-a8d3-4f13-b0d6-01fc615a0f97}\"/><EventID>").append(eventId)
                .append("</EventID><Version>5</Version><Level>4</Level><TimeCreated SystemTime=\"").append(e.time())
                .append("\"/><EventRecordID>").append(recordId).append("</EventRecordID><Channel>Linux-Sysmon/Operational"
                        + "</Channel><Computer>").append(escape(e.host() == null ? "localhost" : e.host()))
                .append("</Computer></System><EventData>");
        data.forEach((k, v) -> sb.append("<Data Name=\"").append(k).append("\">").append(escape(v)).append("</Data>"));
        return sb.append("</EventData></Event>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
