package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Tools;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who started it, when a login session begins under processes of another principal. Each way a Linux host
 * starts (or does not start) a login session, with its negative twin: the campaign root never climbs past a
 * change of login uid or audit session, whatever the programs above are called, and the login user is always
 * the session's. sudo, su without pam_loginuid and systemd-run --scope keep the session; a setsid daemon and
 * a unit started by systemd are their own roots.
 */
class SessionBoundaryTest {

    private static final long UNSET = Credentials.UNSET;

    private static Credentials root() {
        return new Credentials(0, 0, 0, UNSET, UNSET, "root", null);
    }

    private static Credentials user(long uid, String name, long auid, long ses, String loginUser) {
        return new Credentials(uid, uid, uid, auid, ses, name, loginUser);
    }

    /** openssl over n files with the originals deleted: a campaign that reaches high on its own. */
    private static void encryptAndDelete(Proc script, String base, int n) {
        for (String f : Tools.tree(base, 4, n, ".ods")) {
            Tools.opensslEncrypt(script, f, ".enc");
            Tools.rm(script, f);
        }
    }

    private static Finding attack(Trail t) {
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        return f;
    }

    // ---- sshd: an ssh daemon the lists do not name (dropbear), the session begun in its forked child ----

    @Test
    void anSshLoginThroughAnUnlistedDaemonIsRootedInTheSessionNotTheDaemon() {
        Trail t = new Trail("nas02");
        Proc dropbear = t.existing(610, 1, "/usr/sbin/dropbear", root());
        Proc child = dropbear.fork().login(1001, 41, null); // pam_loginuid in the forked child: LOGIN pid=child
        Proc shell = child.spawn("/usr/bin/bash", "bash", "-c", "bash /tmp/.k/run.sh");
        Proc script = shell.spawn("/usr/bin/bash", "bash", "/tmp/.k/run.sh");
        encryptAndDelete(script, "/volume1/photos", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.commandLine()).contains("run.sh");
        assertThat(r.loginUid()).isEqualTo(1001L);
        assertThat(r.exe()).isNotEqualTo("/usr/sbin/dropbear");
    }

    @Test
    void theDaemonsOwnWorkWithoutALoginStaysTheDaemons() {
        Trail t = new Trail("nas02");
        Proc dropbear = t.existing(610, 1, "/usr/sbin/dropbear", root());
        Proc keygen = dropbear.spawn("/usr/local/bin/rotate-keys", "rotate-keys", "/etc/dropbear");
        for (int i = 0; i < 30; i++) {
            keygen.writeInPlace("/etc/dropbear/key" + i);
        }
        Finding f = worst(detect(t));
        assertThat(f.rootProcess().loginUid()).isNull();
        assertThat(f.rootProcess().exe()).isEqualTo("/usr/local/bin/rotate-keys");
    }

    // ---- login on a console ----

    @Test
    void aConsoleLoginNamesTheUserAndTheProgramTheyRan() {
        Trail t = new Trail("ws07");
        Proc getty = t.existing(880, 1, "/sbin/agetty", root());
        getty.exec("/bin/login", "/bin/login", "--", "erin");
        getty.login(1201, 5, null);
        Proc shell = getty.spawnAs(user(1201, "erin", 1201, 5, null), "/usr/bin/bash", "-bash").tty("tty1");
        Proc locker = shell.spawn("/home/erin/Downloads/invoice-viewer", "./invoice-viewer");
        for (String f : Tools.tree("/home/erin/Documents", 5, 40, ".docx")) {
            locker.writeInPlace(f).rename(f, f + ".crypt");
        }
        RootProcess r = attack(t).rootProcess();
        assertThat(r.exe()).isEqualTo("/home/erin/Downloads/invoice-viewer");
        assertThat(r.loginUid()).isEqualTo(1201L);
    }

    // ---- cron with pam_loginuid, under a cron daemon the lists do not name (fcron) ----

    @Test
    void aCronJobWithPamLoginuidBelongsToTheJobsUser() {
        Trail t = new Trail("build03");
        Proc fcron = t.existing(702, 1, "/usr/sbin/fcron", root());
        Proc job = fcron.fork().login(1105, 88, null);
        Proc sh = job.spawnAs(user(1105, "frank", 1105, 88, null), "/bin/sh", "sh", "-c", "/home/frank/bin/sync.sh");
        Proc script = sh.spawn("/usr/bin/bash", "bash", "/home/frank/bin/sync.sh");
        encryptAndDelete(script, "/srv/build/artifacts", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.commandLine()).contains("sync.sh");
        assertThat(r.loginUid()).isEqualTo(1105L);
        assertThat(r.exe()).isNotEqualTo("/usr/sbin/fcron");
    }

    @Test
    void aRootCronJobWithoutALoginHasNoLoginUser() {
        Trail t = new Trail("build03");
        Proc fcron = t.existing(702, 1, "/usr/sbin/fcron", root());
        Proc sh = fcron.fork().spawn("/bin/sh", "sh", "-c", "/usr/local/sbin/rotate.sh");
        Proc script = sh.spawn("/usr/bin/bash", "bash", "/usr/local/sbin/rotate.sh");
        encryptAndDelete(script, "/srv/build/artifacts", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.loginUid()).isNull();
        assertThat(r.loginUser()).isNull();
    }

    // ---- su -l: no new login uid (the human stays the one who logged in) ----

    @Test
    void suDashLDoesNotChangeTheLoginUser() {
        Trail t = new Trail("fs04");
        Proc alice = t.sshLogin("alice", 1101);
        Proc su = alice.spawn("/usr/bin/su", "su", "-l", "bob", "-c", "bash /tmp/x.sh");
        Credentials bob = new Credentials(1102, 1102, 1102, 1101, alice.credentials().session(), "bob", "alice");
        Proc shell = su.spawnAs(bob, "/usr/bin/bash", "-bash", "-c", "bash /tmp/x.sh");
        Proc script = shell.spawn("/usr/bin/bash", "bash", "/tmp/x.sh");
        encryptAndDelete(script, "/srv/shares/projects", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.user()).isEqualTo("bob");
        assertThat(r.loginUid()).isEqualTo(1101L);
        assertThat(r.loginUser()).isEqualTo("alice");
    }

    /** The twin: su from a root job without a login uid, where su's PAM stack has pam_loginuid, begins bob's session. */
    @Test
    void suWithPamLoginuidFromADaemonBeginsTheTargetUsersSession() {
        Trail t = new Trail("fs04");
        Proc runner = t.existing(950, 1, "/usr/local/bin/job-runner", root());
        Proc su = runner.spawn("/usr/bin/su", "su", "-l", "bob", "-c", "bash /tmp/x.sh");
        su.login(1102, 61, null);
        Proc shell = su.spawnAs(user(1102, "bob", 1102, 61, null), "/usr/bin/bash", "-bash", "-c", "bash /tmp/x.sh");
        Proc script = shell.spawn("/usr/bin/bash", "bash", "/tmp/x.sh");
        encryptAndDelete(script, "/srv/shares/projects", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.loginUid()).isEqualTo(1102L);
        assertThat(r.commandLine()).isEqualTo("bash /tmp/x.sh");
    }

    // ---- sudo: the same session, however many uids ----

    @Test
    void sudoInsideAScriptIsNoBoundary() {
        Trail t = new Trail("db02");
        Proc carol = t.sshLogin("carol", 1103);
        Proc script = carol.spawn("/usr/bin/bash", "bash", "wipe.sh");
        for (String f : Tools.tree("/var/lib/pgsql/dumps", 3, 30, ".sql")) {
            Proc sudo = script.spawn("/usr/bin/sudo", "sudo", "openssl", "enc", "-aes-256-cbc", "-in", f, "-out", f + ".enc");
            Credentials rootOfCarol = new Credentials(0, 0, 0, 1103, carol.credentials().session(), "root", "carol");
            Proc openssl = sudo.spawnAs(rootOfCarol, "/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-in", f, "-out", f + ".enc");
            openssl.create(f + ".enc");
            Tools.rm(sudo, f);
        }
        List<Finding> findings = detect(t);
        Finding f = worst(findings);
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash wipe.sh");
        assertThat(f.rootProcess().loginUid()).isEqualTo(1103L);
        assertThat(findings.stream().filter(x -> x.severity().atLeast(Severity.MEDIUM))).hasSize(1);
    }

    // ---- systemd-run: a unit is started by systemd, outside the caller's session ----

    @Test
    void aTransientUnitStartedBySystemdHasNoLoginUser() {
        Trail t = new Trail("app05");
        Proc dave = t.sshLogin("dave", 1104);
        dave.spawn("/usr/bin/systemd-run", "systemd-run", "--unit", "cleanup", "/opt/tools/cleanup.sh");
        Proc systemd = t.existing(1, 0, "/usr/lib/systemd/systemd", root());
        Proc unit = systemd.spawn("/usr/bin/bash", "bash", "/opt/tools/cleanup.sh");
        encryptAndDelete(unit, "/srv/app/uploads", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.commandLine()).isEqualTo("bash /opt/tools/cleanup.sh");
        assertThat(r.loginUid()).isNull();
    }

    @Test
    void systemdRunScopeRunsInTheCallersSession() {
        Trail t = new Trail("app05");
        Proc dave = t.sshLogin("dave", 1104);
        Proc run = dave.spawn("/usr/bin/systemd-run", "systemd-run", "--scope", "--user", "bash", "/opt/tools/cleanup.sh");
        run.exec("/usr/bin/bash", "bash", "/opt/tools/cleanup.sh"); // --scope execs the command in the same process
        encryptAndDelete(run, "/srv/app/uploads", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.loginUid()).isEqualTo(1104L);
        assertThat(r.commandLine()).isEqualTo("bash /opt/tools/cleanup.sh");
    }

    // ---- setsid: a daemon detached from the root shell that started it (no login uid anywhere) ----

    @Test
    void aDaemonStartedWithSetsidIsItsOwnRoot() {
        Trail t = new Trail("web09");
        Proc provision = t.existing(3000, 2990, "/usr/bin/bash", root());
        Proc deploy = provision.spawn("/usr/bin/bash", "bash", "/root/deploy.sh");
        Proc setsid = deploy.spawn("/usr/bin/setsid", "setsid", "bash", "/opt/svc/syncd.sh");
        setsid.exec("/usr/bin/bash", "bash", "/opt/svc/syncd.sh"); // setsid() then exec in the same process
        encryptAndDelete(setsid, "/var/www/shop", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.commandLine()).isEqualTo("bash /opt/svc/syncd.sh");
        assertThat(r.loginUid()).isNull();
    }

    @Test
    void aForkingSetsidDetachesItsChildToo() {
        Trail t = new Trail("web09");
        Proc deploy = t.existing(3000, 2990, "/usr/bin/bash", root()).spawn("/usr/bin/bash", "bash", "/root/deploy.sh");
        Proc setsid = deploy.spawn("/usr/bin/setsid", "setsid", "-f", "bash", "/opt/svc/syncd.sh");
        Proc daemon = setsid.spawn("/usr/bin/bash", "bash", "/opt/svc/syncd.sh");
        encryptAndDelete(daemon, "/var/www/shop", 40);
        assertThat(attack(t).rootProcess().commandLine()).isEqualTo("bash /opt/svc/syncd.sh");
    }

    @Test
    void withoutSetsidTheBackgroundScriptIsPartOfTheScriptThatStartedIt() {
        Trail t = new Trail("web09");
        Proc deploy = t.existing(3000, 2990, "/usr/bin/bash", root()).spawn("/usr/bin/bash", "bash", "/root/deploy.sh");
        Proc daemon = deploy.spawn("/usr/bin/bash", "bash", "/opt/svc/syncd.sh"); // `bash syncd.sh &`
        encryptAndDelete(daemon, "/var/www/shop", 40);
        assertThat(attack(t).rootProcess().commandLine()).isEqualTo("bash /root/deploy.sh");
    }

    // ---- a root shell that begins a session itself (what a provisioning or test harness does) ----

    @Test
    void aRootShellThatWritesTheLoginUidStartsTheSessionAndIsNeverClimbedPast() {
        Trail t = new Trail("lab11");
        Proc harness = t.existing(4000, 3990, "/usr/bin/bash", root()).spawn("/usr/bin/bash", "bash", "/root/run-all.sh");
        Proc start = harness.spawn("/usr/bin/bash", "bash", "/usr/local/bin/start-session", "grace");
        start.login(1301, 77, null); // echo 1301 > /proc/self/loginuid
        Proc runuser = start.spawnAs(user(0, "root", 1301, 77, null), "/usr/sbin/runuser", "runuser", "-u", "grace", "--",
                "bash", "/home/grace/go.sh");
        Proc script = runuser.spawnAs(user(1301, "grace", 1301, 77, null), "/usr/bin/bash", "bash", "/home/grace/go.sh");
        encryptAndDelete(script, "/home/grace/thesis", 40);
        Finding f = attack(t);
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash /usr/local/bin/start-session grace");
        assertThat(f.rootProcess().loginUid()).isEqualTo(1301L);
        assertThat(f.title()).doesNotContain("(root)");
    }

    @Test
    void withoutALoginTheSameChainClimbsToTheRootScript() {
        Trail t = new Trail("lab11");
        Proc harness = t.existing(4000, 3990, "/usr/bin/bash", root()).spawn("/usr/bin/bash", "bash", "/root/run-all.sh");
        Proc start = harness.spawn("/usr/bin/bash", "bash", "/usr/local/bin/start-session", "grace");
        Proc runuser = start.spawn("/usr/sbin/runuser", "runuser", "-u", "grace", "--", "bash", "/home/grace/go.sh");
        Proc script = runuser.spawnAs(user(1301, "grace", UNSET, UNSET, null), "/usr/bin/bash", "bash", "/home/grace/go.sh");
        encryptAndDelete(script, "/home/grace/thesis", 40);
        Finding f = attack(t);
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash /root/run-all.sh");
        assertThat(f.rootProcess().loginUid()).isNull();
    }

    /** The session change seen on the child's first event alone (no LOGIN record in the log, e.g. a filtered export). */
    @Test
    void aNewSessionOnTheChildsFirstEventIsABoundaryEvenWithoutTheLoginRecord() {
        Trail t = new Trail("lab11");
        Proc harness = t.existing(4000, 3990, "/usr/bin/bash", root()).spawn("/usr/bin/bash", "bash", "/root/run-all.sh");
        Proc script = harness.spawnAs(user(1301, "grace", 1301, 78, null), "/usr/bin/bash", "bash", "/home/grace/go.sh");
        encryptAndDelete(script, "/home/grace/thesis", 40);
        Finding f = attack(t);
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash /home/grace/go.sh");
        assertThat(f.rootProcess().loginUid()).isEqualTo(1301L);
    }

    // ---- containers: processes of a container have no login uid, whoever typed docker run ----

    @Test
    void aContainerProcessIsNotAttributedToWhoeverRanDocker() {
        Trail t = new Trail("k8s-node3");
        Proc henry = t.sshLogin("henry", 1401);
        henry.spawn("/usr/bin/docker", "docker", "run", "-v", "/srv/data:/data", "acme/tool");
        Proc shim = t.existing(5100, 1, "/usr/bin/containerd-shim-runc-v2", root());
        Proc entry = shim.spawn("/usr/bin/sh", "/bin/sh", "/entrypoint.sh");
        encryptAndDelete(entry, "/srv/data", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.commandLine()).isEqualTo("/bin/sh /entrypoint.sh");
        assertThat(r.loginUid()).isNull();
    }

    @Test
    void aRootlessContainerKeepsTheLoginOfWhoStartedIt() {
        Trail t = new Trail("k8s-node3");
        Proc henry = t.sshLogin("henry", 1401);
        Proc podman = henry.spawn("/usr/bin/podman", "podman", "run", "-v", "/srv/data:/data", "acme/tool");
        Proc conmon = podman.spawn("/usr/bin/conmon", "conmon", "--cid", "abc");
        Proc entry = conmon.spawn("/usr/bin/sh", "/bin/sh", "/entrypoint.sh");
        encryptAndDelete(entry, "/srv/data", 40);
        RootProcess r = attack(t).rootProcess();
        assertThat(r.commandLine()).isEqualTo("/bin/sh /entrypoint.sh");
        assertThat(r.loginUid()).isEqualTo(1401L);
    }
}
