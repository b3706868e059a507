package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.model.ProgramName;

import java.time.Instant;
import java.util.List;

/**
 * One program start of a campaign as the log shows it: what recovery reads keys, files and pipelines from.
 *
 * @param eventId        the exec event (evidence for every claim made from this command)
 * @param time           when it started
 * @param pid            its process id
 * @param ppid           its parent's process id, or -1
 * @param exe            the executable path, or null
 * @param argv           the arguments, argv[0] first
 * @param cwd            the working directory (relative operands are resolved against it), or null
 * @param createdFiles   files the same process created just before or while it ran, in order: the shell's
 *                       redirections ({@code openssl enc … < f > f.enc}) are opened by the process before it
 *                       execs the tool; empty when the log has no file events
 */
public record LoggedCommand(long eventId, Instant time, int pid, int ppid, String exe, List<String> argv, String cwd,
                            List<String> createdFiles) {

    public LoggedCommand {
        argv = argv == null ? List.of() : List.copyOf(argv);
        createdFiles = createdFiles == null ? List.of() : List.copyOf(createdFiles);
    }

    public LoggedCommand(long eventId, Instant time, int pid, int ppid, String exe, List<String> argv, String cwd) {
        this(eventId, time, pid, ppid, exe, argv, cwd, List.of());
    }

    /** The program's name: the executable's file name, else argv[0]'s. */
    public String name() {
        return ProgramName.of(exe != null && !exe.isEmpty() ? exe : argv.isEmpty() ? "" : argv.get(0), "");
    }

    /** The arguments after argv[0]. */
    public List<String> args() {
        return argv.size() > 1 ? argv.subList(1, argv.size()) : List.of();
    }

    public LoggedCommand withCreatedFiles(List<String> files) {
        return new LoggedCommand(eventId, time, pid, ppid, exe, argv, cwd, files);
    }
}
