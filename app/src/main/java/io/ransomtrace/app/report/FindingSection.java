package io.ransomtrace.app.report;

import io.ransomtrace.app.store.DirectorySummary;
import io.ransomtrace.app.store.FileOpBucket;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.recovery.RecoveryPlan;
import io.ransomtrace.engine.recovery.SecretMask;

import java.time.Duration;
import java.util.List;

/**
 * Everything the briefing and the exports say about one finding, read from the case once.
 *
 * @param finding     what the detector concluded
 * @param chain       how the campaign came to run: oldest ancestor first, the root last (empty when the root is
 *                    not in the case)
 * @param timeline    file operations of the lineage per time bucket, for the chart
 * @param bucket      the width of those buckets
 * @param spread      most active directories of the lineage
 * @param evidence    the cited evidence events, in id order
 * @param tags        analyst tags on the finding
 * @param notes       analyst notes on the finding, its root process and its evidence events
 * @param affected    the restore list (every original the lineage changed)
 * @param recovery    how the originals come back (read with the restore list), or null when not read
 */
public record FindingSection(Finding finding, List<ProcessNode> chain, List<FileOpBucket> timeline, Duration bucket,
                             List<DirectorySummary> spread, List<StoredEvent> evidence, List<String> tags,
                             List<AnalystNote> notes, List<AffectedFile> affected, RecoveryPlan recovery) {

    public FindingSection {
        chain = List.copyOf(chain);
        timeline = List.copyOf(timeline);
        spread = List.copyOf(spread);
        evidence = List.copyOf(evidence);
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
        affected = List.copyOf(affected);
    }

    /** A note the analyst wrote, with what it is attached to in words ("finding", "process 4711", "event 12"). */
    public record AnalystNote(String about, String text) {
    }

    /** Text from the log as the briefing shows it: every key the recovery plan found in it hidden. */
    public String masked(String text) {
        return recovery == null ? text : SecretMask.values(text, SecretMask.secretsOf(recovery));
    }

    /** From the campaign's first activity to its first alert, or null when it never alerted. */
    public Duration timeToAlert() {
        if (finding.firstAlert() == null || finding.firstSeen() == null) {
            return null;
        }
        return Duration.between(finding.firstSeen(), finding.firstAlert());
    }

    /** The user the campaign ran as, and the login user behind it when different, in words. */
    public String userInWords() {
        var r = finding.rootProcess();
        if (r == null) {
            return "unknown";
        }
        String user = r.user() != null ? r.user() : r.uid() != null ? "uid " + r.uid() : "unknown";
        String login = r.loginUser() != null ? r.loginUser() : r.loginUid() != null ? "uid " + r.loginUid() : null;
        if (login != null && !login.equals(user)) {
            return user + " (logged in as " + login + ")";
        }
        return user;
    }
}
