package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

import io.ransomtrace.engine.model.ContentHint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Signal 7: the same file name created in at least K directories by one lineage within a window. A name
 * counts as a note when it holds a strong keyword (decrypt, restore, recover, how_to...), when its text holds
 * enough ransom words (.onion, tor browser, bitcoin...), or when the campaign has also encrypted, overwritten
 * or renamed enough files. Weak words (readme, help, lock) only add confidence: README.md in every folder of
 * a git checkout is not a ransom note.
 */
public final class RansomNoteSignal extends Signal {
    private static final int MAX_NAMES = 2048;
    private static final int MAX_DIRS_PER_NAME = 100_000;

    /** One repeated file name and where it was dropped. */
    static final class NoteName {
        final String name;
        final long firstMillis;
        final String strongWord;
        final String weakWord;
        long[] dirHashes = new long[2];
        int dirs;
        int creations;
        final List<String> dirNames = new ArrayList<>(2);
        /** Created when an export carries the note's text (rarely). */
        Set<String> contentWords = Set.of();

        NoteName(String name, long firstMillis, String strongWord, String weakWord) {
            this.name = name;
            this.firstMillis = firstMillis;
            this.strongWord = strongWord;
            this.weakWord = weakWord;
        }

        boolean addDir(long h) {
            for (int i = 0; i < dirs; i++) {
                if (dirHashes[i] == h) {
                    return false;
                }
            }
            if (dirs >= MAX_DIRS_PER_NAME) {
                return false;
            }
            if (dirs == dirHashes.length) {
                dirHashes = Arrays.copyOf(dirHashes, dirs * 2);
            }
            dirHashes[dirs++] = h;
            return true;
        }
    }

    private final HashedNames noteExtensions;
    private final HashedNames known;
    private final HashedNames ordinary;
    private final HashedNames benign;
    private final int maxListedDirectories;
    private Map<String, NoteName> names = Map.of(); // a LinkedHashMap from the first candidate on
    /** The most widespread name with a strong keyword or ransom text. */
    private NoteName bestKeyed;
    /** The most widespread name of all (a note only if the campaign also did enough damage). */
    private NoteName bestAny;
    /**
     * The first name certain to be a note seen in two directories: a ransom word, named after an encrypted file, or
     * carrying the campaign's new suffix ({@link #spreadNoteNamedAfter}).
     */
    private NoteName early;
    private int impactFiles;

    public RansomNoteSignal(SignalSettings settings, HashedNames noteExtensions, HashedNames known, HashedNames ordinary,
                            HashedNames benign, int maxListedDirectories) {
        super(settings);
        this.noteExtensions = noteExtensions;
        this.known = known;
        this.ordinary = ordinary;
        this.benign = benign;
        this.maxListedDirectories = maxListedDirectories;
    }

    public static HashedNames noteExtensionSet(SignalSettings s) {
        return new HashedNames(s.noteExtensions);
    }

    /** Files encrypted, overwritten or renamed by the campaign so far (lets keyword-less names count). */
    public void impactFiles(int n) {
        impactFiles = n;
    }

    /**
     * A file was created ({@code slash} and {@code dot} as {@link PathHashes} computes them; {@code newFile}
     * false when the campaign already had a file by that path). Returns true when its name is a note candidate that was just created in a new
     * directory (the caller then knows this creation may be a note, not an affected file).
     */
    public boolean created(String path, int slash, int dot, long dirHash, long millis, ContentHint hint, boolean newFile) {
        int start = slash + 1;
        int end = path.length();
        String evidence = noteEvidence(path, start, end, dot);
        if (evidence == null) {
            return false;
        }
        return record(path.substring(start), evidence.isEmpty() ? null : evidence,
                settings.noteWeakKeywordMatcher.find(path, start, end), slash, path, dirHash, millis, hint, newFile);
    }

    /**
     * Why the name {@code path[start, end)} may be a note: its strong note keyword, or "" for a note extension
     * without one; null when it cannot be a note (too short or long, no letter, a data file's extension, neither).
     */
    private String noteEvidence(String path, int start, int end, int dot) {
        if (end - start < 3 || end - start > 120 || !hasLetter(path, start, end)) {
            return null;
        }
        boolean noteExt = dot < 0 ? noteExtensions.contains("", 0, 0) : noteExtensions.contains(path, dot + 1, end)
                || known.contains(path, dot + 1, end);
        if (!noteExt && (ordinary.contains(path, dot + 1, end) || benign.contains(path, dot + 1, end))) {
            return null; // data.json, build.o, x.tmp: not a note whatever the name says
        }
        String strong = settings.noteKeywordMatcher.find(path, start, end);
        return strong != null ? strong : noteExt ? "" : null;
    }

    /**
     * The name could be a note ({@link #created} would consider it): a note extension or a note keyword, and not
     * a data file's extension. Records nothing.
     */
    public boolean candidate(String path) {
        int slash = path.lastIndexOf('/');
        int d = path.lastIndexOf('.');
        int dot = d <= slash + 1 || d == path.length() - 1 ? -1 : d; // as PathHashes finds the last suffix
        return noteEvidence(path, slash + 1, path.length(), dot) != null;
    }

    /**
     * A file named after a file the campaign has just encrypted, overwritten or renamed, plus a suffix
     * ({@code report.pdf.README} beside {@code report.pdf.crypt}): a per-file note. All such files with the
     * same suffix are one note name, {@code <file>.README}, counted across directories like a shared name.
     * The suffix must look like a note: a strong or weak note keyword, or a note extension (txt, html…).
     */
    public boolean createdPerFile(String path, int slash, int dot, long dirHash, long millis, ContentHint hint,
                                  boolean newFile) {
        int end = path.length();
        if (dot <= slash + 1 || end - dot > 40 || known.contains(path, dot + 1, end)
                || benign.contains(path, dot + 1, end)) {
            return false; // f.locked is the encrypted file itself; git's index.lock, f.bak are housekeeping
        }
        String strong = settings.noteKeywordMatcher.find(path, dot + 1, end);
        String weak = settings.noteWeakKeywordMatcher.find(path, dot + 1, end);
        if (strong == null && weak == null && !noteExtensions.contains(path, dot + 1, end)) {
            return false;
        }
        return record(PER_FILE + path.substring(dot), strong, weak, slash, path, dirHash, millis, hint, newFile);
    }

    /**
     * A name without a letter ({@code 20853}, {@code 0001}) is a process id or a counter: mandb writes its new index
     * as {@code /var/cache/man/<lang>/<pid>} in every locale folder before renaming it to index.db. A note is written
     * for a person to find and read, so its name always has words in it.
     */
    private static boolean hasLetter(String path, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetter(path.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** How a per-file note name is shown: {@code <file>.README}. */
    public static final String PER_FILE = "<file>";

    private boolean record(String name, String strong, String weak, int slash, String path, long dirHash, long millis,
                           ContentHint hint, boolean newFile) {
        NoteName n = names.get(name);
        if (n == null) {
            if (names.size() >= MAX_NAMES && !makeRoom()) {
                return false;
            }
            if (names.isEmpty()) {
                names = new LinkedHashMap<>();
            }
            n = new NoteName(name, millis, strong, weak);
            names.put(name, n);
        }
        if (millis - n.firstMillis > settings.noteWindowMillis) {
            return false;
        }
        if (newFile) {
            n.creations++; // cp -n of the same note into a directory again is not another note file
        }
        boolean newDir = n.addDir(dirHash);
        if (newDir && n.dirNames.size() < maxListedDirectories) {
            n.dirNames.add(slash <= 0 ? "/" : path.substring(0, slash));
        }
        if (hint != null && hint.textExcerpt() != null && n.contentWords.size() < settings.noteContentKeywords.size()) {
            String text = hint.textExcerpt().toLowerCase(Locale.ROOT);
            for (String w : settings.noteContentKeywords) {
                if (text.contains(w)) {
                    if (n.contentWords.isEmpty()) {
                        n.contentWords = new LinkedHashSet<>();
                    }
                    n.contentWords.add(w);
                }
            }
        }
        if (keyed(n) && (bestKeyed == null || n.dirs > bestKeyed.dirs)) {
            bestKeyed = n;
        }
        if (early == null && n.dirs >= 2 && (keyed(n) || n.name.startsWith(PER_FILE))) {
            early = n;
        }
        if (bestAny == null || n.dirs > bestAny.dirs) {
            bestAny = n;
        }
        return true;
    }

    private boolean keyed(NoteName n) {
        return n.strongWord != null || n.contentWords.size() >= settings.noteMinContentKeywords;
    }

    /** The name the signal reports: the keyed one when it fires, else the most widespread. */
    private NoteName best() {
        if (bestKeyed != null && (bestKeyed.dirs >= settings.noteMinDirectories || bestAny == null
                || impactFiles < settings.noteImpactFilesWithoutKeyword)) {
            return bestKeyed;
        }
        return bestAny;
    }

    /**
     * A note name written in a second directory that cannot be anything but a note: it holds a ransom word
     * (or its text ransom words), or it is named after a file the campaign just encrypted
     * ({@code report.pdf.README}). Null until there is one. One of the facts that raise an early alert.
     */
    public String spreadNote() {
        return early == null ? null : early.name;
    }

    /**
     * A name written in at least two directories that carries the campaign's new suffix as a word
     * ({@code README_LOCKED.html} beside files renamed to {@code .locked}, {@code #README.lilocked}): lockers name
     * their notes after the extension they give the files, so such a name is a note even when its keywords are
     * weak. Null when none; suffixes shorter than {@value #MIN_SUFFIX_WORD} letters ({@code .enc}) are not words
     * enough to tell.
     */
    public String spreadNoteNamedAfter(String suffix) {
        if (suffix == null || suffix.length() < MIN_SUFFIX_WORD || names.isEmpty()) {
            return null;
        }
        String word = suffix.toLowerCase(Locale.ROOT);
        for (NoteName n : names.values()) {
            if (n.dirs >= 2 && n.name.toLowerCase(Locale.ROOT).contains(word)) {
                if (early == null) {
                    // certain to be a note from now on: its copies are notes, not files of the victim's, even
                    // while the damage is still below what a name with weak keywords needs
                    early = n;
                }
                return n.name;
            }
        }
        return null;
    }

    private static final int MIN_SUFFIX_WORD = 4;

    /** Forgets names seen in a single directory so far, to stay bounded. */
    private boolean makeRoom() {
        Iterator<NoteName> it = names.values().iterator();
        while (it.hasNext()) {
            NoteName n = it.next();
            if (n.dirs <= 1 && n != bestKeyed && n != bestAny && n != early) {
                it.remove();
            }
        }
        return names.size() < MAX_NAMES;
    }

    private boolean qualifies(NoteName n) {
        return keyed(n) || n == early || impactFiles >= settings.noteImpactFilesWithoutKeyword;
    }

    /** The notes as reported: every qualifying name spread over enough directories. */
    public List<NoteName> notes() {
        List<NoteName> out = new ArrayList<>();
        for (NoteName n : names.values()) {
            if (n.dirs >= settings.noteMinDirectories && qualifies(n)) {
                out.add(n);
            }
        }
        return out;
    }

    public List<String> noteNames() {
        List<String> out = new ArrayList<>();
        for (NoteName n : notes()) {
            out.add(n.name);
        }
        return out;
    }

    /** How many distinct note files were created. */
    public int noteCount() {
        int c = 0;
        for (NoteName n : notes()) {
            c += n.creations;
        }
        return c;
    }

    public List<String> noteDirectories() {
        Set<String> dirs = new LinkedHashSet<>();
        for (NoteName n : notes()) {
            for (String d : n.dirNames) {
                if (dirs.size() >= maxListedDirectories) {
                    break;
                }
                dirs.add(d);
            }
        }
        return new ArrayList<>(dirs);
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(names.size());
        int keyed = -1;
        int any = -1;
        int earlyAt = -1;
        int i = 0;
        for (NoteName n : names.values()) {
            if (n == bestKeyed) {
                keyed = i;
            }
            if (n == bestAny) {
                any = i;
            }
            if (n == early) {
                earlyAt = i;
            }
            i++;
            w.writeString(n.name);
            w.writeLong(n.firstMillis);
            w.writeString(n.strongWord);
            w.writeString(n.weakWord);
            w.writeInt(n.dirs);
            for (int d = 0; d < n.dirs; d++) {
                w.writeFixedLong(n.dirHashes[d]);
            }
            w.writeInt(n.creations);
            w.writeStrings(n.dirNames);
            w.writeStrings(n.contentWords);
        }
        // the best names are always among the names (making room never drops them)
        if ((bestKeyed != null && keyed < 0) || (bestAny != null && any < 0) || (early != null && earlyAt < 0)) {
            throw new IllegalStateException("a best or early note name is not among the names");
        }
        w.writeInt(bestKeyed == null ? -1 : keyed);
        w.writeInt(bestAny == null ? -1 : any);
        w.writeInt(early == null ? -1 : earlyAt);
        w.writeInt(impactFiles);
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        int count = r.readLength();
        if (count > 0) {
            names = new LinkedHashMap<>();
        }
        NoteName[] byIndex = new NoteName[count];
        for (int i = 0; i < count; i++) {
            NoteName n = new NoteName(r.readString(), r.readLong(), r.readString(), r.readString());
            n.dirs = r.readLength();
            if (n.dirs > MAX_DIRS_PER_NAME) {
                throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: a note name in "
                        + n.dirs + " directories");
            }
            n.dirHashes = new long[Math.max(2, n.dirs)];
            for (int d = 0; d < n.dirs; d++) {
                n.dirHashes[d] = r.readFixedLong();
            }
            n.creations = r.readInt();
            r.readStrings(n.dirNames);
            Set<String> words = r.readStrings(new LinkedHashSet<>());
            n.contentWords = words.isEmpty() ? Set.of() : words;
            names.put(n.name, n);
            byIndex[i] = n;
        }
        bestKeyed = noteAt(byIndex, r.readInt());
        bestAny = noteAt(byIndex, r.readInt());
        early = noteAt(byIndex, r.readInt());
        impactFiles = r.readInt();
    }

    private static NoteName noteAt(NoteName[] byIndex, int index) throws IOException {
        if (index == -1) {
            return null;
        }
        if (index < 0 || index >= byIndex.length) {
            throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: note name #" + index);
        }
        return byIndex[index];
    }

    @Override
    public SignalKind kind() {
        return SignalKind.RANSOM_NOTE;
    }

    @Override
    public int weight() {
        return settings.noteWeight;
    }

    @Override
    public double value() {
        NoteName best = best();
        return best == null ? 0 : best.dirs;
    }

    @Override
    public double threshold() {
        return settings.noteMinDirectories;
    }

    @Override
    public boolean fired() {
        NoteName best = best();
        return best != null && best.dirs >= settings.noteMinDirectories && qualifies(best);
    }

    @Override
    public double strength() {
        if (!fired()) {
            return 0;
        }
        NoteName best = best();
        double s = SignalSettings.ramp(best.dirs, settings.noteMinDirectories, settings.noteSaturation);
        if (best.strongWord != null) {
            s += 0.25;
        }
        if (best.contentWords.size() >= settings.noteMinContentKeywords) {
            s += 0.25;
        }
        return Math.min(1.0, s);
    }

    @Override
    public boolean measured() {
        NoteName best = best();
        return best != null && best.dirs >= 2;
    }

    @Override
    public String describe() {
        NoteName best = best();
        if (best == null) {
            return "no file name repeated across directories";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(best.name).append(" created in ").append(plural(best.dirs, "directory", "directories"))
                .append(" within ").append(seconds(settings.noteWindowMillis)).append(" (fires at ")
                .append(settings.noteMinDirectories).append(")");
        if (best.strongWord != null) {
            sb.append("; the name contains '").append(best.strongWord).append("'");
        } else if (best.weakWord != null) {
            sb.append("; the name contains '").append(best.weakWord).append("' (weak on its own)");
        }
        if (!best.contentWords.isEmpty()) {
            sb.append("; its text mentions ").append(String.join(", ", best.contentWords));
        }
        if (best.strongWord == null && best.contentWords.size() < settings.noteMinContentKeywords) {
            sb.append(best == early && !best.name.startsWith(PER_FILE) && impactFiles < settings.noteImpactFilesWithoutKeyword
                    ? "; a note because the name carries the new suffix the campaign gives files"
                    : impactFiles >= settings.noteImpactFilesWithoutKeyword
                    ? "; counted as a note because the campaign changed " + impactFiles + " files the way encryption does"
                    : "; not a note: no ransom keyword and only " + impactFiles + " files encrypted, overwritten or renamed (needs "
                    + settings.noteImpactFilesWithoutKeyword + ")");
        }
        return sb.toString();
    }
}
