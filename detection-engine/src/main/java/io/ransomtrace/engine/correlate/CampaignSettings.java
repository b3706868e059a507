package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.signal.ExtensionChangeSignal;
import io.ransomtrace.engine.signal.HashedNames;
import io.ransomtrace.engine.signal.RansomNoteSignal;
import io.ransomtrace.engine.signal.SignalSettings;

/** Campaign-level parameters and the shared immutable name sets, read once from the profile. */
public final class CampaignSettings {
    final SignalSettings signals;
    final long pairWindowMillis;
    final int maxTrackedFiles;
    final int maxActive;
    final int maxListedFiles;
    final int maxListedDirectories;
    final int evidencePerSignal;
    final long idleTimeoutMillis;
    final long closeAfterRootExitMillis;
    final int critical;
    final int high;
    final int medium;
    final int low;
    final int highMinFiles;
    final int highMinFilesWithNotes;
    final int earlyHighMinFiles;
    final int contextOnlyCap;
    final Severity alertSeverity;
    final int minimumScore;
    final HashedNames benign;
    final HashedNames known;
    final HashedNames ordinary;
    final HashedNames noteExtensions;

    public CampaignSettings(Profile p) {
        signals = new SignalSettings(p);
        pairWindowMillis = p.longValue("campaign.pairWindowSeconds") * 1000;
        maxTrackedFiles = p.integer("campaign.maxTrackedFiles");
        maxActive = p.integer("campaign.maxActive");
        maxListedFiles = p.integer("campaign.maxListedFiles");
        maxListedDirectories = p.integer("campaign.maxListedDirectories");
        evidencePerSignal = p.integer("campaign.evidencePerSignal");
        idleTimeoutMillis = p.longValue("campaign.idleTimeoutSeconds") * 1000;
        closeAfterRootExitMillis = p.longValue("campaign.closeAfterRootExitSeconds") * 1000;
        critical = p.integer("severity.critical");
        high = p.integer("severity.high");
        medium = p.integer("severity.medium");
        low = p.integer("severity.low");
        highMinFiles = p.integer("severity.highMinFiles");
        highMinFilesWithNotes = Math.min(highMinFiles, p.integer("severity.highMinFilesWithNotes"));
        contextOnlyCap = p.integer("severity.contextOnlyCap");
        earlyHighMinFiles = p.integer("severity.earlyHighMinFiles");
        alertSeverity = p.severity("alert.minimumSeverity");
        minimumScore = p.integer("report.minimumScore");
        benign = ExtensionChangeSignal.benignSet(signals);
        known = ExtensionChangeSignal.knownSet(signals);
        ordinary = ExtensionChangeSignal.ordinarySet(signals);
        noteExtensions = RansomNoteSignal.noteExtensionSet(signals);
    }

    public SignalSettings signals() {
        return signals;
    }
}
