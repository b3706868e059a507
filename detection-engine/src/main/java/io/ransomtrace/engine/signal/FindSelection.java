package io.ransomtrace.engine.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code find DIR… TESTS -delete} deletes, read from its command line, for a host whose log shows no
 * deletions: the files under its start folders that pass its tests. Only an expression find evaluates the same
 * whatever the files hold is read — name and path globs ({@code -name}, {@code -iname}, {@code -path}, {@code
 * -ipath}, {@code -wholename}), {@code -type f}, {@code !}/{@code -not}, {@code -a}, {@code -mindepth}/{@code
 * -maxdepth} — ending in {@code -delete}. Anything else (alternatives, parentheses, times, sizes, owners, -exec) and
 * the command is not read at all: {@code find ! -name '*.gpg' -delete} after an encryption deletes the originals,
 * {@code find -mtime +30 -delete} what nobody here can tell.
 */
public final class FindSelection {

    private record Test(boolean negated, boolean wholePath, String glob, boolean ignoreCase) {
    }

    /** A start folder: as given (what -path matches against) and resolved against the working directory. */
    private record Root(String given, String resolved) {
    }

    private final List<Root> roots;
    private final List<Test> tests;
    private final int minDepth;
    private final int maxDepth;

    private FindSelection(List<Root> roots, List<Test> tests, int minDepth, int maxDepth) {
        this.roots = roots;
        this.tests = tests;
        this.minDepth = minDepth;
        this.maxDepth = maxDepth;
    }

    /**
     * @param argv the find's command line, argv[0] first
     * @param cwd  its working directory (for relative start folders), or null
     * @return what it deletes, or null when it deletes nothing or its expression is not one this reads
     */
    public static FindSelection ofDelete(List<String> argv, String cwd) {
        int i = 1;
        while (i < argv.size() && (argv.get(i).equals("-H") || argv.get(i).equals("-L") || argv.get(i).equals("-P")
                || argv.get(i).startsWith("-O"))) {
            i++;
        }
        List<Root> roots = new ArrayList<>();
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("-") || a.equals("!") || a.equals("(")) {
                break;
            }
            roots.add(root(a, cwd));
        }
        if (roots.isEmpty()) {
            roots.add(root(".", cwd));
        }
        if (roots.stream().anyMatch(r -> r.resolved() == null)) {
            return null;
        }
        List<Test> tests = new ArrayList<>();
        int minDepth = 0;
        int maxDepth = Integer.MAX_VALUE;
        boolean negate = false;
        boolean deletes = false;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (deletes && !a.equals("-print")) {
                return null; // actions after -delete: not a plain sweep
            }
            switch (a) {
                case "!", "-not" -> negate = !negate;
                case "-a", "-and", "-xdev", "-mount", "-depth", "-noleaf", "-ignore_readdir_race", "-print" -> {
                }
                case "-delete" -> deletes = true;
                case "-type" -> {
                    if (i + 1 >= argv.size() || negate || !argv.get(++i).equals("f")) {
                        return null; // folders or links: not the files an encryption named
                    }
                }
                case "-mindepth", "-maxdepth" -> {
                    if (i + 1 >= argv.size()) {
                        return null;
                    }
                    int n;
                    try {
                        n = Integer.parseInt(argv.get(++i));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    if (a.equals("-mindepth")) {
                        minDepth = n;
                    } else {
                        maxDepth = n;
                    }
                }
                case "-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename" -> {
                    if (i + 1 >= argv.size()) {
                        return null;
                    }
                    boolean ignoreCase = a.startsWith("-i");
                    String glob = argv.get(++i);
                    tests.add(new Test(negate, !a.endsWith("name") || a.contains("whole"),
                            ignoreCase ? glob.toLowerCase(Locale.ROOT) : glob, ignoreCase));
                    negate = false;
                }
                default -> {
                    return null;
                }
            }
        }
        return deletes && !negate ? new FindSelection(roots, tests, minDepth, maxDepth) : null;
    }

    /** True when this find deletes the file at {@code path} (absolute). */
    public boolean selects(String path) {
        for (Root r : roots) {
            String prefix = r.resolved().equals("/") ? "/" : r.resolved() + "/";
            if (!path.startsWith(prefix) || path.length() == prefix.length()) {
                continue;
            }
            String rel = path.substring(prefix.length());
            int depth = 1;
            for (int k = 0; k < rel.length(); k++) {
                if (rel.charAt(k) == '/') {
                    depth++;
                }
            }
            if (depth < minDepth || depth > maxDepth) {
                continue;
            }
            String shown = (r.given().endsWith("/") ? r.given() : r.given() + "/") + rel;
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            if (passes(name, shown)) {
                return true;
            }
        }
        return false;
    }

    private boolean passes(String name, String shown) {
        for (Test t : tests) {
            String subject = t.wholePath() ? shown : name;
            boolean match = matches(t.glob(), t.ignoreCase() ? subject.toLowerCase(Locale.ROOT) : subject);
            if (match == t.negated()) {
                return false;
            }
        }
        return true;
    }

    private static Root root(String given, String cwd) {
        String resolved = PathNames.resolve(cwd, given);
        if (resolved == null || !resolved.startsWith("/")) {
            return new Root(given, null);
        }
        while (resolved.length() > 1 && resolved.endsWith("/")) {
            resolved = resolved.substring(0, resolved.length() - 1);
        }
        return new Root(given, resolved);
    }

    /**
     * fnmatch without FNM_PATHNAME, as find matches: {@code *} and {@code ?} cross '/', {@code [...]} classes (with
     * {@code !} or {@code ^} negation and ranges), {@code \\} escapes. Backtracks to the last star only, which is
     * enough for globs (no regular expression on the detector's path).
     */
    static boolean matches(String glob, String s) {
        int g = 0;
        int i = 0;
        int starG = -1;
        int starI = 0;
        while (i < s.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                starG = g++;
                starI = i;
                continue;
            }
            int next = g < glob.length() ? step(glob, g, s.charAt(i)) : -1;
            if (next >= 0) {
                g = next;
                i++;
            } else if (starG >= 0) {
                g = starG + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    /** Where the glob goes on after its element at {@code g} matched {@code c}, or -1 when it does not match. */
    private static int step(String glob, int g, char c) {
        char p = glob.charAt(g);
        if (p == '?') {
            return g + 1;
        }
        if (p == '\\' && g + 1 < glob.length()) {
            return glob.charAt(g + 1) == c ? g + 2 : -1;
        }
        if (p == '[') {
            int end = glob.indexOf(']', g + 2);
            if (end > 0) {
                int k = g + 1;
                boolean not = glob.charAt(k) == '!' || glob.charAt(k) == '^';
                if (not) {
                    k++;
                }
                boolean in = false;
                for (; k < end; k++) {
                    char lo = glob.charAt(k);
                    if (k + 2 < end && glob.charAt(k + 1) == '-') {
                        in |= c >= lo && c <= glob.charAt(k + 2);
                        k += 2;
                    } else {
                        in |= c == lo;
                    }
                }
                return in != not ? end + 1 : -1;
            }
        }
        return p == c ? g + 1 : -1;
    }

    @Override
    public String toString() {
        return "find " + roots.stream().map(Root::given).toList() + " " + tests.size() + " tests -delete"
                + (minDepth > 0 ? " mindepth " + minDepth : "") + (maxDepth < Integer.MAX_VALUE ? " maxdepth " + maxDepth : "");
    }
}
