package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.signal.Signal;
import io.ransomtrace.engine.signal.SignalKind;

/**
 * Turns a campaign's signals into a score and a severity (docs/detections.md, "Scoring"):
 * <ol>
 *   <li>score = sum of fired signals' weight × strength, capped at 100;</li>
 *   <li>without any impact signal the score is capped at {@code severity.contextOnlyCap} — a tool run, a
 *       loop and many changed files are not encryption by themselves; files overwritten in place count as impact
 *       only when something corroborates encryption ({@link Campaign#overwriteCorroborated});</li>
 *   <li>severity from the score bands; high and critical also need {@code severity.highMinFiles} files
 *       encrypted, overwritten or renamed, and that volume with a fired destructive signal (extension
 *       change, overwrite, delete-after-encrypt) is high whatever the score (with ransom notes the volume is
 *       {@code severity.highMinFilesWithNotes}); critical needs notes, and
 *       notes plus that volume make a high campaign critical;</li>
 *   <li>one encryption run touching at most one file, without notes, is never above low;</li>
 *   <li>when a campaign closes ({@link #close}), one at medium or above (raised by early facts, or by its score)
 *       that changed fewer files than the volume above, in one or two directories, without a note and without
 *       root, is a user encrypting a few of their own files: low.</li>
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
                impact |= signal.kind().impact() && (signal != c.overwrite || c.overwriteCorroborated());
            }
        }
        int score = (int) Math.min(100, Math.round(sum));
        if (!impact) {
            score = Math.min(score, s.contextOnlyCap);
        }
        c.score = score;
        boolean destructive = c.extension.fired() || c.overwriteCorroborated() || c.deleteAfter.fired();
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

    /**
     * The severity a campaign keeps when it closes. The early facts ({@code EarlyCertaintySignal}) raise a campaign
     * to high after a few files because the volume usually follows, and a few encrypted files with their originals
     * gone score medium; a live alert may be raised on either. Once the campaign is over its scope is known: fewer than {@code severity.highMinFiles} files changed, all in one or
     * two directories, no ransom note, and no process of it running as root (file permissions hold a user to
     * files they may write, mostly their own; root to nothing) is what a user does to a few of their own files
     * (a short loop of gpg and shred, a script over one folder), and the finding ends low. The early-certainty signal says so in the finding.
     */
    void close(Campaign c) {
        evaluate(c);
        if (!c.severity.atLeast(Severity.MEDIUM)) {
            return;
        }
        int impact = c.impactFiles();
        boolean notes = c.notes.fired() || c.early.noteHeld();
        int dirs = c.impactDirectories();
        if (notes || impact >= s.highMinFiles || dirs > PERSONAL_SCOPE_DIRECTORIES || c.privilegedActor) {
            // the early facts or the score were borne out, or the scope is more than a user's own folder or two, or root did
            // it: root's writes are not held to its own files by file permissions, a user's are
            return;
        }
        c.early.endedSmall(impact, dirs, s.highMinFiles);
        c.severity = Severity.LOW;
    }

    /** The directories of a user's own few files (a folder and a subfolder, two folders side by side). */
    static final int PERSONAL_SCOPE_DIRECTORIES = 2;

    /**
     * A campaign becomes a finding when a signal fired and the score reaches the report minimum. A recursive
     * {@code rm} or {@code find -delete} that changed nothing the log shows (its bulk invocation the only
     * signal, no file affected) is routine housekeeping of cron jobs and daemon scripts, not a finding.
     */
    boolean reportable(Campaign c) {
        if (c.score < s.minimumScore) {
            return false;
        }
        boolean fired = false;
        boolean beyondBulk = false;
        for (Signal signal : c.signals) {
            if (signal.fired()) {
                fired = true;
                beyondBulk |= signal.kind() != SignalKind.BULK_INVOCATION;
            }
        }
        return fired && (beyondBulk || c.filesAffected() > 0);
    }
}
