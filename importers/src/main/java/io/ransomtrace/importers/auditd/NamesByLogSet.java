package io.ransomtrace.importers.auditd;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The account names and directories one import or scan run learns, kept per rotated set: {@code audit.log},
 * {@code audit.log.1}, {@code audit.log.2.gz} of one folder are one set, read oldest first, so a login recorded in
 * {@code audit.log.1} names the session's processes in {@code audit.log}, and a folder learned there places names in
 * it here (as one continuous feed of the host, the fleet job's, would); another folder's log (another machine,
 * perhaps without {@code node=}) learns apart. Not thread-safe: the files of a run are read one after the other.
 */
public final class NamesByLogSet {
    private final Map<String, LoginNames> bySet = new HashMap<>();
    private final Map<String, DirectoryInodes> directoriesBySet = new HashMap<>();

    /** Nothing learned yet: one per import or scan run. */
    public NamesByLogSet() {
    }

    /** The names shared by the files of {@code file}'s rotated set. */
    LoginNames ofRotatedSet(Path file) {
        return bySet.computeIfAbsent(setKey(file), k -> new LoginNames());
    }

    /** The directories learned by inode, shared by the files of {@code file}'s rotated set. */
    DirectoryInodes directoriesOfRotatedSet(Path file) {
        return directoriesBySet.computeIfAbsent(setKey(file), k -> new DirectoryInodes());
    }

    private static String setKey(Path file) {
        Path name = file.getFileName();
        String base = name == null ? "" : name.toString();
        if (base.endsWith(".gz")) {
            base = base.substring(0, base.length() - 3);
        }
        int dot = base.lastIndexOf('.');
        if (dot > 0 && dot < base.length() - 1 && base.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            base = base.substring(0, dot);
        }
        Path folder = file.toAbsolutePath().getParent();
        return (folder == null ? "" : folder.toString()) + "/" + base;
    }
}
