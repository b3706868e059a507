package io.ransomtrace.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.SignalMeasurement;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An ATT&CK Navigator layer (format 4.5) marking the techniques the chosen findings show, each with a comment
 * saying which finding showed it and why: T1486 always; T1485 when a wiping tool ran; T1070.004 when files were
 * deleted; T1059.004 when a Unix shell drove the campaign; T1083 when discovery commands (find, ls) ran in it.
 */
public final class NavigatorLayer {

    static final Set<String> WIPERS = Set.of("shred", "wipe", "srm", "dd", "truncate", "scrub");
    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "ash", "busybox", "fish");
    static final Set<String> DISCOVERY = Set.of("find", "ls", "locate", "tree", "du", "fd", "mlocate");

    /** One technique and the reasons it is marked. */
    public record Technique(String id, String tactic, String name, List<String> reasons) {
    }

    private NavigatorLayer() {
    }

    public static List<Technique> techniques(CaseReport report) {
        Map<String, Technique> out = new LinkedHashMap<>();
        for (FindingSection s : report.sections()) {
            Finding f = s.finding();
            String who = f.id() + " on " + f.host();
            add(out, "T1486", "impact", "Data Encrypted for Impact", who + ": " + f.filesAffected() + " files changed"
                    + (f.extensions().isEmpty() ? "" : ", new extension " + f.extensions().get(0)) + ", score " + f.score());
            Set<String> programs = programs(s);
            Set<String> wipers = intersect(programs, WIPERS);
            boolean truncated = s.evidence().stream().anyMatch(e -> e.event() instanceof FileOp op && op.kind() == FileOpKind.TRUNCATE && op.success());
            if (!wipers.isEmpty()) {
                add(out, "T1485", "impact", "Data Destruction", who + ": destroying tool run (" + String.join(", ", wipers) + ")");
            } else if (truncated && f.overwrite() == OverwriteKind.IN_PLACE) {
                add(out, "T1485", "impact", "Data Destruction", who + ": originals truncated and overwritten in place");
            }
            SignalMeasurement del = f.signal("delete-after-encrypt");
            boolean deletedInEvidence = s.evidence().stream().anyMatch(e -> e.event() instanceof FileOp op
                    && op.kind() == FileOpKind.DELETE && op.success());
            if ((del != null && del.fired()) || f.overwrite() == OverwriteKind.NEW_FILE_THEN_DELETE || deletedInEvidence
                    || programs.contains("rm")) {
                add(out, "T1070.004", "defense-evasion", "Indicator Removal: File Deletion", who + ": "
                        + (del != null && del.fired() ? "originals deleted after encryption (" + del.description() + ")"
                        : "files deleted by the campaign"));
            }
            Set<String> shells = intersect(programs, SHELLS);
            SignalMeasurement bulk = f.signal("bulk-invocation");
            if (!shells.isEmpty()) {
                add(out, "T1059.004", "execution", "Command and Scripting Interpreter: Unix Shell", who + ": "
                        + String.join(", ", shells) + " in the process chain" + (bulk != null && bulk.fired() ? "; bulk invocation: " + bulk.description() : ""));
            }
            Set<String> discovery = intersect(programs, DISCOVERY);
            if (!discovery.isEmpty()) {
                add(out, "T1083", "discovery", "File and Directory Discovery", who + ": " + String.join(", ", discovery)
                        + " enumerated the files to encrypt");
            }
        }
        return new ArrayList<>(out.values());
    }

    public static void write(CaseReport report, OutputStream out) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
        ObjectNode layer = m.createObjectNode();
        layer.put("name", "Ransomtrace: " + report.caseName());
        ObjectNode versions = layer.putObject("versions");
        versions.put("attack", "16");
        versions.put("navigator", "5.1.0");
        versions.put("layer", "4.5");
        layer.put("domain", "enterprise-attack");
        layer.put("description", "Techniques observed in " + report.sections().size() + " finding(s) of case "
                + report.caseName() + ", generated " + report.generatedAt());
        ArrayNode techniques = layer.putArray("techniques");
        for (Technique t : techniques(report)) {
            ObjectNode n = techniques.addObject();
            n.put("techniqueID", t.id());
            n.put("tactic", t.tactic());
            n.put("score", t.id().equals("T1486") ? 100 : 70);
            n.put("color", t.id().equals("T1486") ? "#c0392b" : "#e67e22");
            n.put("comment", t.name() + ". " + String.join(" | ", t.reasons()));
            n.put("enabled", true);
            n.put("showSubtechniques", t.id().contains("."));
        }
        ObjectNode gradient = layer.putObject("gradient");
        gradient.putArray("colors").add("#ffffff").add("#c0392b");
        gradient.put("minValue", 0);
        gradient.put("maxValue", 100);
        ArrayNode legend = layer.putArray("legendItems");
        legend.addObject().put("label", "observed: encryption for impact").put("color", "#c0392b");
        legend.addObject().put("label", "observed alongside").put("color", "#e67e22");
        layer.put("hideDisabled", false);
        m.writeValue(new NonClosing(out), layer);
    }

    /** Program names of the chain and of the evidence's process starts, plus the finding's tools. */
    private static Set<String> programs(FindingSection s) {
        Set<String> out = new LinkedHashSet<>();
        for (ProcessNode p : s.chain()) {
            addProgram(out, p.exe() != null ? p.exe() : p.comm());
            if (!p.argv().isEmpty()) {
                addProgram(out, p.argv().get(0));
            }
            // Commands inside a shell string (su -c "ls /srv; find ... | ..."): each command's first word.
            for (String command : p.commandLine().split("[;|&\\n]+|\\$\\(|`")) {
                String[] words = command.strip().replace("\"", " ").replace("'", " ").strip().split("\\s+");
                int i = 0;
                while (i < words.length - 1 && (words[i].equals("sudo") || words[i].equals("-c") || words[i].startsWith("-")
                        || words[i].equals("su") || words[i].equals("exec"))) {
                    i++;
                }
                if (words.length > 0 && DISCOVERY.contains(Briefing.program(words[i]))) {
                    out.add(Briefing.program(words[i]));
                }
            }
        }
        for (String t : s.finding().tools()) {
            addProgram(out, t);
        }
        if (s.finding().rootProcess() != null) {
            addProgram(out, s.finding().rootProcess().parentExe());
        }
        for (StoredEvent e : s.evidence()) {
            if (e.event() instanceof ProcessExec x && x.success()) {
                addProgram(out, x.actor().exe());
                if (!x.argv().isEmpty()) {
                    addProgram(out, x.argv().get(0));
                }
            }
        }
        return out;
    }

    private static void addProgram(Set<String> out, String exe) {
        if (exe != null && !exe.isBlank()) {
            out.add(Briefing.program(exe.strip()).toLowerCase(Locale.ROOT));
        }
    }

    private static Set<String> intersect(Set<String> programs, Set<String> wanted) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : programs) {
            if (wanted.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static void add(Map<String, Technique> out, String id, String tactic, String name, String reason) {
        out.computeIfAbsent(id, k -> new Technique(id, tactic, name, new ArrayList<>())).reasons().add(reason);
    }

    /** Jackson closes the stream it writes to; the service owns it. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
