package io.ransomtrace.engine.finding;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One campaign of suspected mass encryption, with everything an analyst needs to judge it.
 *
 * @param id                       stable id: the same events and profile always give the same id
 * @param severity                 final severity (after any allowlist cap)
 * @param score                    0..100, the sum of the signal contributions (see docs/detections.md)
 * @param host                     the host it happened on
 * @param title                    a one-line summary
 * @param rootProcess              the campaign root
 * @param tools                    executables that did the work (encryption tools, the binary that wrote)
 * @param firstSeen                time of the campaign's first event
 * @param lastSeen                 time of its last event
 * @param firstAlert               when the campaign first reached the profile's alert severity, or null
 * @param filesAffected            distinct files the campaign changed (an original and its encrypted copy
 *                                 count once; ransom notes are not counted)
 * @param files                    affected files, originals first (capped by {@code campaign.maxListedFiles})
 * @param directoriesAffected      distinct directories the campaign changed files in
 * @param directories              those directories (capped by {@code campaign.maxListedDirectories})
 * @param extensions               suffixes the files gained, most frequent first
 * @param overwrite                how the originals were treated
 * @param notes                    ransom notes dropped
 * @param signals                  every signal with a non-zero measurement, fired ones first
 * @param filesBeforeFirstHighAlert files affected when the campaign first reached high severity, or null
 * @param suppressed               true when an allowlist entry suppressed the finding (it stays visible)
 * @param allowlist                the allowlist entry that suppressed or capped it, or null
 * @param evidence                 events that support the signals, in id order (capped per signal)
 */
public record Finding(String id, Severity severity, int score, String host, String title, RootProcess rootProcess,
                      List<String> tools, Instant firstSeen, Instant lastSeen, Instant firstAlert,
                      int filesAffected, List<String> files, int directoriesAffected, List<String> directories,
                      List<String> extensions, OverwriteKind overwrite, NoteSummary notes,
                      List<SignalMeasurement> signals, Integer filesBeforeFirstHighAlert, boolean suppressed,
                      AllowlistMatch allowlist, List<EvidenceRef> evidence) {

    /** The order a detector returns its findings in: first seen, then host, then id. */
    public static final Comparator<Finding> STREAM_ORDER =
            Comparator.comparing(Finding::firstSeen).thenComparing(Finding::host).thenComparing(Finding::id);

    public Finding {
        tools = List.copyOf(tools);
        files = List.copyOf(files);
        directories = List.copyOf(directories);
        extensions = List.copyOf(extensions);
        signals = List.copyOf(signals);
        evidence = List.copyOf(evidence);
    }

    /** The measurement of one signal kind, or null when it measured nothing. */
    public SignalMeasurement signal(String kind) {
        for (SignalMeasurement s : signals) {
            if (s.kind().equals(kind)) {
                return s;
            }
        }
        return null;
    }
}
