package io.ransomtrace.views.process;

import io.ransomtrace.engine.model.ProgramName;

import java.time.Instant;
import java.util.Set;

/**
 * A process as the tree shows it.
 *
 * @param key           stable identity within the case (pid alone is reused): e.g. host + pid + start time,
 *                      or an EDR entity id
 * @param exe           the executable, or null for a process known only as someone's parent pid (it started
 *                      before the logs)
 * @param user          effective user name (or uid)
 * @param loginUser     the human behind it (audit login uid), shown when it differs from {@code user}
 * @param end           when it exited, or null when unknown / still running at the end of the logs
 * @param filesModified files this process (not its children) created, wrote, truncated, renamed or deleted
 * @param badges        short signal names to show next to it, e.g. "mass-overwrite", "note", "ext-rename"
 * @param tags          the analyst's tags on this process
 * @param execFailed    an exec that failed (a shell or env trying each PATH entry): the process kept running the
 *                      old program
 */
public record ProcessRow(String key, int pid, int ppid, String exe, String commandLine, String user,
                         String loginUser, Instant start, Instant end, long filesModified, Set<String> badges,
                         Set<String> tags, boolean execFailed) {
    public ProcessRow {
        badges = badges == null ? Set.of() : Set.copyOf(badges);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** A process without tags whose exec (if any) succeeded. */
    public ProcessRow(String key, int pid, int ppid, String exe, String commandLine, String user, String loginUser,
                      Instant start, Instant end, long filesModified, Set<String> badges) {
        this(key, pid, ppid, exe, commandLine, user, loginUser, start, end, filesModified, badges, Set.of(), false);
    }

    /** The same process with other tags. */
    public ProcessRow withTags(Set<String> newTags) {
        return new ProcessRow(key, pid, ppid, exe, commandLine, user, loginUser, start, end, filesModified, badges,
                newTags, execFailed);
    }

    /** Known only as the parent pid of processes in the logs: it started before them. */
    public boolean unnamed() {
        return (exe == null || exe.isEmpty()) && (commandLine == null || commandLine.isEmpty());
    }

    /** The executable's file name. */
    public String exeName() {
        return ProgramName.of(exe, "?");
    }

    /** How the process is named in the tree and the breadcrumb: "sudo 18993", "pid 17926 (before the logs)". */
    public String label() {
        return unnamed() ? "pid " + pid + " (before the logs)" : exeName() + "  " + pid;
    }

    /** "root ← alice" when the login user differs from the effective user, else the user. */
    public String userDisplay() {
        if (loginUser != null && !loginUser.isEmpty() && !loginUser.equals(user)) {
            return (user == null ? "?" : user) + " ← " + loginUser;
        }
        return user == null ? "" : user;
    }
}
