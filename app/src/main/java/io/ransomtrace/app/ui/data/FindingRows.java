package io.ransomtrace.app.ui.data;

import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.SignalMeasurement;
import io.ransomtrace.engine.model.ProgramName;
import io.ransomtrace.engine.signal.SignalKind;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.inspector.EvidenceLine;
import io.ransomtrace.views.inspector.SignalLine;

import java.util.ArrayList;
import java.util.List;

/** Maps engine findings onto the findings list's and the inspector's view records. */
public final class FindingRows {

    private FindingRows() {
    }

    public static FindingRow row(Finding f) {
        RootProcess r = f.rootProcess();
        String login = r == null ? null : firstNonNull(r.loginUser(), r.loginUid() == null ? null : "uid " + r.loginUid());
        String user = r == null ? null : firstNonNull(r.user(), r.uid() == null ? null : "uid " + r.uid());
        List<String> fired = f.signals().stream().filter(FindingRows::counts).map(SignalMeasurement::kind).toList();
        return new FindingRow(f.id(), f.severity(), f.score(), f.title(), f.host(),
                r == null ? null : r.unnamed() ? "(none named by the log)" : r.commandLine(), login, f.filesAffected(), f.firstAlert(), f.suppressed(),
                f.allowlist() == null ? null : why(f), r == null ? null : ProgramName.of(r.exe(), null), user, fired);
    }

    /** A signal that fired and weighs in the score: one weighted 0 in the profile crossed its threshold for nothing. */
    static boolean counts(SignalMeasurement s) {
        return s.fired() && s.contribution() > 0;
    }

    public static List<FindingRow> rows(List<Finding> findings) {
        return findings.stream().map(FindingRows::row).toList();
    }

    /** "reason (author)", and the severity the detector gave before the allowlist. */
    private static String why(Finding f) {
        StringBuilder b = new StringBuilder(f.allowlist().reason() == null ? "allowlisted" : f.allowlist().reason());
        if (f.allowlist().author() != null && !f.allowlist().author().isBlank()) {
            b.append(" (").append(f.allowlist().author()).append(')');
        }
        if (f.allowlist().originalSeverity() != null) {
            b.append("; was ").append(f.allowlist().originalSeverity().label());
        }
        return b.toString();
    }

    public static List<SignalLine> signals(Finding f) {
        List<SignalLine> out = new ArrayList<>();
        for (SignalMeasurement s : f.signals()) {
            // the early facts add no points by design: when they hold they raise the severity (docs/detections.md
            // §3 rule 6), so they show as fired, not as a signal the profile switched off
            boolean byDesign = s.kind().equals(SignalKind.EARLY_CERTAINTY.label());
            boolean triggered = byDesign ? s.fired() : counts(s);
            String sentence = s.fired() && !triggered
                    ? s.description() + " — not counted: this signal weighs 0 in the profile" : s.description();
            out.add(new SignalLine(s.kind(), sentence, s.value(), s.threshold(), "", triggered));
        }
        return out;
    }

    /** Evidence lines with a summary each; {@code describe} reads the event from the case. */
    public static List<EvidenceLine> evidence(Finding f, EventDescriber describe) {
        List<EvidenceLine> out = new ArrayList<>();
        for (EvidenceRef e : f.evidence()) {
            out.add(describe.describe(e.eventId()));
        }
        return out;
    }

    /** Reads one event of the case as an evidence line. */
    @FunctionalInterface
    public interface EventDescriber {
        EvidenceLine describe(long eventId);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
