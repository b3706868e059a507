package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A locker written in an interpreted language, started from an ssh command as {@code sudo setsid nohup python3
 * l.py DIR}: the script walks the tree, opens each file r+b and overwrites it, renames it to .locked, and writes
 * README_LOCKED.html per directory (8 files per directory, the note after them). What holds early: a script
 * rewriting files it did not create in place (automation), the same new suffix on three files (changed data), a
 * note named after that suffix in a second directory. Its root is python3 running as root: setsid detached it
 * from erin's session, whichever way sudo ran it.
 */
class InterpreterLockerTest {
    private static final String UP = "/srv/www/shop/uploads";
    private static final List<String> DIRS = List.of("avatars", "invoices", "returns", "catalog", "exports");

    private static Proc sshCommand(Trail t, String command) {
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Credentials erin = Trail.creds(1105, 1105, 1105, "erin", "erin");
        return sshd.spawnAs(erin, "/usr/bin/bash", "bash", "-c", command).cwd("/home/erin");
    }

    private static Credentials rootOf(Proc user) {
        Credentials c = user.credentials();
        return new Credentials(0, 0, 0, c.loginUid(), c.session(), "root", c.loginUser());
    }

    /** The script's work: per directory, 8 files rewritten in place and renamed, then the note (if any). */
    private static void lock(Proc python, boolean rename, String note) {
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String f = UP + "/" + d + "/" + d + "-" + i + ".jpg";
                python.writeInPlace(f);
                if (rename) {
                    python.rename(f, f + ".locked");
                }
            }
            if (note != null) {
                python.create(UP + "/" + d + "/" + note);
            }
        }
    }

    private static void assertPythonAsRootForErin(Finding f) {
        RootProcess r = f.rootProcess();
        assertThat(r.commandLine()).isEqualTo("python3 /opt/x/l.py " + UP);
        assertThat(r.uid()).isEqualTo(0L);
        assertThat(r.loginUser()).isEqualTo("erin");
    }

    @Test
    void sudoRunsSetsidInItsChildWhichExecsNohupThenPython() {
        Trail t = new Trail("web07");
        Proc cmd = sshCommand(t, "sudo setsid nohup python3 /opt/x/l.py " + UP);
        Proc sudo = cmd.spawn("/usr/bin/sudo", "sudo", "setsid", "nohup", "python3", "/opt/x/l.py", UP);
        Proc child = sudo.spawnAs(rootOf(cmd), "/usr/bin/setsid", "setsid", "nohup", "python3", "/opt/x/l.py", UP);
        child.exec("/usr/bin/nohup", "nohup", "python3", "/opt/x/l.py", UP);
        child.exec("/usr/bin/python3.11", "python3", "/opt/x/l.py", UP);
        lock(child, true, "README_LOCKED.html");
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertPythonAsRootForErin(f);
        assertThat(f.filesBeforeFirstHighAlert()).as("high within the first files").isLessThanOrEqualTo(5);
        assertThat(f.signal("early-certainty").description())
                .contains("a script rewrote files it did not create in place, or replaced them", "three files given the same new suffix (.locked)",
                        "a ransom-note name written in a second directory (README_LOCKED.html)");
    }

    @Test
    void withAPseudoTerminalSudoForksAMonitorAndSetsidForksTheDaemon() {
        // sudo's use_pty: a monitor process (a fork, never exec'd) starts the command as a session leader, so
        // setsid must fork; its child calls setsid() and execs nohup, which execs python3
        Trail t = new Trail("web07");
        Proc cmd = sshCommand(t, "sudo setsid nohup python3 /opt/x/l.py " + UP);
        Proc sudo = cmd.spawn("/usr/bin/sudo", "sudo", "setsid", "nohup", "python3", "/opt/x/l.py", UP);
        Proc monitor = sudo.forkAs(rootOf(cmd));
        Proc setsid = monitor.spawn("/usr/bin/setsid", "setsid", "nohup", "python3", "/opt/x/l.py", UP);
        Proc daemon = setsid.spawn("/usr/bin/nohup", "nohup", "python3", "/opt/x/l.py", UP);
        setsid.exit();
        daemon.exec("/usr/bin/python3.11", "python3", "/opt/x/l.py", UP);
        lock(daemon, true, "README_LOCKED.html");
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertPythonAsRootForErin(f);
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
    }

    @Test
    void withoutSetsidThePythonScriptBelongsToTheSshCommand() {
        Trail t = new Trail("web07");
        Proc cmd = sshCommand(t, "sudo nohup python3 /opt/x/l.py " + UP);
        Proc sudo = cmd.spawn("/usr/bin/sudo", "sudo", "nohup", "python3", "/opt/x/l.py", UP);
        Proc child = sudo.spawnAs(rootOf(cmd), "/usr/bin/nohup", "nohup", "python3", "/opt/x/l.py", UP);
        child.exec("/usr/bin/python3.11", "python3", "/opt/x/l.py", UP);
        lock(child, true, "README_LOCKED.html");
        Finding f = worst(detect(t));
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash -c sudo nohup python3 /opt/x/l.py " + UP);
        assertThat(f.rootProcess().loginUser()).isEqualTo("erin");
    }

    @Test
    void aScriptRewritingAFewFilesInPlaceWithoutANewSuffixIsNotRaisedEarly() {
        // a migration script updating twelve files of the site in place: automation, but no sign of encryption
        Trail t = new Trail("web07");
        Proc cmd = sshCommand(t, "python3 /opt/x/migrate.py " + UP);
        Proc py = cmd.spawn("/usr/bin/python3.11", "python3", "/opt/x/migrate.py", UP);
        for (int i = 0; i < 12; i++) {
            py.writeInPlace(UP + "/" + DIRS.get(i % 5) + "/meta-" + i + ".json");
        }
        List<Finding> findings = detect(t);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity().atLeast(Severity.HIGH)).isFalse();
            assertThat(f.filesBeforeFirstHighAlert()).isNull();
        });
    }

    @Test
    void aWeaklyNamedFileInEveryFolderIsNoNoteWhenItDoesNotCarryTheNewSuffix() {
        // the same locker's work with README.html instead: the early note fact does not hold (the suffix and
        // the script's rewrites still do)
        Trail t = new Trail("web07");
        Proc cmd = sshCommand(t, "python3 /opt/x/l.py " + UP);
        Proc py = cmd.spawn("/usr/bin/python3.11", "python3", "/opt/x/l.py", UP);
        lock(py, true, "README.html");
        Finding f = worst(detect(t));
        assertThat(f.signal("early-certainty").description()).doesNotContain("ransom-note name");
    }
}
