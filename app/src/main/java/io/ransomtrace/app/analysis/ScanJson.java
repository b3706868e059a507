package io.ransomtrace.app.analysis;

import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.SignalMeasurement;

import java.time.Instant;
import java.util.List;

/**
 * The JSON document {@code ransomtrace scan --json} writes and {@code report --format json} exports. Automation
 * depends on it: fields may be added, never renamed or removed (see README, "scan JSON").
 * Times are ISO-8601 UTC strings; pids and uids numbers; {@code loginUid} null when unset.
 */
public final class ScanJson {

    public static final int SCHEMA_VERSION = 1;

    private ScanJson() {
    }

    public record Document(int schemaVersion, Summary summary, List<FindingJson> findings) {
    }

    /**
     * @param evictions what the detector's memory caps let go during a scan (all zero on an ordinary log); null
     *                  for documents built from a case
     */
    public record Summary(List<Input> inputs, long events, long errors, List<String> hosts, Evictions evictions) {
        public Summary(List<Input> inputs, long events, long errors, List<String> hosts) {
            this(inputs, events, errors, hosts, null);
        }
    }

    /** {@link io.ransomtrace.engine.Evictions} in the JSON document. */
    public record Evictions(long processes, long keptProcesses, long quietCampaigns, long closedEarly, long cappedCampaigns) {
        public static Evictions of(io.ransomtrace.engine.Evictions e) {
            return new Evictions(e.processes(), e.keptProcesses(), e.quietCampaigns(), e.closedEarly(), e.cappedCampaigns());
        }
    }

    public record Input(String path, String format, long records, long events, long errors) {
    }

    public record FindingJson(String id, String severity, int score, String host, String title, RootProcessJson rootProcess,
                              List<String> tools, String firstSeen, String lastSeen, String firstAlert,
                              int filesAffected, int directoriesAffected, List<String> extensions, String overwrite,
                              Notes notes, List<Signal> signals, Integer filesBeforeFirstHighAlert,
                              boolean suppressed, String suppressedBy, List<Evidence> evidence,
                              List<String> files, List<String> directories, Analyst analyst) {
    }

    /**
     * What the analyst added to a finding in a case (tags, and notes with what each is attached to: "finding",
     * "process 4711 (…)", "event 12"); null where there is no case ({@code scan}).
     */
    public record Analyst(List<String> tags, List<AnalystNote> notes) {
    }

    public record AnalystNote(String about, String text) {
    }

    /** {@code launchedBy}: the script that started the root program, when the root is the program it launched. */
    public record RootProcessJson(int pid, int ppid, String exe, String commandLine, Long uid, String user,
                                  Long loginUid, String loginUser, String parentExe, String launchedBy) {
    }

    public record Notes(List<String> names, int count, List<String> directories) {
    }

    public record Signal(String kind, String description, double value, double threshold, boolean fired,
                         double contribution) {
    }

    public record Evidence(long eventId, int source, long line) {
    }

    public static FindingJson of(Finding f) {
        return of(f, null);
    }

    /** A finding with the analyst's tags and notes from the case ({@code analyst} null when there is no case). */
    public static FindingJson of(Finding f, Analyst analyst) {
        RootProcess r = f.rootProcess();
        return new FindingJson(f.id(), f.severity().label(), f.score(), f.host(), f.title(),
                r == null ? null : new RootProcessJson(r.pid(), r.ppid(), r.exe(), r.commandLine(), r.uid(), r.user(),
                        r.loginUid(), r.loginUser(), r.parentExe(), r.launchedBy()),
                f.tools(), time(f.firstSeen()), time(f.lastSeen()), time(f.firstAlert()),
                f.filesAffected(), f.directoriesAffected(), f.extensions(), f.overwrite().label(),
                new Notes(f.notes().names(), f.notes().count(), f.notes().directories()),
                f.signals().stream().map(ScanJson::signal).toList(), f.filesBeforeFirstHighAlert(), f.suppressed(),
                f.allowlist() == null ? null : f.allowlist().reason() + " (" + f.allowlist().author() + ")",
                f.evidence().stream().map(e -> new Evidence(e.eventId(), e.source(), e.line())).toList(),
                f.files(), f.directories(), analyst);
    }

    private static Signal signal(SignalMeasurement s) {
        return new Signal(s.kind(), s.description(), s.value(), s.threshold(), s.fired(), s.contribution());
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
