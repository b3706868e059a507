package io.ransomtrace.engine.coverage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One line of an audit rule set, as {@code auditctl -l} prints it or an {@code audit.rules} file holds it,
 * reduced to what coverage needs: list and action, architecture, syscalls, filters, or a watch.
 *
 * @param text     the line as read
 * @param list     {@code exit}, {@code task}, {@code user}, {@code exclude}, {@code filesystem}; null for watches
 *                 and control lines
 * @param action   {@code always} or {@code never}; null for watches and control lines
 * @param arch     {@code b64}, {@code b32} or null when the rule names none
 * @param syscalls syscall names (lower case); empty with {@link #allSyscalls()} for "all"
 * @param filters  the {@code -F} fields other than arch, e.g. {@code a2&03}, {@code auid>=1000}, {@code dir=/proc/}
 * @param watch    the path of a {@code -w} watch (or a {@code -F dir=}/{@code path=} on a rule with perms), else null
 * @param perms    the {@code -p} permissions of a watch ({@code rwxa}), else null
 * @param key      the {@code -k} key, else null
 */
public record AuditRule(String text, String list, String action, String arch, Set<String> syscalls,
                        List<String> filters, String watch, String perms, String key) {

    public AuditRule {
        syscalls = Set.copyOf(syscalls);
        filters = List.copyOf(filters);
    }

    public boolean isWatch() {
        return watch != null && list == null;
    }

    public boolean isExitRule() {
        return "exit".equals(list);
    }

    public boolean allSyscalls() {
        return isExitRule() && syscalls.isEmpty();
    }

    public boolean always() {
        return "always".equals(action);
    }

    public boolean never() {
        return "never".equals(action);
    }

    public boolean coversSyscall(String name, String wantedArch) {
        return isExitRule() && (arch == null || arch.equals(wantedArch)) && (allSyscalls() || syscalls.contains(name));
    }

    /**
     * Parses one line; returns null for comments, blank lines and control lines ({@code -b}, {@code -D},
     * {@code -e}, {@code -f}, {@code --backlog_wait_time}, ...), which do not select events.
     * Understands both input syntax ({@code -a always,exit -F arch=b64 -S openat}) and {@code auditctl -l}
     * output ({@code -a always,exit -F arch=b64 -S open,openat -F key=x}, {@code -w /etc/ -p wa -k x}).
     */
    public static AuditRule parse(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#") || text.equals("No rules")) {
            return null;
        }
        List<String> tokens = tokens(text);
        String list = null;
        String action = null;
        String arch = null;
        String watch = null;
        String perms = null;
        String key = null;
        Set<String> syscalls = new LinkedHashSet<>();
        List<String> filters = new ArrayList<>();
        boolean selectsEvents = false;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            switch (t) {
                case "-a", "-A" -> {
                    if (next == null) {
                        return null;
                    }
                    for (String part : next.split(",")) {
                        String p = part.strip().toLowerCase(Locale.ROOT);
                        if (p.equals("always") || p.equals("never")) {
                            action = p;
                        } else if (!p.isEmpty()) {
                            list = p;
                        }
                    }
                    selectsEvents = true;
                    i++;
                }
                case "-S" -> {
                    if (next != null) {
                        for (String s : next.split(",")) {
                            if (!s.isBlank() && !s.equals("all")) {
                                syscalls.add(s.strip().toLowerCase(Locale.ROOT));
                            }
                        }
                        i++;
                    }
                }
                case "-F" -> {
                    if (next != null) {
                        if (next.startsWith("arch=")) {
                            arch = next.substring(5);
                        } else if (next.startsWith("key=")) {
                            key = next.substring(4);
                        } else if (next.startsWith("perm=")) {
                            perms = next.substring(5);
                            filters.add(next);
                        } else {
                            filters.add(next);
                        }
                        i++;
                    }
                }
                case "-w" -> {
                    if (next != null) {
                        watch = next;
                        selectsEvents = true;
                        i++;
                    }
                }
                case "-p" -> {
                    if (next != null) {
                        perms = next;
                        i++;
                    }
                }
                case "-k" -> {
                    if (next != null) {
                        key = next;
                        i++;
                    }
                }
                default -> {
                    // Control options (-b, -f, -e, -D, -r, --backlog_wait_time ...) and their values.
                }
            }
        }
        if (!selectsEvents) {
            return null;
        }
        return new AuditRule(text, list, action, normalizeArch(arch), syscalls, filters, watch, perms, key);
    }

    private static String normalizeArch(String arch) {
        if (arch == null) {
            return null;
        }
        return switch (arch) {
            case "b64", "x86_64", "aarch64" -> "b64";
            case "b32", "i386", "i686", "arm" -> "b32";
            default -> arch;
        };
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.split("\\s+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
