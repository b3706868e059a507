package io.ransomtrace.engine.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ransomtrace.engine.profile.ParameterSpec.decimal;
import static io.ransomtrace.engine.profile.ParameterSpec.integer;
import static io.ransomtrace.engine.profile.ParameterSpec.list;
import static io.ransomtrace.engine.profile.ParameterSpec.severity;

/** Every key a profile may hold, with its type, allowed range and meaning. */
final class ProfileSchema {
    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;

    static final List<ParameterSpec> SPECS = List.of(
            integer("reorder.windowSeconds", 0, 3600, "Events up to this many seconds out of time order are put back in order before detection."),
            integer("reorder.maxBufferedEvents", 1, 1_000_000, "Most events held for reordering; when full, the oldest is processed at once."),
            integer("process.idleTimeoutSeconds", 60, WEEK, "A process with no activity for this long is forgotten."),
            integer("process.exitGraceSeconds", 0, 3600, "An exited process is remembered this long for late events."),
            integer("process.maxTracked", 1000, 10_000_000, "Most processes one detector remembers (scan, the workbench and fleet mode run one per host); past it the least recently used go first, those that changed files, root a campaign or started a session last."),
            integer("campaign.idleTimeoutSeconds", 60, WEEK, "A campaign with no activity for this long is closed and reported."),
            integer("campaign.closeAfterRootExitSeconds", 1, WEEK, "A campaign whose root process exited is closed after this long without activity."),
            integer("campaign.pairWindowSeconds", 1, DAY, "Longest time between writing X.suffix and deleting X (or writing and deleting a file) that still pairs them."),
            integer("campaign.maxActive", 100, 10_000_000, "Most campaigns open at once; past it the least recently active one is closed (reported if it qualifies), campaigns that fired nothing first."),
            integer("campaign.maxTrackedFiles", 1000, 50_000_000, "Distinct files counted exactly per campaign; past this the count stops growing."),
            integer("campaign.maxListedFiles", 10, 1_000_000, "Most affected files listed in a finding."),
            integer("campaign.maxListedDirectories", 10, 1_000_000, "Most affected directories listed in a finding."),
            integer("campaign.evidencePerSignal", 1, 1000, "Most evidence events kept per signal."),

            integer("signals.encryptionTool.weight", 0, 100, "Points for encryption-tool runs with encrypting arguments."),
            integer("signals.encryptionTool.threshold", 1, 1_000_000, "Encrypting runs in one campaign for the signal to fire."),
            integer("signals.encryptionTool.saturation", 1, 1_000_000, "Encrypting runs at which the signal gives its full weight."),
            integer("signals.bulkInvocation.weight", 0, 100, "Points for recursive or bulk invocation."),
            integer("signals.bulkInvocation.threshold", 1, 1_000_000, "Bulk invocations (find -exec, xargs, shell loops, recursive flags) for the signal to fire."),
            integer("signals.bulkInvocation.breadthDirectories", 2, 10_000_000, "Distinct directories changed by one campaign that count as breadth."),
            integer("signals.massModification.weight", 0, 100, "Points for mass modification by one lineage."),
            integer("signals.massModification.windowSeconds", 1, DAY, "Sliding window for the burst count."),
            integer("signals.massModification.threshold", 1, 10_000_000, "Distinct files first changed within the burst window for the signal to fire."),
            integer("signals.massModification.slowWindowSeconds", 60, WEEK, "Sliding window for the slow-burn count (throttled encryptors)."),
            integer("signals.massModification.slowThreshold", 1, 10_000_000, "Distinct files first changed within the slow-burn window for the signal to fire."),
            integer("signals.massModification.saturation", 1, 10_000_000, "Files in a window at which the signal gives its full weight."),
            integer("signals.extensionChange.weight", 0, 100, "Points for files gaining or swapping a suffix."),
            integer("signals.extensionChange.threshold", 1, 10_000_000, "Files that gained the same new suffix for the signal to fire."),
            integer("signals.extensionChange.knownExtensionThreshold", 1, 10_000_000, "The same, when the suffix is a known ransomware extension."),
            integer("signals.extensionChange.saturation", 1, 10_000_000, "Files with the same new suffix at which the signal gives its full weight."),
            integer("signals.overwriteInPlace.weight", 0, 100, "Points for existing files overwritten in place."),
            integer("signals.overwriteInPlace.threshold", 1, 10_000_000, "Existing files opened for writing (or shredded, dd'd, truncated) and not deleted, for the signal to fire."),
            integer("signals.overwriteInPlace.saturation", 1, 10_000_000, "Files overwritten at which the signal gives its full weight."),
            integer("signals.deleteAfterEncrypt.weight", 0, 100, "Points for originals deleted after an encrypted copy was written."),
            integer("signals.deleteAfterEncrypt.threshold", 1, 10_000_000, "Pairs (X.suffix written, X deleted) for the signal to fire."),
            integer("signals.deleteAfterEncrypt.saturation", 1, 10_000_000, "Pairs at which the signal gives its full weight."),
            integer("signals.ransomNote.weight", 0, 100, "Points for ransom-note spread."),
            integer("signals.ransomNote.minDirectories", 2, 1_000_000, "Directories the same file name must be created in by one lineage."),
            integer("signals.ransomNote.windowSeconds", 1, WEEK, "Window within which those creations must fall."),
            integer("signals.ransomNote.saturation", 2, 1_000_000, "Directories at which the signal gives its full weight."),
            integer("signals.ransomNote.impactFilesWithoutKeyword", 1, 10_000_000, "Files encrypted, overwritten or renamed by the campaign that make a keyword-less name count as a note."),
            integer("signals.ransomNote.minContentKeywords", 1, 20, "Distinct content keywords a note's text must contain to count as ransom text."),
            integer("signals.contentHint.weight", 0, 100, "Points for content hints (high-entropy writes, header changes) when the export carries them."),
            decimal("signals.contentHint.entropyBitsPerByte", 0.0, 8.0, "Entropy at or above which a write counts as ciphertext-like."),
            integer("signals.contentHint.threshold", 1, 10_000_000, "Ciphertext-like writes or header changes for the signal to fire."),

            integer("severity.critical", 1, 100, "Score for critical (also needs notes and severity.highMinFiles impacted files)."),
            integer("severity.high", 1, 100, "Score for high (also needs severity.highMinFiles impacted files)."),
            integer("severity.medium", 1, 100, "Score for medium."),
            integer("severity.low", 1, 100, "Score for low; below it a finding is info."),
            integer("severity.highMinFiles", 1, 10_000_000, "Files encrypted, overwritten or renamed that high and critical require."),
            integer("severity.highMinFilesWithNotes", 1, 10_000_000, "The same volume when ransom notes were dropped too (a note next to the files removes the doubt)."),
            integer("severity.earlyHighMinFacts", 2, 5, "Early facts (traversal-driven encryption, an original deleted after its encrypted copy, an unknown binary rewriting files, a note name in a second directory, three files with the same new suffix) that make a campaign high before its volume does; one must show automation and one changed data."),
            integer("severity.earlyHighMinFiles", 1, 10_000_000, "Files encrypted, overwritten, archived or renamed that make a campaign high once enough early facts hold."),
            integer("severity.contextOnlyCap", 0, 100, "Highest score without any impact signal (extension change, overwrite, delete-after-encrypt, notes)."),
            severity("alert.minimumSeverity", "Severity at which a campaign raises its first alert (firstAlert)."),
            integer("report.minimumScore", 0, 100, "Campaigns with a fired signal and at least this score become findings."),

            list("lists.knownRansomwareExtensions", "Suffixes of known ransomware families: they lower the extension-change threshold."),
            list("lists.benignSuffixes", "Suffixes that never count as encryption (compression, rotation, package-manager and editor temp files)."),
            list("lists.ordinaryFileTypes", "Everyday file types: renaming files to one of them (.jpeg -> .jpg) is housekeeping, not encryption."),
            list("lists.noteNameKeywords", "Words that make a repeated file name a ransom note on their own."),
            list("lists.noteWeakNameKeywords", "Words that add confidence to a note name but need other evidence."),
            list("lists.noteExtensions", "Extensions a ransom note may have (empty string: no extension)."),
            list("lists.noteContentKeywords", "Words looked for in a note's text when the export carries it."),
            list("lists.copyTools", "Programs whose writes over existing files are copies, not overwrites (cp, rsync, package managers)."),
            list("lists.linkers", "Linkers: a program they write in a campaign is that campaign's own build product, and its writes over existing files (a test binary updating golden files) are not overwrites."),
            list("lists.boundaryProcesses", "Services and session leaders where the campaign-root walk stops ('*' matches any ending)."),
            list("lists.shells", "Shells: pass-through when running a script or -c, a session when interactive."),
            list("lists.interpreters", "Interpreters: pass-through when running a script."),
            list("lists.bulkRunners", "Programs that run other programs over many files (pass-through, and a bulk indicator)."),
            list("lists.wrappers", "Programs that only run another program (sudo, env, nohup...); skipped when naming the root."),
            list("lists.sessionStarters", "Programs that detach what they run into a new session (setsid): the campaign-root walk stops at the detached program."),
            list("lists.fileTools", "Per-file tools; typed straight into an interactive shell they join the session's campaign."));

    static final Map<String, ParameterSpec> BY_KEY;

    static {
        Map<String, ParameterSpec> m = new LinkedHashMap<>();
        for (ParameterSpec s : SPECS) {
            m.put(s.key(), s);
        }
        BY_KEY = Map.copyOf(m);
    }

    private ProfileSchema() {
    }
}
