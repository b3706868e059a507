package io.ransomtrace.engine.recovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds a campaign's commands as a log would show them, pids and event ids counting up. */
final class Commands {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final List<LoggedCommand> list = new ArrayList<>();
    private long nextId = 100;
    private int nextPid = 5000;
    private long millis;

    /** A command under {@code ppid}, in {@code cwd}; returns it (its pid is the next free one). */
    LoggedCommand run(int ppid, String cwd, String... argv) {
        return add(nextPid++, ppid, cwd, List.of(argv));
    }

    LoggedCommand add(int pid, int ppid, String cwd, List<String> argv) {
        String exe = argv.get(0).startsWith("/") ? argv.get(0) : "/usr/bin/" + argv.get(0);
        LoggedCommand c = new LoggedCommand(nextId++, T0.plusMillis(millis += 10), pid, ppid, exe, argv, cwd);
        list.add(c);
        return c;
    }

    /** Skips pids, as other processes on a busy host would take them. */
    Commands skipPids(int n) {
        nextPid += n;
        return this;
    }

    List<LoggedCommand> all() {
        return List.copyOf(list);
    }

    static Recipe recipe(List<LoggedCommand> all, LoggedCommand c) {
        return RecipeReader.read(c, new PipedInput(new CommandIndex(all)));
    }

    static Recipe recipe(String cwd, String... argv) {
        Commands cs = new Commands();
        LoggedCommand c = cs.run(1, cwd, argv);
        return recipe(cs.all(), c);
    }
}
