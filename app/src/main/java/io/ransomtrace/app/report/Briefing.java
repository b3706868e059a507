package io.ransomtrace.app.report;

import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.SignalMeasurement;
import io.ransomtrace.engine.model.ProgramName;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The briefing's plain-language wording: times, durations, what an overwrite kind means, how it was found. */
final class Briefing {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Briefing() {
    }

    /** "between 14:02:10 and 14:09:55 UTC", or "at 14:27:57 UTC, within 28 ms" when both fall in one second. */
    static String when(java.time.Instant first, java.time.Instant last) {
        if (first == null || last == null) {
            return "at an unknown time";
        }
        String a = CLOCK.format(first);
        String b = CLOCK.format(last);
        if (a.equals(b)) {
            return "at " + a + " UTC, within " + duration(Duration.between(first, last));
        }
        return "between " + a + " and " + b + " UTC";
    }

    static String duration(Duration d) {
        if (d == null) {
            return "never";
        }
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return String.format(Locale.ROOT, "%.1f seconds", ms / 1000.0);
        }
        if (ms < 7_200_000) {
            return (ms / 60_000) + " minutes";
        }
        if (ms < 172_800_000) {
            return String.format(Locale.ROOT, "%.1f hours", ms / 3_600_000.0);
        }
        return (ms / 86_400_000) + " days";
    }

    /** What the overwrite kind means for recovery, for a reader who does not know file systems. */
    static String recovery(OverwriteKind k) {
        return switch (k) {
            case IN_PLACE -> "Overwritten in place: the original contents were replaced on disk and cannot be recovered "
                    + "from this host. Restore from backup.";
            case NEW_FILE_THEN_DELETE -> "Encrypted copies were written and the originals deleted. Forensic undelete may "
                    + "recover some, but plan on restoring from backup.";
            case ARCHIVED_THEN_DELETED -> "The originals were packed into password-protected archives and deleted. Only "
                    + "the attackers' password opens the archives: restore from backup.";
            case RENAME_ONLY -> "Files were renamed only: their contents may be intact. Check a sample before restoring.";
            case NONE -> "No originals were changed in a way that needs restoring.";
        };
    }

    static String overwriteShort(OverwriteKind k) {
        return switch (k) {
            case IN_PLACE -> "overwritten in place";
            case NEW_FILE_THEN_DELETE -> "originals deleted after encrypted copies were written";
            case ARCHIVED_THEN_DELETED -> "originals deleted after being packed into encrypted archives";
            case RENAME_ONLY -> "renamed only";
            case NONE -> "not changed";
        };
    }

    /** How the campaign was found, one phrase per fired signal. */
    static List<String> howFound(Finding f) {
        List<String> out = new ArrayList<>();
        for (SignalMeasurement s : f.signals()) {
            if (!s.fired()) {
                continue;
            }
            out.add(switch (s.kind()) {
                case "encryption-tool" -> "an encryption or wiping tool was run";
                case "bulk-invocation" -> "one command was run over many files at once";
                case "mass-modification" -> "many files changed within a short time";
                case "extension-change" -> "files were renamed with a new extension"
                        + (f.extensions().isEmpty() ? "" : " (" + String.join(", ", f.extensions().stream()
                        .limit(3).map(e -> Inert.plain(e, 24)).toList()) + ")");
                case "overwrite-in-place" -> "files were rewritten in place";
                case "delete-after-encrypt" -> "originals were deleted after new copies were written";
                case "ransom-note" -> "ransom notes were dropped"
                        + (f.notes().names().isEmpty() ? "" : " (" + Inert.plain(f.notes().names().get(0), 60) + ")");
                case "content-hint" -> "the EDR saw encrypted-looking content";
                case "early-certainty" -> "facts that benign bulk work does not produce together raised it early";
                default -> Inert.plain(s.kind(), 40);
            });
        }
        return out;
    }

    private static final java.util.Set<String> SHELLS = java.util.Set.of("sh", "bash", "dash", "zsh", "ksh", "ash",
            "busybox", "python", "python3", "perl");

    /**
     * What ran, for a sentence: "a program named kworker-sync", or for a shell or interpreter running a script,
     * "a script named enc.sh".
     */
    static String actor(io.ransomtrace.engine.finding.RootProcess r) {
        if (r == null) {
            return "an unknown program";
        }
        String script = script(r);
        return script != null ? "a script named " + program(script) : "a program named " + program(r.exe());
    }

    /** The script a shell or interpreter root ran ({@code bash /tmp/enc.sh} gives /tmp/enc.sh), or null. */
    static String script(io.ransomtrace.engine.finding.RootProcess r) {
        if (r == null || r.commandLine() == null || !SHELLS.contains(program(r.exe()))) {
            return null;
        }
        String[] parts = r.commandLine().strip().split("\\s+");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("-c")) {
                return null;
            }
            if (!parts[i].startsWith("-")) {
                return parts[i];
            }
        }
        return null;
    }

    /** True for executables installed with the system (misused, not dropped by the attacker). */
    static boolean systemTool(String exe) {
        return exe != null && (exe.startsWith("/usr/bin/") || exe.startsWith("/bin/") || exe.startsWith("/usr/sbin/")
                || exe.startsWith("/sbin/") || exe.startsWith("/usr/lib/") || exe.startsWith("/lib/")
                || exe.startsWith("/usr/libexec/"));
    }

    /** The program name of a path, for sentences ("kworker-sync"). */
    static String program(String exe) {
        return ProgramName.of(exe, "an unknown program");
    }
}
