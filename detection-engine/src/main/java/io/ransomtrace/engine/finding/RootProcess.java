package io.ransomtrace.engine.finding;

/**
 * The process a campaign is attributed to: the top of its lineage below the session leader or service.
 *
 * @param uid       real user id, or null when the telemetry did not carry it
 * @param user      user name, or null when unknown
 * @param loginUid  audit login uid (the human behind sudo/su), or null when unset
 * @param loginUser login user name, or null when unknown
 * @param parentExe executable of the root's parent (the shell, cron, sshd the campaign came from), or null
 * @param launchedBy command line of the script that started the root when the root is the one program that
 *                   did the campaign's work inside a larger script (§1.3 of docs/detections.md), else null
 */
public record RootProcess(int pid, int ppid, String exe, String commandLine, Long uid, String user,
                          Long loginUid, String loginUser, String parentExe, String launchedBy) {

    public RootProcess(int pid, int ppid, String exe, String commandLine, Long uid, String user,
                       Long loginUid, String loginUser, String parentExe) {
        this(pid, ppid, exe, commandLine, uid, user, loginUid, loginUser, parentExe, null);
    }

    /** What the root ran, for a reader: its command line, else its executable, else that the log never showed it. */
    public String shownCommand() {
        if (commandLine != null) {
            return commandLine;
        }
        return exe != null ? exe : unnamed() ? NO_PROCESS : NOT_IN_THE_LOG;
    }

    /**
     * The log names no process for the campaign's file events (file integrity monitoring: osquery's file_events,
     * Auditbeat's file_integrity, a CSV without process columns): they are the host's, by whoever wrote them.
     */
    public boolean unnamed() {
        return pid < 0 && exe == null && commandLine == null;
    }

    /** Said of a campaign whose file events name no process. */
    public static final String NO_PROCESS = "(no process: the log's file events name none, as file integrity monitoring records them)";

    /** Said of a root known only by its pid (its children named it as their parent; its exec is not in the log). */
    public static final String NOT_IN_THE_LOG = "(program not in the log: known only as the parent of what it started)";
}
