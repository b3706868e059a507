package io.ransomtrace.views.process;

import io.ransomtrace.engine.model.ProgramName;

import java.time.Instant;
import java.util.Set;

/**
 * A process as the tree shows it.
 *
 * @param key           stable identity within the case (pid alone is reused): e.g. host + pid + start time,
 *                      or an EDR entity id
 * @param user          effective user name (or uid)
 * @param loginUser     the human behind it (audit login uid), shown when it differs from {@code user}
 * @param end           when it exited, or null when unknown / still running at the end of the logs
 * @param filesModified files this process (not its children) modified
 * @param badges        short signal names to show next to it, e.g. "mass-overwrite", "note", "ext-rename"
 */
public record ProcessRow(String key, int pid, int ppid, String exe, String commandLine, String user,
                         String loginUser, Instant start, Instant end, long filesModified, Set<String> badges) {
    public ProcessRow {
        badges = badges == null ? Set.of() : Set.copyOf(badges);
    }

    /** The executable's file name. */
    public String exeName() {
        return ProgramName.of(exe, "?");
    }

    /** "root ← alice" when the login user differs from the effective user, else the user. */
    public String userDisplay() {
        if (loginUser != null && !loginUser.isEmpty() && !loginUser.equals(user)) {
            return (user == null ? "?" : user) + " ← " + loginUser;
        }
        return user == null ? "" : user;
    }
}
