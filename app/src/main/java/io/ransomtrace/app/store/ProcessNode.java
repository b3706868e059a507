package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Credentials;

import java.time.Instant;
import java.util.List;

/**
 * One process instance of the process tree.
 *
 * @param key        stable key within the case (survives pid reuse)
 * @param parentKey  key of the parent instance, or null when the parent is not in the logs
 * @param start      exec time, or null for a process that started before the log (known only from what it did)
 * @param exit       exit time, or null
 * @param firstSeen  time of the first event of this process
 * @param execSuccess null for a process known only from its events; false for a failed exec
 * @param children   number of child instances
 */
public record ProcessNode(long key, String host, int pid, int ppid, Long parentKey, Instant start, Instant exit,
                          Instant firstSeen, String exe, String comm, List<String> argv, boolean argvTruncated,
                          String cwd, String tty, Credentials credentials, String entityId, String parentEntityId,
                          Boolean execSuccess, Integer exitCode, int sourceId, int children) {

    public ProcessNode {
        argv = argv == null ? List.of() : List.copyOf(argv);
    }

    /**
     * The command line as a shell would show it, the executable (or comm) when no arguments were logged, and ""
     * for a process known only as someone's parent pid.
     */
    public String commandLine() {
        if (!argv.isEmpty()) {
            return String.join(" ", argv);
        }
        return exe != null ? exe : comm != null ? comm : "";
    }
}
