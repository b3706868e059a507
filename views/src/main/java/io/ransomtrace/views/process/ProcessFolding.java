package io.ransomtrace.views.process;

import io.ransomtrace.views.common.Plural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which siblings of the process tree are folded into one row that says what they are, so that noise does not
 * bury the processes that did something:
 * <ul>
 *   <li>processes known only as a parent pid ("?" with no program: they started before the logs), when there
 *       are two or more;</li>
 *   <li>failed exec attempts of one pid (a shell or {@code env} trying each PATH folder for {@code su}, a
 *       compiler probing for {@code as}), when there are two or more.</li>
 * </ul>
 * A fold row is a {@link ProcessRow} whose key starts with {@link #FOLD_PREFIX}; its command line describes it.
 */
public final class ProcessFolding {
    public static final String FOLD_PREFIX = "fold:";

    /** One row among siblings: a process, or a fold row with the processes it holds. */
    public record Entry(ProcessRow row, List<ProcessRow> folded) {
        public Entry {
            folded = List.copyOf(folded);
        }

        public boolean isFold() {
            return !folded.isEmpty();
        }
    }

    private ProcessFolding() {
    }

    public static boolean isFold(ProcessRow r) {
        return r != null && r.key().startsWith(FOLD_PREFIX);
    }

    /** The siblings as the tree lists them, in their order, with the folds in place of their first member. */
    public static List<Entry> fold(String parentKey, List<ProcessRow> siblings) {
        List<ProcessRow> unnamed = siblings.stream().filter(ProcessRow::unnamed).toList();
        Map<Integer, List<ProcessRow>> failed = new LinkedHashMap<>();
        for (ProcessRow r : siblings) {
            if (r.execFailed() && !r.unnamed()) {
                failed.computeIfAbsent(r.pid(), p -> new ArrayList<>()).add(r);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (ProcessRow r : siblings) {
            if (r.unnamed() && unnamed.size() >= 2) {
                if (r == unnamed.get(0)) {
                    out.add(new Entry(unnamedFold(parentKey, unnamed), unnamed));
                }
            } else if (r.execFailed() && !r.unnamed() && failed.get(r.pid()).size() >= 2) {
                List<ProcessRow> attempts = failed.get(r.pid());
                if (r == attempts.get(0)) {
                    out.add(new Entry(failedFold(parentKey, attempts), attempts));
                }
            } else {
                out.add(new Entry(r, List.of()));
            }
        }
        return out;
    }

    private static ProcessRow unnamedFold(String parentKey, List<ProcessRow> unnamed) {
        String text = Plural.of(unnamed.size(), "process") + " started before the logs";
        String why = "known only as the parent pid of processes in the logs (pids "
                + String.join(", ", unnamed.stream().limit(6).map(r -> String.valueOf(r.pid())).toList())
                + (unnamed.size() > 6 ? ", …" : "") + ")";
        return new ProcessRow(FOLD_PREFIX + parentKey + ":before-logs", -1, -1, text, why, null, null,
                unnamed.get(0).start(), null, 0, null);
    }

    private static ProcessRow failedFold(String parentKey, List<ProcessRow> attempts) {
        ProcessRow first = attempts.get(0);
        List<String> tried = attempts.stream().map(ProcessRow::commandLine).distinct().toList();
        String text = Plural.of(attempts.size(), "failed exec attempt") + " by " + first.exeName() + " " + first.pid();
        String why = "the program was looked up in each PATH folder and not found there: "
                + String.join(", ", tried.stream().limit(5).toList()) + (tried.size() > 5 ? ", …" : "");
        return new ProcessRow(FOLD_PREFIX + parentKey + ":failed-exec:" + first.pid(), first.pid(), first.ppid(),
                text, why, first.user(), first.loginUser(), first.start(), null, 0, null);
    }
}
