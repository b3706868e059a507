package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What is certain before the volume is: facts that each take only a few files to show and that benign bulk
 * work does not produce together. When enough of them hold (two by default), one showing automation and one
 * showing data changed the way encryption changes it, the campaign is raised to high after
 * {@code severity.earlyHighMinFiles} files instead of {@code severity.highMinFiles}:
 * <ul>
 *   <li>automation: an encrypting tool driven by a traversal (a recursive flag, find -exec, xargs, a loop: two
 *       runs under a bulk runner, or three under a script — never commands typed at a prompt); a new unknown
 *       binary (outside the system directories) rewriting files it did not create; a script (an interpreter or
 *       shell running a script file) rewriting three files it did not create in place itself; a note name that
 *       can only be a note (a ransom word, named after an encrypted file or after the campaign's new suffix)
 *       written in a second directory;</li>
 *   <li>data changed: the first original deleted right after its encrypted sibling was written (or after an
 *       encrypting archiver read it); that unknown binary's in-place rewrites; the same new suffix given to
 *       three files.</li>
 * </ul>
 * It adds no points to the score: it only decides when a campaign may be high, and the finding says which facts
 * raised it.
 */
public final class EarlyCertaintySignal extends Signal {
    private String traversal;
    private String deletedAfterCopy;
    private String unknownRewrite;
    private String scriptRewrite;
    private String note;
    private String suffix;
    private String pipedInPlace;
    /** Set when the campaign closed without the volume the facts stood for: why its final severity is lower. */
    private String endedSmall;

    public EarlyCertaintySignal(SignalSettings settings) {
        super(settings);
    }

    /** @param how e.g. "openssl enc -e ×3 under find -exec", or null while it does not hold */
    public void traversal(String how) {
        traversal = how;
    }

    public void deletedAfterCopy(String example) {
        if (deletedAfterCopy == null) {
            deletedAfterCopy = example;
        }
    }

    public void unknownRewrite(String exe) {
        if (unknownRewrite == null) {
            unknownRewrite = exe;
        }
    }

    /** @param script the command line of a script that rewrote three files it did not create in place */
    public void scriptRewrite(String script) {
        if (scriptRewrite == null) {
            scriptRewrite = script;
        }
    }

    /** True once three files were given the same new suffix. */
    public boolean suffixHeld() {
        return suffix != null;
    }

    public void note(String name) {
        note = name;
    }

    /** @param example a file rewritten in place by a pipeline's encrypting command ({@code dd … | openssl enc | dd of=F}) */
    public void pipedInPlace(String example) {
        if (pipedInPlace == null) {
            pipedInPlace = example;
        }
    }

    public void suffix(String s) {
        if (suffix == null) {
            suffix = s;
        }
    }

    /** True when a note name was written in a second directory. */
    public boolean noteHeld() {
        return note != null;
    }

    /**
     * The campaign closed with only {@code files} files changed in {@code directories} directories, no note and no
     * root: whatever raised it (early facts, a few files encrypted and deleted), the volume never came, so its
     * finding ends low.
     */
    public void endedSmall(int files, int directories, int highMinFiles) {
        endedSmall = "it ended with " + plural(files, "file", "files") + " changed in "
                + plural(directories, "directory", "directories") + ", no ransom note and no process running as root"
                + " (high without early facts needs " + highMinFiles + " files): the scope of a user encrypting a few"
                + " of their own files, final severity low (the live alert stands)";
    }

    /**
     * A program no package put there (outside the system directories) or a script rewrote files it did not create:
     * on its own it vouches that files overwritten in place were not a service updating its own data.
     */
    public boolean rewriterOutsideTheSystem() {
        return unknownRewrite != null || scriptRewrite != null;
    }

    private boolean automation() {
        return traversal != null || unknownRewrite != null || scriptRewrite != null || note != null;
    }

    private boolean dataChanged() {
        return deletedAfterCopy != null || unknownRewrite != null || suffix != null || pipedInPlace != null;
    }

    private int facts() {
        int n = stagedInTemp() ? 1 : 0;
        for (String f : new String[] {traversal, deletedAfterCopy, unknownRewrite, scriptRewrite, note, suffix, pipedInPlace}) {
            if (f != null) {
                n++;
            }
        }
        return n;
    }

    /** Directories anyone may write and nothing installs programs into: where a dropped binary is staged. */
    private static final String[] TEMPORARY_DIRECTORIES = {"/tmp/", "/var/tmp/", "/dev/shm/", "/run/shm/"};

    /**
     * The unknown binary that rewrote files runs from a world-writable temporary directory (/tmp/.x, /var/tmp,
     * /dev/shm): no package, build or user installs a program there; a dropped payload is put there. A fact of its
     * own, of automation.
     */
    private boolean stagedInTemp() {
        if (unknownRewrite == null) {
            return false;
        }
        for (String dir : TEMPORARY_DIRECTORIES) {
            if (unknownRewrite.startsWith(dir)) {
                return true;
            }
        }
        return false;
    }

    /** True once a traversal fact holds. */
    public boolean traversalHeld() {
        return traversal != null;
    }

    @Override
    public SignalKind kind() {
        return SignalKind.EARLY_CERTAINTY;
    }

    @Override
    public int weight() {
        return 0;
    }

    @Override
    public double value() {
        return facts();
    }

    @Override
    public double threshold() {
        return settings.earlyMinFacts;
    }

    @Override
    public boolean fired() {
        return facts() >= settings.earlyMinFacts && automation() && dataChanged();
    }

    @Override
    public double strength() {
        return fired() ? 1 : 0;
    }

    @Override
    public boolean measured() {
        return facts() > 0 || endedSmall != null; // the scope that lowered the finding is said even without facts
    }

    @Override
    public String describe() {
        if (facts() == 0 && endedSmall != null) {
            return "no early facts; " + endedSmall;
        }
        List<String> parts = new ArrayList<>();
        if (traversal != null) {
            parts.add("encrypting tool driven by a traversal (" + traversal + ")");
        }
        if (deletedAfterCopy != null) {
            parts.add("an original deleted right after its encrypted copy was written (" + deletedAfterCopy + ")");
        }
        if (unknownRewrite != null) {
            parts.add("an unknown binary outside the system directories rewrote files it did not create, or replaced them by"
                    + " copies under a new suffix (" + unknownRewrite + ")");
            if (stagedInTemp()) {
                parts.add("that binary runs from a world-writable temporary directory, where payloads are dropped");
            }
        }
        if (scriptRewrite != null) {
            parts.add("a script rewrote files it did not create in place, or replaced them by copies under a new"
                    + " suffix, three or more (" + scriptRewrite + ")");
        }
        if (note != null) {
            parts.add("a ransom-note name written in a second directory (" + note + ")");
        }
        if (suffix != null) {
            parts.add("three files given the same new suffix (." + suffix + ")");
        }
        if (pipedInPlace != null) {
            parts.add("a file rewritten in place by the encrypting command of its pipeline (" + pipedInPlace + ")");
        }
        String facts = parts.isEmpty() ? "none yet" : String.join("; ", parts);
        return plural(facts(), "early fact", "early facts") + ": " + facts + "; raises the campaign to high after "
                + settings.earlyHighMinFiles + " files once " + settings.earlyMinFacts
                + " hold, one of automation and one of changed data (else high needs " + settings.highMinFiles + " files)"
                + (endedSmall != null ? "; " + endedSmall : "");
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeString(traversal);
        w.writeString(deletedAfterCopy);
        w.writeString(unknownRewrite);
        w.writeString(scriptRewrite);
        w.writeString(note);
        w.writeString(suffix);
        w.writeString(pipedInPlace);
        w.writeString(endedSmall);
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        traversal = r.readString();
        deletedAfterCopy = r.readString();
        unknownRewrite = r.readString();
        scriptRewrite = r.readString();
        note = r.readString();
        suffix = r.readString();
        pipedInPlace = r.readString();
        endedSmall = r.readString();
    }
}
