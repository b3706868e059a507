package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.model.ProgramName;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command read on its standard input, when the log shows it: a key passed as {@code echo KEY | tool
 * … -pass stdin}. Two places show it: the exec of {@code /bin/echo} or {@code printf} just before the tool
 * under the same parent (a pipeline's commands are forked left to right, so the feeder has the next lower
 * pid), or the text of the {@code sh -c '…'} script the tool was started from (there echo and printf are
 * shell builtins and never exec'd).
 */
final class PipedInput {

    /** The text fed in, and the event that shows it. */
    record Fed(String text, long eventId, String how) {
        /** The first line: what {@code openssl -pass stdin} and {@code gpg --passphrase-fd 0} read as the key. */
        String firstLine() {
            int nl = text.indexOf('\n');
            return nl < 0 ? text : text.substring(0, nl);
        }
    }

    /** How close in pid a pipeline's feeder is to the tool (a few forks may fall in between on a busy host). */
    private static final int MAX_PID_GAP = 4;
    private static final Duration MAX_TIME_GAP = Duration.ofSeconds(5);

    private final CommandIndex commands;
    /** Parsed scripts by their exec event: one {@code bash -c "…"} may start thousands of tools. */
    private final Map<Long, List<List<ShellText.Command>>> scripts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<List<ShellText.Command>>> eldest) {
            return size() > 64;
        }
    };

    PipedInput(CommandIndex commands) {
        this.commands = commands;
    }

    /** The campaign's commands by pid. */
    CommandIndex commands() {
        return commands;
    }

    /** The text {@code tool} read on standard input, or null when the log does not show it. */
    Fed of(LoggedCommand tool) {
        Fed sibling = fromSiblingExec(tool);
        return sibling != null ? sibling : fromParentScript(tool);
    }

    private Fed fromSiblingExec(LoggedCommand tool) {
        LoggedCommand best = null;
        for (int gap = 1; gap <= MAX_PID_GAP && best == null; gap++) {
            for (LoggedCommand c : commands.withPid(tool.pid() - gap)) {
                String n = c.name();
                if ((n.equals("echo") || n.equals("printf")) && c.ppid() == tool.ppid() && tool.ppid() > 0
                        && Duration.between(c.time(), tool.time()).abs().compareTo(MAX_TIME_GAP) <= 0) {
                    best = c;
                }
            }
        }
        if (best == null) {
            return null;
        }
        // coreutils echo and printf: echo interprets backslashes only with -e
        String text = output(best.argv(), false);
        return text == null ? null : new Fed(text, best.eventId(), best.name() + " | " + tool.name());
    }

    private Fed fromParentScript(LoggedCommand tool) {
        LoggedCommand parent = commands.parentOf(tool);
        if (parent == null) {
            return null;
        }
        List<String> argv = parent.argv();
        int c = argv.indexOf("-c");
        String shell = parent.name();
        if (c < 1 || c + 1 >= argv.size() || !isShell(shell)) {
            return null;
        }
        List<String> positional = argv.subList(c + 2, argv.size());
        List<List<ShellText.Command>> pipelines = scripts.computeIfAbsent(parent.eventId(),
                k -> ShellText.pipelines(argv.get(c + 1), positional));
        for (List<ShellText.Command> pipeline : pipelines) {
            for (int k = 0; k < pipeline.size(); k++) {
                ShellText.Command cmd = pipeline.get(k);
                if (!matches(cmd.words(), tool)) {
                    continue;
                }
                if (cmd.inlineInput() != null) {
                    return new Fed(cmd.inlineInput(), parent.eventId(), shell + " -c here-document → " + tool.name());
                }
                if (k > 0) {
                    List<String> feeder = pipeline.get(k - 1).words();
                    String name = feeder.isEmpty() || feeder.get(0) == null ? "" : baseName(feeder.get(0));
                    if (name.equals("echo") || name.equals("printf")) {
                        // dash (sh) interprets backslashes in echo; bash does only with -e
                        String text = output(feeder, !shell.equals("bash"));
                        if (text != null) {
                            return new Fed(text, parent.eventId(), shell + " -c '" + name + " … | " + tool.name() + "'");
                        }
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** A script's simple command stands for the logged tool: same program, and every word it fixes agrees. */
    private static boolean matches(List<String> words, LoggedCommand tool) {
        int from = 0;
        while (from < words.size() && words.get(from) != null
                && (words.get(from).equals("exec") || words.get(from).equals("command") || words.get(from).equals("nohup"))) {
            from++;
        }
        List<String> w = words.subList(from, words.size());
        List<String> argv = tool.argv();
        if (w.size() != argv.size() || w.isEmpty() || w.get(0) == null || !baseName(w.get(0)).equals(tool.name())) {
            return false;
        }
        for (int k = 1; k < w.size(); k++) {
            if (w.get(k) != null && !w.get(k).equals(argv.get(k))) {
                return false;
            }
        }
        return true;
    }

    static boolean isShell(String name) {
        return switch (name) {
            case "sh", "bash", "dash", "zsh", "ksh", "ash", "busybox", "mksh" -> true;
            default -> false;
        };
    }

    private static String baseName(String p) {
        return ProgramName.of(p, "");
    }

    /** What echo or printf with these words writes, or null when a word is unknown. */
    static String output(List<String> words, boolean echoEscapes) {
        if (words.isEmpty()) {
            return null;
        }
        for (String w : words) {
            if (w == null) {
                return null; // immutable lists refuse contains(null)
            }
        }
        String name = baseName(words.get(0));
        List<String> args = words.subList(1, words.size());
        if (name.equals("printf")) {
            return args.isEmpty() ? null : printf(args.get(0), args.subList(1, args.size()));
        }
        boolean newline = true;
        boolean escapes = echoEscapes;
        int k = 0;
        while (k < args.size() && args.get(k).matches("-[neE]+")) {
            for (char f : args.get(k).substring(1).toCharArray()) {
                if (f == 'n') {
                    newline = false;
                } else if (f == 'e') {
                    escapes = true;
                } else {
                    escapes = false;
                }
            }
            k++;
        }
        String text = String.join(" ", args.subList(k, args.size()));
        if (escapes) {
            text = backslashes(text);
        }
        return newline ? text + "\n" : text;
    }

    /** printf's format with %s/%b substituted (the formats key feeders use), %% and backslash escapes. */
    static String printf(String format, List<String> args) {
        StringBuilder b = new StringBuilder();
        int next = 0;
        do {
            for (int k = 0; k < format.length(); k++) {
                char c = format.charAt(k);
                if (c == '%' && k + 1 < format.length()) {
                    char d = format.charAt(++k);
                    if (d == '%') {
                        b.append('%');
                    } else if (d == 's' || d == 'b') {
                        String a = next < args.size() ? args.get(next) : "";
                        next++;
                        b.append(d == 'b' ? backslashes(a) : a);
                    } else {
                        return null; // a number format: not a key feeder we can reproduce
                    }
                } else if (c == '\\' && k + 1 < format.length()) {
                    b.append(backslashes(format.substring(k, k + 2)));
                    k++;
                } else {
                    b.append(c);
                }
            }
        } while (next > 0 && next < args.size());
        return b.toString();
    }

    private static String backslashes(String s) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '\\' || k + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++k);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '\\' -> b.append('\\');
                case 'c' -> {
                    return b.toString();
                }
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }
}
