package io.ransomtrace.fleet.job;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.SignalMeasurement;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Findings in the JSON contract of {@code ransomtrace scan --json} (README "JSON contract", {@code schemaVersion}
 * 1): the same fields, names and order as the application's {@code ScanJson}, which this module cannot depend on;
 * {@code FleetLocalMatchesScanE2ETest} compares the two documents. Fleet adds two fields (the contract allows
 * additions): {@code stream}, the host stream (Kafka key) the finding came from, and {@code extract}, the host's
 * raw lines around the finding (what a case is built from in the workbench).
 */
public final class FindingJson {
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private FindingJson() {
    }

    public record Document(int schemaVersion, Summary summary, List<FleetFinding> findings) {
    }

    /**
     * @param evictions what the detectors' memory caps let go, summed over the hosts (each host's detector has caps
     *                  of its own here, where scan's one detector shares them across hosts)
     */
    public record Summary(List<Input> inputs, long events, long errors, List<String> hosts, Evictions evictions) {
    }

    /** The fields of scan's {@code summary.evictions}. */
    public record Evictions(long processes, long keptProcesses, long quietCampaigns, long closedEarly,
                            long cappedCampaigns) {
    }

    public record Input(String path, String format, long records, long events, long errors) {
    }

    public record FleetFinding(String id, String severity, int score, String host, String title,
                               RootProcessJson rootProcess, List<String> tools, String firstSeen, String lastSeen,
                               String firstAlert, int filesAffected, int directoriesAffected, List<String> extensions,
                               String overwrite, Notes notes, List<Signal> signals, Integer filesBeforeFirstHighAlert,
                               boolean suppressed, String suppressedBy, List<Evidence> evidence, List<String> files,
                               List<String> directories, Analyst analyst, String stream, Extract extract) {
    }

    /** The analyst's tags and notes in a case (as {@code ScanJson.Analyst}); always null here: a stream has no case. */
    public record Analyst(List<String> tags, List<AnalystNote> notes) {
    }

    public record AnalystNote(String about, String text) {
    }

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

    /**
     * The host's lines around the finding: those before it first reached the alert severity and those after (up to
     * about 640 KB of text), as shipped. {@code line} is the line's position in the host's stream (what {@code evidence[].line} cites),
     * {@code offset} its offset in the input topic's {@code partition}.
     */
    public record Extract(int partition, List<ExtractLine> lines) {
    }

    public record ExtractLine(long line, long offset, String text) {
    }

    public static FleetFinding of(Finding f, String stream, Extract extract) {
        RootProcess r = f.rootProcess();
        return new FleetFinding(f.id(), f.severity().label(), f.score(), f.host(), f.title(),
                r == null ? null : new RootProcessJson(r.pid(), r.ppid(), r.exe(), r.commandLine(), r.uid(), r.user(),
                        r.loginUid(), r.loginUser(), r.parentExe(), r.launchedBy()),
                f.tools(), time(f.firstSeen()), time(f.lastSeen()), time(f.firstAlert()),
                f.filesAffected(), f.directoriesAffected(), f.extensions(), f.overwrite().label(),
                new Notes(f.notes().names(), f.notes().count(), f.notes().directories()),
                f.signals().stream().map(FindingJson::signal).toList(), f.filesBeforeFirstHighAlert(), f.suppressed(),
                f.allowlist() == null ? null : f.allowlist().reason() + " (" + f.allowlist().author() + ")",
                f.evidence().stream().map(e -> new Evidence(e.eventId(), e.source(), e.line())).toList(),
                f.files(), f.directories(), null, stream, extract);
    }

    /** One finding as a message of the findings topic: the finding object with {@code schemaVersion} first. */
    public static String message(FleetFinding finding) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schemaVersion", SCHEMA_VERSION);
        node.setAll((ObjectNode) MAPPER.valueToTree(finding));
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a finding could not be written as JSON", e);
        }
    }

    /** Reads a message of the findings topic back. */
    public static FleetFinding readMessage(String json) throws IOException {
        ObjectNode node = (ObjectNode) MAPPER.readTree(json);
        node.remove("schemaVersion");
        return MAPPER.treeToValue(node, FleetFinding.class);
    }

    public static void write(Document doc, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            PRETTY.writeValue(out, doc);
        }
    }

    private static Signal signal(SignalMeasurement s) {
        return new Signal(s.kind(), s.description(), s.value(), s.threshold(), s.fired(), s.contribution());
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
