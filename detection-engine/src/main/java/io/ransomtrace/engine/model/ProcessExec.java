package io.ransomtrace.engine.model;

import java.time.Instant;
import java.util.List;

/**
 * A program started (execve/execveat, EDR process start).
 *
 * @param argv           the arguments, argv[0] first
 * @param argvTruncated  true when the argument list is known to be incomplete (e.g. only a PROCTITLE, which the
 *                       kernel caps at 128 bytes, or only a comm name was available)
 * @param cwd            working directory, or null
 * @param tty            controlling terminal ("pts0", "(none)" mapped to null)
 * @param parentEntityId EDR entity id of the parent, or null
 * @param success        false for a failed exec (kept: it shows intent, but nothing ran)
 */
public record ProcessExec(long id, Instant time, String host, Actor actor, List<String> argv,
                          boolean argvTruncated, String cwd, String tty, String parentEntityId, boolean success,
                          Provenance provenance) implements Event {

    public ProcessExec {
        argv = argv == null ? List.of() : List.copyOf(argv);
    }

    /** The command line as a shell would show it (arguments joined by spaces, no quoting). */
    public String commandLine() {
        return String.join(" ", argv);
    }
}
