package io.ransomtrace.engine.profile;

import io.ransomtrace.engine.finding.Severity;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One allowlist rule. Every condition it sets must hold (AND); it must set at least one. Text conditions
 * are exact unless they contain {@code *} (any characters) or {@code ?} (one character).
 *
 * @param expires end of validity (exclusive), compared with the campaign's last event time; null = never
 * @param cap     the severity cap when {@code effect} is {@link AllowlistEffect#CAP_SEVERITY}
 */
public record AllowlistEntry(String id, String reason, String author, Instant expires, AllowlistEffect effect,
                             Severity cap, String exe, String commandLine, String user, String parentExe,
                             String pathPrefix, String host) {

    boolean matches(AllowlistSubject s) {
        if (expires != null && s.lastSeen() != null && !s.lastSeen().isBefore(expires)) {
            return false;
        }
        if (host != null && !glob(host, s.host())) {
            return false;
        }
        if (exe != null && !anyExe(s)) {
            return false;
        }
        if (commandLine != null && !glob(commandLine, s.rootCommandLine())) {
            return false;
        }
        if (user != null && !glob(user, s.rootUser())) {
            return false;
        }
        if (parentExe != null && !glob(parentExe, s.parentExe())) {
            return false;
        }
        if (pathPrefix != null) {
            if (!s.directoriesComplete() || s.directories().isEmpty()) {
                return false;
            }
            String prefix = pathPrefix.endsWith("/") ? pathPrefix : pathPrefix + "/";
            for (String dir : s.directories()) {
                String d = dir.endsWith("/") ? dir : dir + "/";
                if (!d.startsWith(prefix)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean anyExe(AllowlistSubject s) {
        if (glob(exe, s.rootExe())) {
            return true;
        }
        if (s.exes() == null || s.exes().isEmpty()) {
            return false;
        }
        // Every acting executable must be allowed: allowing gpg must not hide an unknown binary in the same tree.
        for (String e : s.exes()) {
            if (!glob(exe, e)) {
                return false;
            }
        }
        return true;
    }

    static boolean glob(String pattern, String value) {
        if (value == null) {
            return false;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equals(value);
        }
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}
