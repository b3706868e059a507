package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.EncryptionCommandParser;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.signal.ToolUse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a campaign's commands and changed files into a recovery plan: for every original, the encrypting
 * command that took it (the one naming it, else the one whose output it became), whether that command's key is
 * in the log, and so how the file comes back. Originals the log shows only through the commands' arguments
 * (exec-only telemetry, or archivers that left their inputs alone) are planned too.
 */
public final class RecoveryPlanner {

    /** A command may be logged a moment after the first change it caused (clock and ordering slack). */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final List<Recipe> recipes = new ArrayList<>();
    private final Map<String, List<Recipe>> byInput = new HashMap<>();
    private final Map<String, List<Recipe>> byOutput = new HashMap<>();
    /** Commands that take a named directory with everything below it, by each operand they name. */
    private final Map<String, List<Recipe>> byOperand = new HashMap<>();
    /** Paths that rm/unlink/shred named, with the event: deletions seen only through arguments. */
    private final Map<String, Long> removedByCommand = new HashMap<>();

    private RecoveryPlanner(List<LoggedCommand> commands) {
        PipedInput piped = new PipedInput(new CommandIndex(commands));
        for (LoggedCommand c : commands) {
            Recipe r = RecipeReader.read(c, piped);
            if (r != null) {
                add(r);
                continue;
            }
            String name = c.name();
            if (EncryptionCommandParser.knows(name)) {
                ToolUse use = EncryptionCommandParser.parse(name, c.argv(), c.cwd());
                if (use != null && (use.action() == ToolUse.Action.DELETE || use.destroys())) {
                    use.targets().forEach(t -> removedByCommand.putIfAbsent(t, c.eventId()));
                }
            }
        }
    }

    private void add(Recipe r) {
        recipes.add(r);
        for (String in : r.namedInputs()) {
            byInput.computeIfAbsent(in, k -> new ArrayList<>(1)).add(r);
        }
        String out = r.output();
        if (out != null && r.namedInputs().isEmpty()) {
            byOutput.computeIfAbsent(out, k -> new ArrayList<>(1)).add(r);
        }
        if (r.takesDirectories()) {
            for (String in : r.namedInputs()) {
                byOperand.computeIfAbsent(in, k -> new ArrayList<>(1)).add(r);
            }
        }
    }

    /**
     * Whether a command can matter to a plan: an encryption or deletion tool, an echo/printf that may feed one,
     * a shell given a script text. Callers keep only these, so a campaign of a million commands costs little.
     *
     * @param name the program's name (executable file name)
     */
    public static boolean matters(String name, List<String> argv) {
        if (name == null) {
            return false;
        }
        if (EncryptionCommandParser.knows(name) || name.equals("echo") || name.equals("printf")) {
            return true;
        }
        return PipedInput.isShell(name) && argv.contains("-c");
    }

    /**
     * @param commands        every command of the campaign's lineage, in time order (encrypting tools, the
     *                        echo/printf and shells that feed them, rm)
     * @param changed         the originals its file events show changed
     * @param destroyedCopies files the campaign wrote and then deleted or overwrote again, with the event
     *                        (an encrypted copy that is gone cannot be decrypted)
     * @param fileEventsSeen  true when the log shows file events for this campaign (else an original named by a
     *                        command but never seen changing may have changed all the same)
     */
    public static RecoveryPlan plan(List<LoggedCommand> commands, List<ChangedFile> changed,
                                    Map<String, Long> destroyedCopies, boolean fileEventsSeen) {
        return new RecoveryPlanner(commands).planFiles(changed, destroyedCopies, fileEventsSeen);
    }

    private RecoveryPlan planFiles(List<ChangedFile> changed, Map<String, Long> destroyedCopies, boolean fileEventsSeen) {
        List<FileRecovery> out = new ArrayList<>(changed.size());
        Set<String> planned = new HashSet<>();
        for (ChangedFile f : changed) {
            planned.add(f.path());
            out.add(planChanged(f, destroyedCopies));
        }
        List<String> changedPaths = changed.stream().map(ChangedFile::path).sorted().toList();
        for (Recipe r : recipes) {
            for (String in : r.namedInputs()) {
                // a name with a wildcard may be a pattern the archiver expanded itself: planned only when it changed
                boolean pattern = in.indexOf('*') >= 0 || in.indexOf('?') >= 0;
                if (!planned.contains(in) && !pattern && (!r.takesDirectories() || isFile(in, changedPaths, fileEventsSeen))) {
                    planned.add(in);
                    out.add(planNamedOnly(in, r, fileEventsSeen, destroyedCopies));
                }
            }
        }
        return new RecoveryPlan(out, keyUses(out));
    }

    /**
     * Whether an operand of a command that also takes directories is a file: with file events, when nothing
     * below it changed; without them, when its name has a suffix (documents do, share directories rarely do).
     */
    private static boolean isFile(String operand, List<String> sortedChanged, boolean fileEventsSeen) {
        if (!fileEventsSeen) {
            return PathNames.suffixDot(operand) >= 0;
        }
        String prefix = operand + "/";
        int at = java.util.Collections.binarySearch(sortedChanged, prefix);
        int next = at >= 0 ? at : -at - 1;
        return next >= sortedChanged.size() || !sortedChanged.get(next).startsWith(prefix);
    }

    private FileRecovery planChanged(ChangedFile f, Map<String, Long> destroyedCopies) {
        Recipe r = recipeFor(f.path(), f.newName(), f.firstTime());
        Recipe.Target t = r == null ? null : r.target(f.path(), f.newName());
        String seize = r == null ? null : r.key().toSeize();
        if (r != null && r.key().known()) {
            String gone = t.encryptedPath() == null ? "its encrypted copy is not named in the log"
                    : destroyedCopies.containsKey(t.encryptedPath()) ? "its encrypted copy " + t.encryptedPath()
                    + " was deleted or overwritten in event " + destroyedCopies.get(t.encryptedPath()) : null;
            if (gone == null) {
                return decrypt(f.path(), r, t);
            }
            return fallback(f, r, t, seize, "encrypted by " + describe(r) + ", but " + gone);
        }
        String why = r == null ? "no encrypting command in the log names it (the program that changed it keeps its key)"
                : "encrypted by " + describe(r) + " in event " + r.command().eventId() + ", key " + r.key().masked();
        return fallback(f, r, t, seize, why);
    }

    private FileRecovery fallback(ChangedFile f, Recipe r, Recipe.Target t, String seize, String why) {
        if (f.deleted() && !f.overwritten()) {
            return new FileRecovery(f.path(), RecoveryMethod.UNDELETE_POSSIBLE, r, t, f.deleteEventId(),
                    why + "; deleted in event " + f.deleteEventId() + " and never overwritten: its blocks may still be on disk",
                    seize);
        }
        String change = f.overwritten() ? "overwritten in event " + f.changeEventId()
                : "changed in event " + f.changeEventId();
        return new FileRecovery(f.path(), RecoveryMethod.RESTORE_FROM_BACKUP, r, t,
                r != null && !r.key().known() ? r.key().eventId() : f.changeEventId(), why + "; " + change, seize);
    }

    private FileRecovery planNamedOnly(String path, Recipe r, boolean fileEventsSeen, Map<String, Long> destroyedCopies) {
        Long removed = removedByCommand.get(path);
        Recipe.Target t = r.target(path, null);
        String seize = r.key().toSeize();
        if (removed == null && (r.keepsOriginals() || fileEventsSeen)) {
            String why = r.keepsOriginals() ? describe(r) + " copied it into " + t.encryptedPath()
                    + " and left the original in place (no delete option)"
                    : "named by " + describe(r) + ", and the log shows no change to it";
            return new FileRecovery(path, RecoveryMethod.INTACT, r, t, r.command().eventId(),
                    why + " (event " + r.command().eventId() + ")", seize);
        }
        if (r.key().known() && t.encryptedPath() != null && !destroyedCopies.containsKey(t.encryptedPath())) {
            return decrypt(path, r, t);
        }
        String why = "named by " + describe(r) + " in event " + r.command().eventId() + ", key " + r.key().masked();
        if (removed != null) {
            return new FileRecovery(path, RecoveryMethod.UNDELETE_POSSIBLE, r, t, removed,
                    why + "; removed by the command in event " + removed + " (the log has no file events to say more)",
                    seize);
        }
        return new FileRecovery(path, RecoveryMethod.RESTORE_FROM_BACKUP, r, t, r.key().eventId(), why, seize);
    }

    private static FileRecovery decrypt(String path, Recipe r, Recipe.Target t) {
        String into = t.member() == null ? t.encryptedPath() : t.encryptedPath() + " (member " + t.member() + ")";
        return new FileRecovery(path, RecoveryMethod.DECRYPT, r, t, r.key().eventId(),
                describe(r) + " with the " + r.key().masked() + " from event " + r.key().eventId() + ": " + into
                        + " → " + path, r.key().toSeize());
    }

    private static String describe(Recipe r) {
        return r.tool() + " (" + r.cipher() + ")";
    }

    /**
     * The command that encrypted this original: one naming it, else one whose output it became, else one that
     * took a directory above it; of several, the last to start before the first change.
     */
    private Recipe recipeFor(String path, String newName, Instant changed) {
        Recipe r = latest(byInput.getOrDefault(path, List.of()), path, newName, changed);
        if (r == null && newName != null) {
            r = latest(byOutput.getOrDefault(newName, List.of()), path, newName, changed);
        }
        if (r == null) {
            // a directory above it, nearest first (a lookup per level, not a scan of every command)
            for (int slash = path.lastIndexOf('/'); r == null && slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                r = latest(byOperand.getOrDefault(path.substring(0, slash), List.of()), path, newName, changed);
            }
        }
        return r;
    }

    private static Recipe latest(List<Recipe> candidates, String path, String newName, Instant changed) {
        Recipe best = null;
        Recipe anyTime = null;
        for (Recipe r : candidates) {
            if (r.target(path, newName) == null) {
                continue;
            }
            anyTime = r;
            if (changed == null || !r.command().time().isAfter(changed.plus(SLACK))) {
                best = r;
            }
        }
        return best != null ? best : anyTime;
    }

    private static List<KeyUse> keyUses(List<FileRecovery> files) {
        record Key(String tool, String cipher, KeySource.Kind kind, String secret, String location) {
        }
        Map<Key, int[]> counts = new LinkedHashMap<>();
        Map<Key, Recipe> first = new HashMap<>();
        for (FileRecovery f : files) {
            if (f.recipe() == null) {
                continue;
            }
            KeySource k = f.recipe().key();
            Key key = new Key(f.recipe().tool(), f.recipe().cipher(), k.kind(), k.secret(), k.location());
            int[] c = counts.computeIfAbsent(key, x -> new int[2]);
            c[0]++;
            if (f.method() == RecoveryMethod.DECRYPT) {
                c[1]++;
            }
            first.putIfAbsent(key, f.recipe());
        }
        List<KeyUse> out = new ArrayList<>();
        for (Map.Entry<Key, int[]> e : counts.entrySet()) {
            Recipe r = Objects.requireNonNull(first.get(e.getKey()));
            out.add(new KeyUse(r.tool(), r.cipher(), r.key(), e.getValue()[0], e.getValue()[1]));
        }
        return out;
    }
}
