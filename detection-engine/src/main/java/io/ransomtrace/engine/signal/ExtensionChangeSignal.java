package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signal 4: files whose name gains or swaps a suffix (report.pdf → report.pdf.locked, report.pdf →
 * report.enc), by rename or by a new file plus deletion of the original, repeated with the same new suffix.
 * Known ransomware extensions need fewer repetitions; unknown ones are caught by repetition alone. Suffixes
 * of compression, rotation, package managers and editors (.gz, .1, .dpkg-new, .swp...) never count, and
 * neither does renaming to an everyday file type (.jpeg → .jpg).
 */
public final class ExtensionChangeSignal extends Signal {
    private static final int MAX_SUFFIXES = 256;
    private static final int MAX_SUFFIX_LENGTH = 40;

    private final HashedNames benign;
    private final HashedNames known;
    /** Both created on the first suffix (most campaigns never rename a file). */
    private Map<String, int[]> counts = Map.of();
    private Map<Long, String> suffixByHash = Map.of();
    private long lastRegistered;
    private String best;
    private int bestCount;
    private boolean bestKnown;
    private boolean anyFired;

    public ExtensionChangeSignal(SignalSettings settings, HashedNames benign, HashedNames known) {
        super(settings);
        this.benign = benign;
        this.known = known;
    }

    /** Shared, immutable suffix sets for all campaigns. */
    public static HashedNames benignSet(SignalSettings s) {
        return new HashedNames(s.benignSuffixes);
    }

    public static HashedNames ordinarySet(SignalSettings s) {
        return new HashedNames(s.ordinaryFileTypes);
    }

    public static HashedNames knownSet(SignalSettings s) {
        return new HashedNames(s.knownExtensions);
    }

    /**
     * Whether a suffix s[from, to) (without the dot) can be an encryption suffix: not benign, not a rotation
     * number, not absurdly long.
     */
    public static boolean eligible(HashedNames benign, String s, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > MAX_SUFFIX_LENGTH) {
            return false;
        }
        if (PathNames.digits(s, from, to) || s.charAt(to - 1) == '~') {
            return false;
        }
        return !benign.contains(s, from, to);
    }

    /**
     * The new suffix when a rename from {@code oldPath} to {@code newPath} gains or swaps one, else -1 (returns
     * the index in newPath of the dot starting the suffix that counts).
     */
    public static int renameSuffixDot(HashedNames benign, HashedNames known, HashedNames ordinary, String oldPath,
                                      String newPath) {
        int oldSlash = oldPath.lastIndexOf('/');
        int newSlash = newPath.lastIndexOf('/');
        if (maildirFlagChange(oldPath, newPath)) {
            return -1; // a mail client marking a message seen, replied, flagged or trashed
        }
        int newDot = PathNames.suffixDot(newPath);
        if (newDot < 0 || !eligible(benign, newPath, newDot + 1, newPath.length())
                || ordinary.contains(newPath, newDot + 1, newPath.length())) {
            return -1; // .jpeg -> .jpg, report -> report.pdf: housekeeping, not encryption
        }
        boolean sameDir = oldSlash == newSlash && oldPath.regionMatches(0, newPath, 0, oldSlash + 1);
        if (sameDir) {
            // gains: new = old + ".something"
            if (newPath.length() > oldPath.length() + 1 && newPath.startsWith(oldPath)
                    && newPath.charAt(oldPath.length()) == '.') {
                return newDot;
            }
            // swaps: same stem, different last suffix
            int oldDot = PathNames.suffixDot(oldPath);
            if (oldDot > 0 && oldDot == newDot && oldPath.regionMatches(0, newPath, 0, oldDot)
                    && !oldPath.regionMatches(true, oldDot, newPath, newDot, Math.max(oldPath.length() - oldDot, newPath.length() - newDot))) {
                return newDot;
            }
        }
        // a rename to a name ending in a known ransomware extension (random new names, other directory)
        if (known.contains(newPath, newDot + 1, newPath.length())) {
            int oldDot = PathNames.suffixDot(oldPath);
            boolean alreadyHad = oldDot > 0 && oldPath.regionMatches(true, oldDot, newPath, newDot, newPath.length() - newDot)
                    && oldPath.length() - oldDot == newPath.length() - newDot;
            return alreadyHad ? -1 : newDot;
        }
        return -1;
    }

    /**
     * A Maildir message's flags changed: the name is {@code UNIQUE:2,FLAGS} (the Maildir format, maildir(5): the
     * info after {@code :2,} is letters, one per flag) and a rename within the folder changes only those letters
     * ({@code 1796….M1P2.host:2,} to {@code …:2,S} when the message is read). Every mail client and sync tool
     * (dovecot, mbsync, offlineimap, mutt) marks messages this way, hundreds at once; a suffix added after the flags
     * ({@code :2,S.locked}) is no flag and still counts.
     */
    static boolean maildirFlagChange(String oldPath, String newPath) {
        int info = newPath.lastIndexOf(":2,");
        if (info <= newPath.lastIndexOf('/') || oldPath.length() < info + 3
                || !oldPath.regionMatches(0, newPath, 0, info + 3)) {
            return false;
        }
        return letters(oldPath, info + 3) && letters(newPath, info + 3);
    }

    private static boolean letters(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** Remembers the text of a suffix by its hash (so a later pairing by hash can name it). */
    public long register(String path, int dot) {
        long h = PathNames.hashLower(path, dot + 1, path.length());
        if (h == lastRegistered) {
            return h; // a campaign mostly repeats one suffix: skip the map
        }
        lastRegistered = h;
        if (suffixByHash.isEmpty()) {
            suffixByHash = new HashMap<>();
        }
        if (!suffixByHash.containsKey(h) && suffixByHash.size() < MAX_SUFFIXES * 4) {
            suffixByHash.put(h, path.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
        return h;
    }

    /** One more file gained the suffix with this hash (see {@link #register}). */
    public void record(long suffixHash) {
        String suffix = suffixByHash.get(suffixHash);
        if (suffix == null) {
            return;
        }
        int[] c = counts.get(suffix);
        if (c == null) {
            if (counts.size() >= MAX_SUFFIXES) {
                return;
            }
            if (counts.isEmpty()) {
                counts = new HashMap<>();
            }
            c = new int[1];
            counts.put(suffix, c);
        }
        c[0]++;
        boolean isKnown = settings.knownExtensions.contains(suffix);
        int needed = isKnown ? settings.extensionKnownThreshold : settings.extensionThreshold;
        boolean fires = c[0] >= needed;
        // the reported suffix: one that fires if any does, then the most frequent
        if (suffix.equals(best)) {
            bestCount = c[0];
            anyFired |= fires;
        } else if ((fires || !anyFired) && (best == null || (fires && !anyFired) || c[0] > bestCount)) {
            best = suffix;
            bestCount = c[0];
            bestKnown = isKnown;
            anyFired |= fires;
        }
    }

    /** The suffix reported (one that fires if any does, else the most frequent), or null. */
    public String topSuffix() {
        return best;
    }

    /** New suffixes, most frequent first. */
    public List<String> suffixes() {
        List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : entries) {
            out.add("." + e.getKey());
        }
        return out;
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(counts.size());
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            w.writeString(e.getKey());
            w.writeInt(e.getValue()[0]);
        }
        w.writeInt(suffixByHash.size());
        for (Map.Entry<Long, String> e : suffixByHash.entrySet()) {
            w.writeFixedLong(e.getKey());
            w.writeString(e.getValue());
        }
        w.writeFixedLong(lastRegistered);
        w.writeString(best);
        w.writeInt(bestCount);
        w.writeBoolean(bestKnown);
        w.writeBoolean(anyFired);
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        int n = r.readLength();
        if (n > 0) {
            counts = new HashMap<>();
        }
        for (int i = 0; i < n; i++) {
            counts.put(r.readString(), new int[] {r.readInt()});
        }
        n = r.readLength();
        if (n > 0) {
            suffixByHash = new HashMap<>();
        }
        for (int i = 0; i < n; i++) {
            suffixByHash.put(r.readFixedLong(), r.readString());
        }
        lastRegistered = r.readFixedLong();
        best = r.readString();
        bestCount = r.readInt();
        bestKnown = r.readBoolean();
        anyFired = r.readBoolean();
    }

    @Override
    public SignalKind kind() {
        return SignalKind.EXTENSION_CHANGE;
    }

    @Override
    public int weight() {
        return settings.extensionWeight;
    }

    @Override
    public double value() {
        return bestCount;
    }

    @Override
    public double threshold() {
        return bestKnown ? settings.extensionKnownThreshold : settings.extensionThreshold;
    }

    @Override
    public double strength() {
        double s = SignalSettings.ramp(bestCount, threshold(), Math.max(threshold(), settings.extensionSaturation));
        return bestKnown && s > 0 ? Math.min(1.0, s + 0.25) : s;
    }

    @Override
    public String describe() {
        if (best == null) {
            return "no file gained a new suffix";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(plural(bestCount, "file", "files")).append(" gained the suffix .").append(best);
        if (bestKnown) {
            sb.append(", a known ransomware extension (fires at ").append(settings.extensionKnownThreshold).append(")");
        } else {
            sb.append(" (fires at ").append(settings.extensionThreshold).append(" with one suffix; known ransomware extensions at ")
                    .append(settings.extensionKnownThreshold).append(")");
        }
        if (counts.size() > 1) {
            sb.append("; ").append(plural(counts.size(), "new suffix", "new suffixes")).append(" in all: ")
                    .append(String.join(", ", suffixes().subList(0, Math.min(5, counts.size()))));
        }
        return sb.toString();
    }
}
