package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.CaseSession;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What opening a case in the window does before the findings list is painted (CaseLoader.open), timed in a fresh
 * process: open the case and build the case the window shows from the analysis kept in it (findings, coverage,
 * sources, badges). Exits 1 when no kept analysis holds, since the window would then analyse the case first.
 * Not a unit test.
 * Run: {@code java -Xmx1g -cp "app/target/test-classes:app/target/classes:app/target/lib/*"
 * io.ransomtrace.app.ui.OpenCaseBench CASE}.
 */
public final class OpenCaseBench {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        try (CaseSession session = CaseSession.open(Path.of(args[0]))) {
            OpenCase c = OpenCase.kept(session);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (c == null) {
                System.out.printf(Locale.ROOT, "open: %.3f s; no kept analysis holds: the window would analyse "
                        + "the case first%n", seconds);
                System.exit(1);
            }
            System.out.printf(Locale.ROOT, "open: %.3f s to the findings list (%d findings, %d badged processes, "
                    + "%,d events; replays: %d)%n", seconds, c.findings().size(), c.badges().size(), c.events(),
                    session.queries().wholeCaseReplaysStarted());
        }
    }
}
