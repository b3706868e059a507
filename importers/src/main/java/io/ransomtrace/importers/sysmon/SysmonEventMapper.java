package io.ransomtrace.importers.sysmon;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.edr.RecordRejected;
import io.ransomtrace.importers.edr.Texts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Sysmon for Linux events onto the event model.
 *
 * <table>
 *   <caption>Event ids</caption>
 *   <tr><th>EventID</th><th>Sysmon name</th><th>becomes</th></tr>
 *   <tr><td>1</td><td>ProcessCreate</td><td>{@link ProcessExec} (argv split from CommandLine, cwd from
 *       CurrentDirectory, ppid from ParentProcessId, parent entity from ParentProcessGuid)</td></tr>
 *   <tr><td>5</td><td>ProcessTerminate</td><td>{@link ProcessExit} (exit code unknown)</td></tr>
 *   <tr><td>11</td><td>FileCreate</td><td>{@link FileOp} CREATE of TargetFilename</td></tr>
 *   <tr><td>23, 26</td><td>FileDelete, FileDeleteDetected</td><td>{@link FileOp} DELETE of TargetFilename</td></tr>
 *   <tr><td>any other (3, 4, 9, 16, 255 ...)</td><td></td><td>{@link OtherRecord} {@code sysmon:<id>}</td></tr>
 * </table>
 *
 * <p>Users: {@code User} is the process's user name ({@link Credentials#user()}). Sysmon for Linux fills
 * {@code LogonId} with the audit login uid of the process and {@code TerminalSessionId} with its audit session,
 * so they become {@link Credentials#loginUid()} and {@link Credentials#session()}; no login user name is given.
 * Numeric uid/euid/gid are not in Sysmon events and stay unset.
 */
public final class SysmonEventMapper {

    private static final int MAX_FIELDS = 24;

    private SysmonEventMapper() {
    }

    /** The record type name used in import statistics, e.g. {@code sysmon:1}. */
    public static String recordType(SysmonRecord r) {
        return "sysmon:" + r.eventId();
    }

    /** True when the event id maps to an exec, exit or file operation. */
    public static boolean isMapped(int eventId) {
        return eventId == 1 || eventId == 5 || eventId == 11 || eventId == 23 || eventId == 26;
    }

    /** Maps a record and counts it: an exec, exit or file operation as mapped, anything else as an other record. */
    static void deliver(SysmonRecord r, io.ransomtrace.importers.edr.ImportTally tally, Provenance provenance)
            throws RecordRejected {
        Event event = map(r, tally.nextEventId(), provenance);
        tally.seenHost(event.host());
        if (event instanceof OtherRecord) {
            tally.other(event, 1, recordType(r));
        } else {
            tally.mapped(event, 1, recordType(r));
        }
    }

    public static Event map(SysmonRecord r, long id, Provenance provenance) throws RecordRejected {
        Instant time = Texts.parseTime(r.get("UtcTime"));
        if (time == null) {
            time = Texts.parseTime(r.systemTime());
        }
        if (time == null) {
            throw new RecordRejected("Sysmon event " + r.eventId() + " has no readable UtcTime or SystemTime");
        }
        // an event without Computer is one host's, as an audit.log without node= is (the text importer names it)
        String host = r.computer() != null ? r.computer() : io.ransomtrace.importers.SourceFile.UNKNOWN_HOST;
        switch (r.eventId()) {
            case 1 -> {
                Actor actor = actor(r, "ProcessId", "ParentProcessId", "Image", true);
                String commandLine = r.get("CommandLine");
                List<String> argv = Texts.splitCommandLine(commandLine);
                return new ProcessExec(id, time, host, actor, argv, commandLine == null,
                        Texts.blankToNull(r.get("CurrentDirectory")), null,
                        guid(r.get("ParentProcessGuid")), true, provenance);
            }
            case 5 -> {
                return new ProcessExit(id, time, host, actor(r, "ProcessId", null, "Image", true), null, provenance);
            }
            case 11, 23, 26 -> {
                String target = Texts.blankToNull(r.get("TargetFilename"));
                if (target == null) {
                    throw new RecordRejected("Sysmon file event " + r.eventId() + " has no TargetFilename");
                }
                FileOpKind kind = r.eventId() == 11 ? FileOpKind.CREATE : FileOpKind.DELETE;
                return new FileOp(id, time, host, actor(r, "ProcessId", null, "Image", false), kind, target, null, 0,
                        -1, true, -1, null, provenance);
            }
            default -> {
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : r.data().entrySet()) {
                    if (fields.size() >= MAX_FIELDS) {
                        break;
                    }
                    fields.put(e.getKey(), Texts.cap(e.getValue(), 512));
                }
                Actor actor = r.get("ProcessId") != null ? actor(r, "ProcessId", null, "Image", false) : Actor.NONE;
                String summary = "Sysmon event " + r.eventId()
                        + (r.get("RuleName") != null && !"-".equals(r.get("RuleName")) ? " (" + r.get("RuleName") + ")" : "")
                        + (actor.exe() != null ? " by " + actor.exe() : "");
                return new OtherRecord(id, time, host, actor, recordType(r), summary, fields, provenance);
            }
        }
    }

    private static Actor actor(SysmonRecord r, String pidField, String ppidField, String imageField, boolean strictPid)
            throws RecordRejected {
        int pid = Texts.parseInt(r.get(pidField), -1);
        if (pid < 0 && strictPid) {
            throw new RecordRejected("Sysmon event " + r.eventId() + " has no numeric " + pidField);
        }
        int ppid = ppidField == null ? -1 : Texts.parseInt(r.get(ppidField), -1);
        String exe = Texts.blankToNull(r.get(imageField));
        Credentials creds = new Credentials(Credentials.UNSET, Credentials.UNSET, Credentials.UNSET,
                Credentials.normalizeId(Texts.parseLong(r.get("LogonId"), Credentials.UNSET)),
                Credentials.normalizeId(Texts.parseLong(r.get("TerminalSessionId"), Credentials.UNSET)),
                Texts.blankToNull(r.get("User")), null);
        return new Actor(pid, ppid, exe, null, creds, guid(r.get("ProcessGuid")));
    }

    /**
     * A process GUID, or null for none: Sysmon for Linux writes the all-zero GUID for a process it did not see start
     * (a file event of a daemon started before it, a parent it has no record of), which names no process — taken as an
     * id it would make every such process one.
     */
    static String guid(String value) {
        String v = Texts.blankToNull(value);
        if (v == null) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '0' && c != '-' && c != '{' && c != '}') {
                return v;
            }
        }
        return null;
    }
}
