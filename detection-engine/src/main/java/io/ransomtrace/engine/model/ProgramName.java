package io.ransomtrace.engine.model;

/**
 * "Executable path → program name", the one place that says it: the last element of the path, as {@code ps} and
 * an analyst name a program ({@code /usr/bin/openssl} → {@code openssl}). A path ending in a slash names no file
 * and is returned whole rather than as an empty name.
 */
public final class ProgramName {

    private ProgramName() {
    }

    /** The program name of {@code path}; null when the path is null or empty. */
    public static String of(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    /** The program name of {@code path}, or {@code unknown} when there is none. */
    public static String of(String path, String unknown) {
        String name = of(path);
        return name == null ? unknown : name;
    }

    /**
     * The command line a multi-call binary ({@code busybox}, {@code toybox}) runs: the applet is named by argv[0]
     * when the binary is started through an applet link ({@code /var/tmp/.q/rm} → busybox, argv[0] {@code rm}), or
     * by argv[1] when argv[0] is the binary itself ({@code busybox rm -f F}); the kernel's exe is the binary either
     * way. Returned with the applet first; null when {@code name} is no multi-call binary or names no applet.
     */
    public static java.util.List<String> appletArgv(String name, java.util.List<String> argv) {
        if (!("busybox".equals(name) || "toybox".equals(name)) || argv == null || argv.isEmpty()) {
            return null;
        }
        String first = of(argv.get(0));
        if (first != null && !first.equals(name)) {
            java.util.List<String> out = new java.util.ArrayList<>(argv);
            out.set(0, first);
            return out;
        }
        return argv.size() > 1 ? argv.subList(1, argv.size()) : null;
    }
}
