package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.signal.Signal;

/**
 * Turns a campaign's signals into a score and a severity (docs/detections.md, "Scoring"):
 * <ol>
 *   <li>score = sum of fired signals' weight × strength, capped at 100;</li>
 *   <li>without any impact signal the score is capped at {@code severity.contextOnlyCap} — a tool run, a
 *       loop and many changed files are not encryption by themselves;</li>
 *   <li>severity from the score bands; high and critical also need {@code severity.highMinFiles} files
 *       encrypted, overwritten or renamed, and that volume with a fired destructive signal (extension
 *       change, overwrite, delete-after-encrypt) is high whatever the score (with ransom notes the volume is
 *       {@code severity.highMinFilesWithNotes}); critical needs notes, and
 *       notes plus that volume make a high campaign critical;</li>
 *   <li>one encryption run touching at most one file, without notes, is never above low.</li>
 * </ol>
 */
final class SeverityPolicy {
    private final CampaignSettings s;

    SeverityPolicy(CampaignSettings settings) {
        this.s = settings;
    }

    /** Scores the campaign and stores score and severity on it. No allocation. */
    void evaluate(Campaign c) {
        if (c.scoredRevision == c.revision) {
            return; // nothing a signal reads has changed since the last evaluation
        }
        c.scoredRevision = c.revision;
        double sum = 0;
        boolean impact = false;
        for (Signal signal : c.signals) {
            if (signal.fired()) {
                sum += signal.contribution();
                impact |= signal.kind().impact();
            }
        }
        int score = (int) Math.min(100, Math.round(sum));
        if (!impact) {
            score = Math.min(score, s.contextOnlyCap);
        }
        c.score = score;
        boolean destructive = c.extension.fired() || c.overwrite.fired() || c.deleteAfter.fired();
        c.severity = severity(score, c.impactFiles(), destructive, c.notes.fired(), c.encryptionTool.runs(), c.early.fired());
    }

    Severity severity(int score, int impactFiles, boolean destructive, boolean notes, int toolRuns, boolean earlyFacts) {
        Severity sev = score >= s.critical ? Severity.CRITICAL
                : score >= s.high ? Severity.HIGH
                : score >= s.medium ? Severity.MEDIUM
                : score >= s.low ? Severity.LOW
                : Severity.INFO;
        // a ransom note beside the files removes the doubt a small volume leaves (a throttled locker)
        boolean volume = impactFiles >= (notes ? s.highMinFilesWithNotes : s.highMinFiles);
        if (destructive && volume && !sev.atLeast(Severity.HIGH)) {
            sev = Severity.HIGH; // tens of files encrypted, overwritten or renamed by one lineage
        }
        // certain early facts (EarlyCertaintySignal) stand for the volume: a few files are enough
        boolean early = earlyFacts && impactFiles >= s.earlyHighMinFiles;
        if (early && !sev.atLeast(Severity.HIGH)) {
            sev = Severity.HIGH;
        }
        if (sev.atLeast(Severity.HIGH) && !volume && !early) {
            sev = Severity.MEDIUM;
        }
        if (sev == Severity.CRITICAL && !notes) {
            sev = Severity.HIGH;
        }
        if (sev == Severity.HIGH && notes && volume) {
            sev = Severity.CRITICAL;
        }
        if (toolRuns <= 1 && impactFiles <= 1 && !notes) {
            sev = Severity.min(sev, Severity.LOW);
        }
        return sev;
    }

    /** A campaign becomes a finding when a signal fired and the score reaches the report minimum. */
    boolean reportable(Campaign c) {
        if (c.score < s.minimumScore) {
            return false;
        }
        for (Signal signal : c.signals) {
            if (signal.fired()) {
                return true;
            }
        }
        return false;
    }
}
