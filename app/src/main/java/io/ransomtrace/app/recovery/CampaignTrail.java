package io.ransomtrace.app.recovery;

import io.ransomtrace.app.report.OriginalFiles;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.ProgramName;
import io.ransomtrace.engine.recovery.ChangedFile;
import io.ransomtrace.engine.recovery.LoggedCommand;
import io.ransomtrace.engine.recovery.RecoveryPlanner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a recovery plan is made from while a campaign's lineage is replayed in time order: the commands
 * that can matter (encrypting tools, rm, echo/printf, sh -c), each with the files its process created around its
 * start (a shell opens the redirections of {@code openssl … > f.enc} before it execs openssl), and the originals
 * the file events show changed.
 */
final class CampaignTrail {

    /** A redirection is opened by the forked shell a moment before the exec it belongs to. */
    private static final Duration REDIRECTION_LEAD = Duration.ofSeconds(2);
    private static final int RECENT_CREATES = 8;

    private record Create(String path, Instant time) {
    }

    private static final class Pending {
        final ProcessExec exec;
        final List<String> created;

        Pending(ProcessExec exec, List<String> created) {
            this.exec = exec;
            this.created = created;
        }

        LoggedCommand command() {
            var a = exec.actor();
            return new LoggedCommand(exec.id(), exec.time(), a.pid(), a.ppid(), a.exe(), exec.argv(), exec.cwd(), created);
        }
    }

    private final Instant fileOpsFrom;
    private final List<Pending> commands = new ArrayList<>();
    private final Map<Integer, Pending> running = new HashMap<>();
    private final Map<Integer, ArrayDeque<Create>> recentCreates = new HashMap<>();
    private final OriginalFiles originals = new OriginalFiles();
    private boolean fileEvents;

    /** @param fileOpsFrom file operations before this time are not the campaign's (null: all are) */
    CampaignTrail(Instant fileOpsFrom) {
        this.fileOpsFrom = fileOpsFrom;
    }

    void accept(Event e) {
        if (e instanceof ProcessExec exec) {
            exec(exec);
        } else if (e instanceof ProcessExit exit) {
            running.remove(exit.actor().pid());
            recentCreates.remove(exit.actor().pid());
        } else if (e instanceof FileOp op && (fileOpsFrom == null || !op.time().isBefore(fileOpsFrom))) {
            fileEvents |= op.modifies();
            originals.accept(op);
            if (op.kind() == FileOpKind.CREATE && op.modifies() && op.path() != null && op.actor() != null) {
                created(op);
            }
        }
    }

    private void exec(ProcessExec exec) {
        int pid = exec.actor().pid();
        if (!exec.success()) {
            return;
        }
        String name = exec.actor().exeName() != null ? exec.actor().exeName()
                : exec.argv().isEmpty() ? null : ProgramName.of(exec.argv().get(0));
        if (!RecoveryPlanner.matters(name, exec.argv())) {
            running.remove(pid);
            recentCreates.remove(pid);
            return;
        }
        List<String> created = new ArrayList<>(1);
        ArrayDeque<Create> recent = recentCreates.remove(pid);
        if (recent != null) {
            for (Create c : recent) {
                if (!c.time().isBefore(exec.time().minus(REDIRECTION_LEAD))) {
                    created.add(c.path());
                }
            }
        }
        Pending p = new Pending(exec, created);
        commands.add(p);
        running.put(pid, p);
    }

    private void created(FileOp op) {
        int pid = op.actor().pid();
        Pending p = running.get(pid);
        if (p != null) {
            p.created.add(op.path());
            return;
        }
        ArrayDeque<Create> recent = recentCreates.computeIfAbsent(pid, k -> new ArrayDeque<>(2));
        if (recent.size() == RECENT_CREATES) {
            recent.removeFirst();
        }
        recent.addLast(new Create(op.path(), op.time()));
    }

    List<LoggedCommand> commands() {
        List<LoggedCommand> out = new ArrayList<>(commands.size());
        for (Pending p : commands) {
            out.add(p.command());
        }
        return out;
    }

    List<ChangedFile> changedFiles() {
        List<ChangedFile> out = new ArrayList<>(originals.originals().size());
        for (OriginalFiles.Original o : originals.originals()) {
            out.add(new ChangedFile(o.path(), originals.newName(o), o.overwritten(), o.deleted(), o.first(),
                    o.firstEvent(), o.deleteEvent()));
        }
        return out;
    }

    Map<String, Long> destroyedCopies() {
        return originals.destroyedCopies();
    }

    boolean fileEventsSeen() {
        return fileEvents;
    }
}
