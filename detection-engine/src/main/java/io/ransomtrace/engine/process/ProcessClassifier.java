package io.ransomtrace.engine.process;

import io.ransomtrace.engine.profile.Profile;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides a process's {@link ProcessRole} from its name and, for shells and interpreters, its arguments.
 * Name lookups are cached: classification is on the hot path of every exec.
 */
public final class ProcessClassifier {
    private enum NameClass { BOUNDARY, SHELL, INTERPRETER, BULK, WRAPPER, FILE_TOOL, OTHER }

    private final NameList boundary;
    private final NameList shells;
    private final NameList interpreters;
    private final NameList bulkRunners;
    private final NameList wrappers;
    private final NameList fileTools;
    private final NameList sessionStarters;
    private final Map<String, NameClass> cache = new HashMap<>();

    public ProcessClassifier(Profile profile) {
        boundary = new NameList(profile.list("lists.boundaryProcesses"));
        shells = new NameList(profile.list("lists.shells"));
        interpreters = new NameList(profile.list("lists.interpreters"));
        bulkRunners = new NameList(profile.list("lists.bulkRunners"));
        wrappers = new NameList(profile.list("lists.wrappers"));
        fileTools = new NameList(profile.list("lists.fileTools"));
        sessionStarters = new NameList(profile.list("lists.sessionStarters"));
    }

    private NameClass nameClass(String name) {
        NameClass c = cache.get(name);
        if (c == null) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("-")) {
                n = n.substring(1);
            }
            if (boundary.contains(n)) {
                c = NameClass.BOUNDARY;
            } else if (shells.contains(n)) {
                c = NameClass.SHELL;
            } else if (interpreters.contains(n)) {
                c = NameClass.INTERPRETER;
            } else if (bulkRunners.contains(n)) {
                c = NameClass.BULK;
            } else if (wrappers.contains(n)) {
                c = NameClass.WRAPPER;
            } else if (fileTools.contains(n)) {
                c = NameClass.FILE_TOOL;
            } else {
                c = NameClass.OTHER;
            }
            if (cache.size() < 100_000) {
                cache.put(name, c);
            }
        }
        return c;
    }

    /** True for bulk runners (find, xargs, parallel). */
    public boolean isBulkRunner(String name) {
        return name != null && nameClass(name) == NameClass.BULK;
    }

    /** True for script interpreters (python3, perl...). */
    public boolean isInterpreter(String name) {
        return name != null && nameClass(name) == NameClass.INTERPRETER;
    }

    /**
     * True for programs that detach what they run into a new POSIX session (setsid, daemonize,
     * start-stop-daemon): the program started is a daemon, not a step of its starter's work.
     */
    public boolean startsSession(String name) {
        return name != null && sessionStarters.contains(name.toLowerCase(Locale.ROOT));
    }

    /** True for shells (bash, sh...). */
    public boolean isShell(String name) {
        return name != null && nameClass(name) == NameClass.SHELL;
    }

    /**
     * Role of a process whose exec we saw.
     *
     * @param argv the full argument list (argv[0] first)
     * @param tty  controlling terminal or null
     */
    ProcessRole classifyExec(String name, List<String> argv, String tty) {
        if (name == null) {
            return ProcessRole.UNKNOWN;
        }
        NameClass c = nameClass(name);
        return switch (c) {
            case BOUNDARY -> ProcessRole.BOUNDARY;
            case BULK -> ProcessRole.SCRIPT_RUNNER;
            case WRAPPER -> ProcessRole.WRAPPER;
            case FILE_TOOL -> ProcessRole.FILE_TOOL;
            case OTHER -> ProcessRole.ORDINARY;
            case SHELL -> shellRole(argv, tty);
            case INTERPRETER -> servesHttp(name, argv) ? ProcessRole.BOUNDARY : interpreterRole(argv);
        };
    }

    /**
     * True for PHP's built-in web server ({@code php -S host:port}, php(1): "Run with built-in web server"): a
     * service, like apache2 or nginx, whose children are the work of the requests it serves, not of whoever
     * started the server. Only php's {@code -S} means this ({@code python -S} skips site imports).
     */
    private static boolean servesHttp(String name, List<String> argv) {
        if (!name.toLowerCase(Locale.ROOT).startsWith("php")) {
            return false;
        }
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-S")) {
                return true;
            }
            if (!a.startsWith("-")) {
                return false; // a script operand comes first: php script.php -S is the script's option
            }
        }
        return false;
    }

    /**
     * Role of a process seen only as the actor of a file event (it started before the log). A shell there is
     * a session when its parent is a service (the login shell), else a subshell of a script.
     */
    ProcessRole classifyActor(String name, ProcessRole parentRole) {
        if (name == null) {
            return ProcessRole.UNKNOWN;
        }
        NameClass c = nameClass(name);
        return switch (c) {
            case BOUNDARY -> ProcessRole.BOUNDARY;
            case BULK, INTERPRETER -> ProcessRole.SCRIPT_RUNNER;
            case WRAPPER -> ProcessRole.WRAPPER;
            case FILE_TOOL -> ProcessRole.FILE_TOOL;
            case OTHER -> ProcessRole.ORDINARY;
            case SHELL -> parentRole == null || parentRole == ProcessRole.BOUNDARY || parentRole == ProcessRole.UNKNOWN
                    ? ProcessRole.INTERACTIVE_SHELL : ProcessRole.SCRIPT_RUNNER;
        };
    }

    private static ProcessRole shellRole(List<String> argv, String tty) {
        if (!argv.isEmpty() && argv.get(0).startsWith("-")) {
            return ProcessRole.INTERACTIVE_SHELL; // login shell: argv[0] is "-bash"
        }
        boolean interactiveFlag = false;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-c") || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('c') > 0 && a.length() <= 6
                    && isShortCluster(a))) {
                return ProcessRole.SCRIPT_RUNNER;
            }
            if (a.equals("-i") || a.equals("-l") || a.equals("--login") || a.equals("--interactive")) {
                interactiveFlag = true;
                continue;
            }
            if (a.equals("-s")) {
                return ProcessRole.SCRIPT_RUNNER; // script on stdin (curl ... | sh -s)
            }
            if (!a.startsWith("-") && !a.startsWith("+")) {
                return ProcessRole.SCRIPT_RUNNER; // a script operand
            }
        }
        if (interactiveFlag || tty != null) {
            return ProcessRole.INTERACTIVE_SHELL;
        }
        return ProcessRole.SCRIPT_RUNNER; // no arguments and no terminal: reading a script from a pipe
    }

    private static boolean isShortCluster(String a) {
        for (int i = 1; i < a.length(); i++) {
            if (!Character.isLetter(a.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static ProcessRole interpreterRole(List<String> argv) {
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-c") || a.equals("-e") || a.equals("-E") || a.equals("-m") || a.startsWith("-pe")
                    || a.startsWith("-ne") || a.startsWith("-pie") || a.equals("-r")) {
                return ProcessRole.SCRIPT_RUNNER;
            }
            if (!a.startsWith("-")) {
                return ProcessRole.SCRIPT_RUNNER;
            }
        }
        return ProcessRole.ORDINARY; // a REPL or a server started without a script
    }

    /** Names with optional trailing '*' wildcards. */
    static final class NameList {
        private final java.util.Set<String> exact = new java.util.HashSet<>();
        private final List<String> prefixes = new java.util.ArrayList<>();

        NameList(List<String> names) {
            for (String n : names) {
                if (n.endsWith("*")) {
                    prefixes.add(n.substring(0, n.length() - 1));
                } else {
                    exact.add(n);
                }
            }
        }

        boolean contains(String name) {
            if (exact.contains(name)) {
                return true;
            }
            for (String p : prefixes) {
                if (name.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }
}
