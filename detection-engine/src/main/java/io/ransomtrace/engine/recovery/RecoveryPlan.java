package io.ransomtrace.engine.recovery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How every original of one campaign comes back: a method per file with its evidence, the keys the campaign
 * used, and what to seize from the host.
 */
public record RecoveryPlan(List<FileRecovery> files, List<KeyUse> keys) {

    public RecoveryPlan {
        files = List.copyOf(files);
        keys = List.copyOf(keys);
    }

    public int count(RecoveryMethod m) {
        int n = 0;
        for (FileRecovery f : files) {
            if (f.method() == m) {
                n++;
            }
        }
        return n;
    }

    /** Files per method, in the method order (decrypt first), methods with no file left out. */
    public Map<RecoveryMethod, Integer> counts() {
        Map<RecoveryMethod, Integer> out = new EnumMap<>(RecoveryMethod.class);
        for (RecoveryMethod m : RecoveryMethod.values()) {
            int n = count(m);
            if (n > 0) {
                out.put(m, n);
            }
        }
        return out;
    }

    /** What to seize, with the number of files each would unlock, in first-seen order. */
    public Map<String, Integer> seizures() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (FileRecovery f : files) {
            if (f.seize() != null) {
                out.merge(f.seize(), 1, Integer::sum);
            }
        }
        return out;
    }

    /**
     * The plan in one or two sentences for the briefing: "287 of 303 files can be decrypted with the key seen in
     * the audit log; 16 must come from backup."
     */
    public String summary() {
        int total = files.size();
        if (total == 0) {
            return "The log names no original file of this campaign: nothing to plan.";
        }
        int decrypt = count(RecoveryMethod.DECRYPT);
        // one password used by two tools (7z and zip) is one key to the reader
        long knownKeys = keys.stream().filter(k -> k.decrypts() > 0).map(k -> k.key().secret()).distinct().count();
        List<String> parts = new ArrayList<>();
        if (decrypt > 0) {
            parts.add(decrypt + " of " + total + " file" + (total == 1 ? "" : "s") + " can be decrypted with the "
                    + (knownKeys == 1 ? "key" : knownKeys + " keys") + " seen in the audit log");
        } else {
            parts.add("none of the " + total + " file" + (total == 1 ? "" : "s")
                    + " can be decrypted from the audit log");
        }
        int intact = count(RecoveryMethod.INTACT);
        if (intact > 0) {
            parts.add(intact + (intact == 1 ? " was" : " were") + " left intact by the archiver");
        }
        int undelete = count(RecoveryMethod.UNDELETE_POSSIBLE);
        if (undelete > 0) {
            parts.add(undelete + " may be undeleted (deleted, never overwritten)");
        }
        int backup = count(RecoveryMethod.RESTORE_FROM_BACKUP);
        if (backup > 0) {
            parts.add(backup + " must come from backup");
        }
        StringBuilder b = new StringBuilder();
        b.append(Character.toUpperCase(parts.get(0).charAt(0))).append(parts.get(0).substring(1));
        for (int k = 1; k < parts.size(); k++) {
            b.append("; ").append(parts.get(k));
        }
        b.append('.');
        for (Map.Entry<String, Integer> s : seizures().entrySet()) {
            b.append(String.format(Locale.ROOT, " Seize %s: the key to %d file%s.", s.getKey(), s.getValue(),
                    s.getValue() == 1 ? "" : "s"));
        }
        return b.toString();
    }
}
