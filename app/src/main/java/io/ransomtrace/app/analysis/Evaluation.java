package io.ransomtrace.app.analysis;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs every recorded sample case through import and detection and holds the findings against the case's
 * ground truth: the yardstick for detection quality ({@code ransomtrace evaluate}).
 *
 * <p>An expected campaign counts as found when a finding on its host reaches high or critical, is attributed
 * to the expected root (command or executable) and login user, counts files within ±10 % of the truth and
 * states the right overwrite kind (the last two only when the rule set can show file operations). A false
 * positive is any finding at medium or above, not suppressed, that matches no expected campaign.
 */
public final class Evaluation {

    /** Severity an attack must reach to count as detected. */
    public static final Severity DETECTED = Severity.HIGH;
    /** Severity at which an unexpected finding counts as a false positive. */
    public static final Severity FALSE_POSITIVE = Severity.MEDIUM;
    private static final double FILE_TOLERANCE = 0.10;

    /** How one expected campaign fared. {@code finding} is null when nothing matched at all. */
    public record ExpectedResult(CaseTruth.Expected expected, Finding finding, boolean detected, boolean rootOk,
                                 boolean loginOk, boolean filesOk, boolean overwriteOk) {
        public boolean found() {
            return detected && rootOk && loginOk && filesOk && overwriteOk;
        }
    }

    /** One case: its truth, what was found, how each expectation fared, and the false positives. */
    public record CaseResult(Path dir, CaseTruth truth, List<Finding> findings, List<ExpectedResult> expected,
                             List<Finding> falsePositives, String problem) {
        public boolean passed() {
            return problem == null && falsePositives.isEmpty() && expected.stream().allMatch(ExpectedResult::found);
        }
    }

    /** All cases and the totals. */
    public record Report(List<CaseResult> cases) {
        public int expectedCampaigns() {
            return cases.stream().mapToInt(c -> c.expected().size()).sum();
        }

        public int foundCampaigns() {
            return (int) cases.stream().flatMap(c -> c.expected().stream()).filter(ExpectedResult::found).count();
        }

        public int falsePositives() {
            return cases.stream().mapToInt(c -> c.falsePositives().size()).sum();
        }

        public double recall() {
            return expectedCampaigns() == 0 ? 1.0 : (double) foundCampaigns() / expectedCampaigns();
        }

        /** Median of files affected before the first high alert over detected campaigns; null when none. */
        public Double medianFilesLost() {
            List<Integer> lost = cases.stream().flatMap(c -> c.expected().stream())
                    .filter(e -> e.finding() != null && e.detected() && e.finding().filesBeforeFirstHighAlert() != null)
                    .map(e -> e.finding().filesBeforeFirstHighAlert()).sorted().toList();
            if (lost.isEmpty()) {
                return null;
            }
            int n = lost.size();
            return n % 2 == 1 ? lost.get(n / 2) : (lost.get(n / 2 - 1) + lost.get(n / 2)) / 2.0;
        }

        public boolean passed() {
            return cases.stream().allMatch(CaseResult::passed);
        }

        /**
         * The cases of one side of the leave-some-out split: those recorded after the detector change and never
         * used to tune it ({@code heldOut}), or those it was tuned on. A case whose truth is unreadable is tuned.
         */
        public Report split(boolean heldOut) {
            return new Report(cases.stream().filter(c -> (c.truth() != null && c.truth().heldOut()) == heldOut).toList());
        }
    }

    private final DetectionSettings settings;

    public Evaluation(DetectionSettings settings) {
        this.settings = settings;
    }

    /** Evaluates every sub-folder of {@code casesDir} that holds a {@code truth.yaml}, in name order. */
    public Report run(Path casesDir) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(casesDir)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("truth.yaml"))).sorted().toList();
        }
        if (dirs.isEmpty()) {
            throw new IOException("no case folders with a truth.yaml in " + casesDir);
        }
        List<CaseResult> results = new ArrayList<>();
        for (Path dir : dirs) {
            results.add(evaluate(dir));
        }
        return new Report(results);
    }

    public CaseResult evaluate(Path dir) {
        CaseTruth truth;
        try {
            truth = CaseTruth.read(dir.resolve("truth.yaml"));
        } catch (IOException e) {
            return new CaseResult(dir, null, List.of(), List.of(), List.of(), "unreadable truth.yaml: " + e.getMessage());
        }
        LogScan.Result scan;
        try {
            scan = new LogScan(settings, null, null).run(List.of(dir));
        } catch (IOException e) {
            return new CaseResult(dir, truth, List.of(), List.of(), List.of(), "cannot read the case: " + e.getMessage());
        }
        List<Finding> findings = scan.findings();
        List<Finding> unmatched = new ArrayList<>(findings);
        List<ExpectedResult> expected = new ArrayList<>();
        for (CaseTruth.Expected e : truth.expected()) {
            ExpectedResult best = findings.stream()
                    .filter(f -> truth.host() == null || truth.host().equals(f.host()))
                    .map(f -> judge(e, f, truth.users()))
                    .max(Comparator.comparingInt(Evaluation::merit))
                    .orElse(new ExpectedResult(e, null, false, false, false, false, false));
            expected.add(best);
            if (best.finding() != null) {
                unmatched.remove(best.finding());
                // Other findings of the same campaign root are the same incident seen in parts, not false alarms.
                unmatched.removeIf(f -> sameRoot(f, best.finding()));
            }
        }
        List<Finding> falsePositives = unmatched.stream()
                .filter(f -> !f.suppressed() && f.severity().atLeast(FALSE_POSITIVE)).toList();
        String problem = scan.inputs().isEmpty() ? "no log files in the case folder" : null;
        return new CaseResult(dir, truth, findings, expected, falsePositives, problem);
    }

    private static boolean sameRoot(Finding a, Finding b) {
        return a.rootProcess() != null && b.rootProcess() != null && a.host().equals(b.host())
                && a.rootProcess().pid() == b.rootProcess().pid()
                && Objects.equals(a.rootProcess().exe(), b.rootProcess().exe());
    }

    private static int merit(ExpectedResult r) {
        return (r.detected() ? 16 : 0) + (r.rootOk() ? 8 : 0) + (r.loginOk() ? 4 : 0) + (r.filesOk() ? 2 : 0)
                + (r.overwriteOk() ? 1 : 0) + (r.finding() == null ? 0 : r.finding().severity().ordinal() * 32);
    }

    static ExpectedResult judge(CaseTruth.Expected e, Finding f, Map<String, Long> users) {
        boolean detected = !f.suppressed() && f.severity().atLeast(DETECTED);
        RootProcess r = f.rootProcess();
        boolean rootOk = r != null && (e.rootCommandContains() != null
                ? r.commandLine() != null && r.commandLine().contains(e.rootCommandContains())
                : Objects.equals(e.rootExe(), r.exe()));
        boolean loginOk = e.loginUser() == null || r != null && (e.loginUser().equals(r.loginUser())
                || r.loginUid() != null && r.loginUid().equals(users.get(e.loginUser())));
        boolean filesOk = !e.filesVisibleInLog()
                || Math.abs(f.filesAffected() - e.filesAffected()) <= Math.ceil(e.filesAffected() * FILE_TOLERANCE);
        boolean overwriteOk = !e.filesVisibleInLog() || e.overwrite() == null || e.overwrite().equals(f.overwrite().label());
        return new ExpectedResult(e, f, detected, rootOk, loginOk, filesOk, overwriteOk);
    }
}
