package io.ransomtrace.fleet.cli;

import io.ransomtrace.fleet.job.FindingJson;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Findings as text, in the layout {@code scan} prints. */
final class FindingsText {
    private FindingsText() {
    }

    static void print(PrintWriter out, List<FindingJson.FleetFinding> findings) {
        if (findings.isEmpty()) {
            out.println("No findings.");
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "%d finding%s%n", findings.size(), findings.size() == 1 ? "" : "s");
        for (FindingJson.FleetFinding f : findings) {
            out.println();
            out.printf(Locale.ROOT, "%s %-8s score %3d  %s%s%n", f.suppressed() ? "~" : "*",
                    f.severity().toUpperCase(Locale.ROOT), f.score(), f.title(),
                    f.suppressed() ? "  [suppressed: " + f.suppressedBy() + "]" : "");
            FindingJson.RootProcessJson r = f.rootProcess();
            if (r != null) {
                out.printf(Locale.ROOT, "    host %s (stream %s), root pid %d %s%n", f.host(), f.stream(), r.pid(),
                        r.commandLine() != null ? r.commandLine()
                                : r.exe() != null ? r.exe() : io.ransomtrace.engine.finding.RootProcess.NOT_IN_THE_LOG);
                out.printf(Locale.ROOT, "    user %s, login user %s%n", who(r.user(), r.uid()), who(r.loginUser(), r.loginUid()));
            }
            out.printf(Locale.ROOT, "    %s to %s, first alert %s%n", f.firstSeen(), f.lastSeen(),
                    f.firstAlert() == null ? "none" : f.firstAlert());
            out.printf(Locale.ROOT, "    %,d files in %,d directories, overwrite: %s%s%n", f.filesAffected(),
                    f.directoriesAffected(), f.overwrite(),
                    f.extensions().isEmpty() ? "" : ", extensions " + String.join(" ", f.extensions()));
            if (f.notes().count() > 0) {
                out.printf(Locale.ROOT, "    notes: %s, %d dropped in %d directories%n", String.join(", ", f.notes().names()),
                        f.notes().count(), f.notes().directories().size());
            }
            for (FindingJson.Signal s : f.signals()) {
                if (s.fired()) {
                    out.println("    - " + s.description());
                }
            }
            if (f.extract() != null) {
                out.printf(Locale.ROOT, "    extract: %d host lines around the first alert%n", f.extract().lines().size());
            }
        }
        out.flush();
    }

    private static String who(String name, Long id) {
        if (name == null && id == null) {
            return "unknown";
        }
        if (name == null) {
            return "uid " + id;
        }
        return id == null ? name : name + " (" + id + ")";
    }
}
