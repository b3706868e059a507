package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.profile.Profile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The profile's signal parameters, read once into fields so the hot path never looks up a key. */
public final class SignalSettings {
    final int toolWeight;
    final int toolThreshold;
    final int toolSaturation;

    final int bulkWeight;
    final int bulkThreshold;
    final int bulkBreadthDirectories;

    final int massWeight;
    final long massWindowMillis;
    final int massThreshold;
    final long massSlowWindowMillis;
    final int massSlowThreshold;
    final int massSaturation;

    final int extensionWeight;
    final int extensionThreshold;
    final int extensionKnownThreshold;
    final int extensionSaturation;

    final int overwriteWeight;
    final int overwriteThreshold;
    final int overwriteSaturation;

    final int deleteWeight;
    final int deleteThreshold;
    final int deleteSaturation;

    final int noteWeight;
    final int noteMinDirectories;
    final long noteWindowMillis;
    final int noteSaturation;
    final int noteImpactFilesWithoutKeyword;
    final int noteMinContentKeywords;

    final int earlyMinFacts;
    final int earlyHighMinFiles;
    final int highMinFiles;

    final int contentWeight;
    final double contentEntropy;
    final int contentThreshold;

    final Set<String> knownExtensions;
    final Set<String> benignSuffixes;
    final Set<String> ordinaryFileTypes;
    final List<String> noteKeywords;
    final List<String> noteWeakKeywords;
    final Set<String> noteExtensions;
    final List<String> noteContentKeywords;
    final Set<String> copyTools;
    final Set<String> linkers;
    final KeywordMatcher noteKeywordMatcher;
    final KeywordMatcher noteWeakKeywordMatcher;

    public SignalSettings(Profile p) {
        toolWeight = p.integer("signals.encryptionTool.weight");
        toolThreshold = p.integer("signals.encryptionTool.threshold");
        toolSaturation = p.integer("signals.encryptionTool.saturation");
        bulkWeight = p.integer("signals.bulkInvocation.weight");
        bulkThreshold = p.integer("signals.bulkInvocation.threshold");
        bulkBreadthDirectories = p.integer("signals.bulkInvocation.breadthDirectories");
        massWeight = p.integer("signals.massModification.weight");
        massWindowMillis = p.longValue("signals.massModification.windowSeconds") * 1000;
        massThreshold = p.integer("signals.massModification.threshold");
        massSlowWindowMillis = p.longValue("signals.massModification.slowWindowSeconds") * 1000;
        massSlowThreshold = p.integer("signals.massModification.slowThreshold");
        massSaturation = p.integer("signals.massModification.saturation");
        extensionWeight = p.integer("signals.extensionChange.weight");
        extensionThreshold = p.integer("signals.extensionChange.threshold");
        extensionKnownThreshold = p.integer("signals.extensionChange.knownExtensionThreshold");
        extensionSaturation = p.integer("signals.extensionChange.saturation");
        overwriteWeight = p.integer("signals.overwriteInPlace.weight");
        overwriteThreshold = p.integer("signals.overwriteInPlace.threshold");
        overwriteSaturation = p.integer("signals.overwriteInPlace.saturation");
        deleteWeight = p.integer("signals.deleteAfterEncrypt.weight");
        deleteThreshold = p.integer("signals.deleteAfterEncrypt.threshold");
        deleteSaturation = p.integer("signals.deleteAfterEncrypt.saturation");
        noteWeight = p.integer("signals.ransomNote.weight");
        noteMinDirectories = p.integer("signals.ransomNote.minDirectories");
        noteWindowMillis = p.longValue("signals.ransomNote.windowSeconds") * 1000;
        noteSaturation = p.integer("signals.ransomNote.saturation");
        noteImpactFilesWithoutKeyword = p.integer("signals.ransomNote.impactFilesWithoutKeyword");
        noteMinContentKeywords = p.integer("signals.ransomNote.minContentKeywords");
        earlyMinFacts = p.integer("severity.earlyHighMinFacts");
        earlyHighMinFiles = p.integer("severity.earlyHighMinFiles");
        highMinFiles = p.integer("severity.highMinFiles");
        contentWeight = p.integer("signals.contentHint.weight");
        contentEntropy = p.decimal("signals.contentHint.entropyBitsPerByte");
        contentThreshold = p.integer("signals.contentHint.threshold");
        knownExtensions = new HashSet<>(p.list("lists.knownRansomwareExtensions"));
        benignSuffixes = new HashSet<>(p.list("lists.benignSuffixes"));
        ordinaryFileTypes = new HashSet<>(p.list("lists.ordinaryFileTypes"));
        noteKeywords = p.list("lists.noteNameKeywords");
        noteWeakKeywords = p.list("lists.noteWeakNameKeywords");
        noteExtensions = new HashSet<>(p.list("lists.noteExtensions"));
        noteContentKeywords = p.list("lists.noteContentKeywords");
        copyTools = new HashSet<>(p.list("lists.copyTools"));
        linkers = new HashSet<>(p.list("lists.linkers"));
        noteKeywordMatcher = new KeywordMatcher(noteKeywords);
        noteWeakKeywordMatcher = new KeywordMatcher(noteWeakKeywords);
    }

    /** Entropy (bits/byte) at or above which written content looks encrypted. */
    public double contentEntropy() {
        return contentEntropy;
    }

    private static final String[] SYSTEM_DIRECTORIES = {"/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/", "/usr/local/bin/",
            "/usr/local/sbin/", "/usr/lib/", "/usr/libexec/", "/opt/"};

    /**
     * True for programs whose writes over existing files are copies (cp, rsync, package managers). The name
     * must match and, when the executable path is known, it must live in a system directory: a binary called
     * "rsync" in /tmp is not trusted.
     */
    public boolean isCopyTool(String exe, String exeName) {
        if (exeName == null || !copyTools.contains(exeName)) {
            return false;
        }
        if (exe == null || exe.isEmpty()) {
            return true;
        }
        for (String dir : SYSTEM_DIRECTORIES) {
            if (exe.startsWith(dir)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the administrator installs programs by hand: no package manager writes there (FHS 4.9; Debian Policy
     * 9.1.2 forbids packages to place files under /usr/local). A copy tool built there is still a copy tool, but a
     * program there is one no package put there.
     */
    private static final String[] LOCAL_DIRECTORIES = {"/usr/local/bin/", "/usr/local/sbin/"};

    /**
     * True when an executable path lies outside the directories packages install programs into (/usr/bin, /bin,
     * /sbin, /usr/lib, /opt...): a program no package put there, including one an administrator (or an intruder with
     * root) installed under /usr/local.
     */
    public boolean outsideSystemDirectories(String exe) {
        if (exe == null || !exe.startsWith("/")) {
            return false;
        }
        for (String dir : LOCAL_DIRECTORIES) {
            if (exe.startsWith(dir)) {
                return true;
            }
        }
        for (String dir : SYSTEM_DIRECTORIES) {
            if (exe.startsWith(dir)) {
                return false;
            }
        }
        return true;
    }

    /** True for linkers: the files they write are programs of a build. */
    public boolean isLinker(String exeName) {
        return exeName != null && linkers.contains(exeName);
    }

    /** Files that raise a campaign to high when enough early facts hold. */
    public int earlyHighMinFiles() {
        return earlyHighMinFiles;
    }

    /** 0.5 at the threshold rising linearly to 1 at saturation: firing matters most, volume adds the rest. */
    static double ramp(double value, double threshold, double saturation) {
        if (value < threshold) {
            return 0;
        }
        if (saturation <= threshold) {
            return 1;
        }
        return 0.5 + 0.5 * Math.min(1.0, (value - threshold) / (saturation - threshold));
    }
}
