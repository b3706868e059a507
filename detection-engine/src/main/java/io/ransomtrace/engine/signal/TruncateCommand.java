package io.ransomtrace.engine.signal;

import java.util.List;

/** What coreutils {@code truncate} is told to do with its files, read from its arguments. */
public final class TruncateCommand {
    private TruncateCommand() {
    }

    /**
     * True when the size given is exactly 0 ({@code -s 0}, {@code -s0}, {@code --size=0}, {@code --size 0}): every
     * operand is emptied. Relative sizes ({@code -s -10}, {@code -s %4K}) and {@code -r REF} are not.
     */
    public static boolean emptiesFiles(List<String> argv) {
        if (argv == null) {
            return false;
        }
        String size = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                break;
            }
            if ((a.equals("-s") || a.equals("--size")) && i + 1 < argv.size()) {
                size = argv.get(++i);
            } else if (a.startsWith("--size=")) {
                size = a.substring("--size=".length());
            } else if (a.startsWith("-s") && !a.startsWith("--")) {
                size = a.substring(2);
            } else if (a.equals("-r") || a.startsWith("--reference")) {
                return false;
            }
        }
        return size != null && zero(size);
    }

    /** "0", "00", "0K", "0KiB", "0MB"…: zero of any unit (no regular expression on the detector's path). */
    private static boolean zero(String size) {
        int i = 0;
        while (i < size.length() && size.charAt(i) == '0') {
            i++;
        }
        if (i == 0) {
            return false;
        }
        String unit = size.substring(i);
        if (unit.isEmpty()) {
            return true;
        }
        if ("KMGTPEZY".indexOf(unit.charAt(0)) < 0) {
            return false;
        }
        String rest = unit.substring(1);
        return rest.isEmpty() || rest.equals("iB") || rest.equals("B");
    }
}
