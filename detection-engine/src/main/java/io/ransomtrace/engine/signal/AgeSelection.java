package io.ransomtrace.engine.signal;

import java.util.List;
import java.util.Set;

/**
 * Whether a {@code find} command selects only files left untouched for a day or more ({@code -mtime +30},
 * {@code -atime +7}, {@code -mmin +1440}): the mark of a retention sweep (expired exports shredded, old logs
 * deleted). A locker wants the files in use — today's work is what has no backup yet — so it never spares every
 * file changed in the last day; a sweep that does is housekeeping of expired files, whatever it does to them.
 */
public final class AgeSelection {
    private static final Set<String> DAYS = Set.of("-mtime", "-atime", "-ctime");
    private static final Set<String> MINUTES = Set.of("-mmin", "-amin", "-cmin");
    private static final int MINUTES_IN_A_DAY = 24 * 60;

    private AgeSelection() {
    }

    /** True when {@code argv} is a find whose tests include an unnegated "older than a day" test. */
    public static boolean olderThanADay(String exeName, List<String> argv) {
        if (!"find".equals(exeName)) {
            return false;
        }
        for (int i = 1; i + 1 < argv.size(); i++) {
            String test = argv.get(i);
            boolean days = DAYS.contains(test);
            if (!days && !MINUTES.contains(test)) {
                continue;
            }
            String prev = argv.get(i - 1);
            if (prev.equals("!") || prev.equals("-not")) {
                continue; // ! -mtime +30: the recent files, the opposite of a sweep
            }
            long n = olderThan(argv.get(i + 1));
            if (n >= 0 && (days || n >= MINUTES_IN_A_DAY)) {
                return true;
            }
        }
        return false;
    }

    /** N of "+N" (more than N units old), or -1 for "-N", "N" or anything else. */
    private static long olderThan(String arg) {
        if (arg.length() < 2 || arg.charAt(0) != '+' || arg.length() > 10) {
            return -1;
        }
        for (int i = 1; i < arg.length(); i++) {
            if (!Character.isDigit(arg.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(arg.substring(1));
    }
}
