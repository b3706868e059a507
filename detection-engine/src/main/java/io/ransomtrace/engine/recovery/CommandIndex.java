package io.ransomtrace.engine.recovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A campaign's commands by pid, to find a tool's parent script and its pipeline neighbours. */
final class CommandIndex {
    private final Map<Integer, List<LoggedCommand>> byPid = new HashMap<>();

    CommandIndex(List<LoggedCommand> commands) {
        for (LoggedCommand c : commands) {
            byPid.computeIfAbsent(c.pid(), k -> new ArrayList<>()).add(c);
        }
    }

    /** The program the parent pid ran last at or before the child started (pids are reused: the latest wins). */
    LoggedCommand parentOf(LoggedCommand child) {
        LoggedCommand best = null;
        for (LoggedCommand c : byPid.getOrDefault(child.ppid(), List.of())) {
            if (!c.time().isAfter(child.time()) && c.eventId() != child.eventId()
                    && (best == null || !c.time().isBefore(best.time()))) {
                best = c;
            }
        }
        return best;
    }

    /** Every command that ran under this pid (callers check parent and time themselves). */
    List<LoggedCommand> withPid(int pid) {
        return byPid.getOrDefault(pid, List.of());
    }
}
