package io.ransomtrace.engine.recovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of a {@code sh -c '…'} script far enough to see what a pipeline feeds a tool's standard input:
 * {@code echo KEY | openssl … -pass stdin}, {@code printf '%s' "$0" | gpg --passphrase-fd 0 …}, here-strings and
 * here-documents. Words are resolved where the text alone fixes them: quoting, the script's positional
 * parameters ({@code $0}, {@code $1} come from the {@code sh -c} arguments) and variables the script itself
 * assigned a literal before ({@code K=abc; echo "$K" | …}). Anything else ({@code $(…)}, unknown variables)
 * leaves the word unknown, and a pipeline with an unknown word feeds no key. It is not a shell: no control flow
 * is followed, every simple command is read in text order.
 */
final class ShellText {

    /** One simple command: its words (null where unknown, so the list is not a List.of) and the text its standard input was given inline. */
    record Command(List<String> words, String inlineInput) {
    }

    private final String s;
    private int i;
    private final Map<String, String> vars = new HashMap<>();
    private final List<List<Command>> pipelines = new ArrayList<>();
    private List<Command> pipeline = new ArrayList<>();
    private List<String> words = new ArrayList<>();
    private String inlineInput;
    private final List<PendingHereDoc> hereDocs = new ArrayList<>();

    private record PendingHereDoc(String delimiter, boolean expand, boolean stripTabs) {
    }

    private ShellText(String s, List<String> positional) {
        this.s = s;
        for (int k = 0; k < positional.size() && k < 10; k++) {
            vars.put(String.valueOf(k), positional.get(k));
        }
    }

    /**
     * The pipelines of a script, each a list of simple commands in order.
     *
     * @param positional the script's {@code $0}, {@code $1}, … (the arguments after the script text)
     */
    static List<List<Command>> pipelines(String script, List<String> positional) {
        ShellText t = new ShellText(script, positional);
        t.run();
        return t.pipelines;
    }

    private void run() {
        int guard = 0;
        while (i < s.length() && guard++ < 1_000_000) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '\n') {
                i++;
                endCommand();
                endPipeline();
                readHereDocs();
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '|') {
                if (at("||")) {
                    i += 2;
                    endCommand();
                    endPipeline();
                } else {
                    i += at("|&") ? 2 : 1;
                    endCommand();
                }
            } else if (c == ';' || c == '&' || c == '(' || c == ')') {
                if (c == '&' && at("&>")) {
                    i += at("&>>") ? 3 : 2;
                    readWord();
                    continue;
                }
                i += at(";;") || at("&&") ? 2 : 1;
                endCommand();
                endPipeline();
            } else if (c == '<' || c == '>' || (Character.isDigit(c) && redirectAfterDigits())) {
                redirect();
            } else {
                String w = readWord();
                if (words.isEmpty() && isKeyword(w)) {
                    if (w != null && (w.equals("{") || w.equals("}"))) {
                        endCommand();
                        endPipeline();
                    }
                    continue;
                }
                words.add(w);
            }
        }
        endCommand();
        endPipeline();
    }

    private boolean at(String op) {
        return s.startsWith(op, i);
    }

    private boolean redirectAfterDigits() {
        int k = i;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k < s.length() && (s.charAt(k) == '<' || s.charAt(k) == '>') && (i == 0 || " \t\n;|&".indexOf(s.charAt(i - 1)) >= 0);
    }

    private static boolean isKeyword(String w) {
        return w != null && switch (w) {
            case "then", "do", "else", "elif", "if", "while", "until", "!", "{", "}", "fi", "done", "esac", "time" -> true;
            default -> false;
        };
    }

    private void redirect() {
        while (Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (at("<<<")) {
            i += 3;
            skipBlanks();
            String w = readWord();
            inlineInput = w == null ? null : w + "\n";
            return;
        }
        if (at("<<")) {
            i += 2;
            boolean strip = false;
            if (at("-")) {
                strip = true;
                i++;
            }
            skipBlanks();
            int start = i;
            String delim = readWord();
            boolean quoted = s.substring(start, i).matches(".*['\"\\\\].*");
            hereDocs.add(new PendingHereDoc(delim, !quoted, strip));
            inlineInput = HERE_DOC_PENDING;
            return;
        }
        // <, >, >>, <>, <&, >&, >|: the next word is the target; none of them feeds a literal text
        i++;
        if (i < s.length() && ">&|<".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        skipBlanks();
        readWord();
    }

    /** Marks a command whose here-document body comes after the end of the line. */
    private static final String HERE_DOC_PENDING = new String("\u0000here-doc");

    private void readHereDocs() {
        if (hereDocs.isEmpty()) {
            return;
        }
        for (PendingHereDoc h : hereDocs) {
            StringBuilder body = new StringBuilder();
            boolean closed = false;
            while (i < s.length()) {
                int nl = s.indexOf('\n', i);
                String line = nl < 0 ? s.substring(i) : s.substring(i, nl);
                i = nl < 0 ? s.length() : nl + 1;
                if (h.stripTabs()) {
                    line = line.replaceFirst("^\t+", "");
                }
                if (h.delimiter() != null && line.equals(h.delimiter())) {
                    closed = true;
                    break;
                }
                body.append(line).append('\n');
            }
            String text = !closed || h.delimiter() == null ? null : h.expand() ? expandText(body.toString()) : body.toString();
            fillHereDoc(h, text);
        }
        hereDocs.clear();
    }

    private void fillHereDoc(PendingHereDoc h, String text) {
        // the command was already closed at the end of its line: find it in the finished pipelines
        for (int p = pipelines.size() - 1; p >= 0; p--) {
            List<Command> cmds = pipelines.get(p);
            for (int k = 0; k < cmds.size(); k++) {
                Command c = cmds.get(k);
                if (c.inlineInput() == HERE_DOC_PENDING) {
                    cmds.set(k, new Command(c.words(), text));
                    return;
                }
            }
        }
    }

    private void endCommand() {
        if (!words.isEmpty() && onlyAssignmentsIn(words)) {
            for (String w : words) {
                if (w != null) {
                    int eq = w.indexOf('=');
                    vars.put(w.substring(0, eq), w.substring(eq + 1));
                }
            }
        } else if (!words.isEmpty() || inlineInput != null) {
            pipeline.add(new Command(nullable(words), inlineInput));
        }
        words = new ArrayList<>();
        inlineInput = null;
    }

    private static List<String> nullable(List<String> l) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(l));
    }

    private static boolean onlyAssignmentsIn(List<String> ws) {
        for (String w : ws) {
            if (w == null || !w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                return false;
            }
        }
        return true;
    }

    private void endPipeline() {
        endCommand();
        if (!pipeline.isEmpty()) {
            pipelines.add(pipeline);
        }
        pipeline = new ArrayList<>();
    }

    private void skipBlanks() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    /** One word, quotes removed and parameters expanded; null when any part of it is unknown. */
    private String readWord() {
        StringBuilder b = new StringBuilder();
        boolean known = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (" \t\n;&|()<>".indexOf(c) >= 0) {
                break;
            }
            if (c == '\\') {
                if (i + 1 < s.length()) {
                    if (s.charAt(i + 1) != '\n') {
                        b.append(s.charAt(i + 1));
                    }
                    i += 2;
                } else {
                    i++;
                }
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    i = s.length();
                    return null;
                }
                b.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                int end = s.indexOf('\'', i + 2);
                if (end < 0) {
                    i = s.length();
                    return null;
                }
                b.append(ansiC(s.substring(i + 2, end)));
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                        if (s.charAt(i + 1) != '\n') {
                            b.append(s.charAt(i + 1));
                        }
                        i += 2;
                    } else if (d == '$' || d == '`') {
                        String v = expansion();
                        if (v == null) {
                            known = false;
                        } else {
                            b.append(v);
                        }
                    } else {
                        b.append(d);
                        i++;
                    }
                }
                i++;
            } else if (c == '$' || c == '`') {
                String v = expansion();
                if (v == null) {
                    known = false;
                } else {
                    b.append(v);
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return known ? b.toString() : null;
    }

    /** A $… or `…` at i: its value when the text fixes it, else null; i moves past it either way. */
    private String expansion() {
        char c = s.charAt(i);
        if (c == '`') {
            int end = s.indexOf('`', i + 1);
            i = end < 0 ? s.length() : end + 1;
            return null;
        }
        i++; // the $
        if (i >= s.length()) {
            return "$";
        }
        char d = s.charAt(i);
        if (d == '(') {
            skipBalanced('(', ')');
            return null;
        }
        if (d == '{') {
            int end = s.indexOf('}', i);
            String name = end < 0 ? "" : s.substring(i + 1, end);
            i = end < 0 ? s.length() : end + 1;
            return name.matches("[A-Za-z_][A-Za-z0-9_]*|[0-9]+") ? vars.get(name) : null;
        }
        if (Character.isDigit(d)) {
            i++;
            return vars.get(String.valueOf(d));
        }
        if (Character.isLetter(d) || d == '_') {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return vars.get(s.substring(start, i));
        }
        if ("@*#?-$!".indexOf(d) >= 0) {
            i++;
            return null;
        }
        return "$";
    }

    private void skipBalanced(char open, char close) {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\'') {
                int end = s.indexOf('\'', i);
                i = end < 0 ? s.length() : end + 1;
            } else if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return;
            }
        }
    }

    /** A here-document body with $NAME / ${NAME} / $N expanded; null when a part is unknown. */
    private String expandText(String body) {
        ShellText inner = new ShellText(body, List.of());
        inner.vars.putAll(vars);
        StringBuilder b = new StringBuilder();
        while (inner.i < body.length()) {
            char c = body.charAt(inner.i);
            if (c == '\\' && inner.i + 1 < body.length() && "$`\\\n".indexOf(body.charAt(inner.i + 1)) >= 0) {
                if (body.charAt(inner.i + 1) != '\n') {
                    b.append(body.charAt(inner.i + 1));
                }
                inner.i += 2;
            } else if (c == '$' || c == '`') {
                String v = inner.expansion();
                if (v == null) {
                    return null;
                }
                b.append(v);
            } else {
                b.append(c);
                inner.i++;
            }
        }
        return b.toString();
    }

    /** The text of a $'…' word (bash): the common backslash escapes. */
    static String ansiC(String raw) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c != '\\' || k + 1 >= raw.length()) {
                b.append(c);
                continue;
            }
            char n = raw.charAt(++k);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '\\' -> b.append('\\');
                case '\'' -> b.append('\'');
                case '"' -> b.append('"');
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }
}
