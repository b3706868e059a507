package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.BiConsumer;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of sample-cases/independent's thirteenth batch: h35, a locker run in a throw-away container by a root
 * service with no login uid and no audit session ({@code setsid sh -c 'unshare --mount --pid --fork sh -c "mount
 * --bind /srv/nas/share /srv/rootfs/data && exec chroot /srv/rootfs /bin/sh /run.sh"'}). The container's script
 * runs {@code find /data -type f | while read f; do openssl enc … -out "$f.ctnr" && rm -f "$f"; done}: the loop
 * body is a forked dash subshell that never execs and changes no file, so auditd names it only as the ppid of the
 * openssl and rm it starts. Inside a session such a subshell is adopted by the session's running script; a daemon
 * has no session, so the first pass left it a parentless campaign ("program not in the log", high) apart from the
 * notes the script's second loop wrote. The twin: the same container shape compressing its logs stays quiet.
 */
class ThirteenthBatchShapesTest {

    private static final Credentials DAEMON = Trail.creds(0, 0, Credentials.UNSET, "root", null);

    /** A root service starts a container whose /run.sh pipes find into a loop doing {@code perFile} per file. */
    private static List<Finding> containerJob(BiConsumer<Proc, String> perFile, String note) {
        Trail t = new Trail("nas02");
        Proc service = t.existing(610, 1, "/usr/sbin/exploited-svc", DAEMON);
        Proc outer = service.spawn("/usr/bin/setsid", "setsid", "sh", "-c", "unshare … /bin/sh /run.sh");
        outer.exec("/usr/bin/dash", "sh", "-c", "unshare --mount --pid --fork sh -c \"mount --bind /srv/nas/share"
                + " /srv/rootfs/data && exec chroot /srv/rootfs /bin/sh /run.sh\"; touch /tmp/.done");
        Proc unshare = outer.spawn("/usr/bin/unshare", "unshare", "--mount", "--pid", "--fork", "sh", "-c", "…");
        Proc inner = unshare.spawn("/usr/bin/dash", "sh", "-c", "mount --bind /srv/nas/share /srv/rootfs/data"
                + " && exec chroot /srv/rootfs /bin/sh /run.sh");
        inner.spawn("/usr/bin/mount", "mount", "--bind", "/srv/nas/share", "/srv/rootfs/data").exit();
        inner.exec("/usr/sbin/chroot", "chroot", "/srv/rootfs", "/bin/sh", "/run.sh");
        Proc script = inner.exec("/usr/bin/dash", "/bin/sh", "/run.sh"); // paths from here on are the chroot's
        script.spawn("/usr/bin/find", "find", "/data", "-type", "f");
        Proc loop = script.fork(); // no record of its own
        for (int d = 0; d < 6; d++) {
            for (int i = 0; i < 9; i++) {
                perFile.accept(loop, "/data/clients_" + d + "/contract_" + i + ".psd");
            }
        }
        if (note != null) {
            Proc notes = script.fork();
            for (int d = 0; d < 6; d++) {
                notes.create("/data/clients_" + d + "/" + note); // the redirection: this subshell's own open
            }
        }
        return detect(t);
    }

    @Test
    void aLockerInAContainerStartedByARootDaemonIsOneCampaignOfTheDaemonsScript() {
        List<Finding> findings = containerJob((loop, f) -> {
            loop.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-ctr", "-pbkdf2", "-pass", "pass:k", "-in", f,
                    "-out", f + ".ctnr").create(f + ".ctnr").exit();
            loop.spawn("/usr/bin/rm", "rm", "-f", f).delete(f).exit();
        }, "READ-ME-CTNR.txt");
        Finding f = worst(findings);
        // first pass: high, rooted at the loop subshell ("program not in the log"), the notes a finding of their own
        assertThat(f.rootProcess().exe()).isNotNull();
        assertThat(f.rootProcess().commandLine()).contains("/run.sh");
        assertThat(f.rootProcess().loginUid()).as("a daemon: no login user").isNull();
        assertThat(f.filesAffected()).isEqualTo(54);
        assertThat(f.notes().count()).isEqualTo(6);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(findings).filteredOn(x -> RootProcess.NOT_IN_THE_LOG.equals(x.rootProcess().commandLine())
                || x.rootProcess().exe() == null).isEmpty();
    }

    @Test
    void theSameContainerCompressingItsLogsIsNoAttack() {
        List<Finding> findings = containerJob((loop, f) -> {
            String log = f.replace(".psd", ".log");
            loop.spawn("/usr/bin/gzip", "gzip", "-9", log).create(log + ".gz").delete(log).exit();
        }, null);
        assertThat(findings).allSatisfy(x -> assertThat(x.severity().atLeast(Severity.MEDIUM)).as(x.title()).isFalse());
    }

    /** The daemons' bucket is per user: another user's forked subshell is never adopted by root's script. */
    @Test
    void aSubshellOfAnotherDaemonUserIsNotAdoptedByRootsScript() {
        Trail t = new Trail("nas02");
        Proc service = t.existing(610, 1, "/usr/sbin/exploited-svc", DAEMON);
        service.spawn("/usr/bin/dash", "/bin/sh", "/run.sh"); // still running
        Proc www = t.existing(9000, 8999, null, Trail.creds(33, 33, Credentials.UNSET, "www-data", null));
        for (int i = 0; i < 30; i++) {
            String f = "/var/www/shop/uploads/d" + (i % 4) + "/img_" + i + ".jpg";
            www.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-in", f, "-out", f + ".enc")
                    .create(f + ".enc").exit();
            www.spawn("/usr/bin/rm", "rm", "-f", f).delete(f).exit();
        }
        Finding f = worst(detect(t));
        assertThat(f.rootProcess().pid()).isEqualTo(9000);
        assertThat(f.rootProcess().user()).isEqualTo("www-data");
    }

    /**
     * A daemon starts jobs the same way a loop body forks (a child that never shows up itself), but its forked child
     * execs a shell: on a host that logs no exits every earlier job's script still looks alive, and adopting would
     * chain every job into the one before it.
     */
    @Test
    void aDaemonsJobsAreNotChainedIntoTheJobBefore() {
        Trail t = new Trail("nas02");
        Proc cron = t.existing(610, 1, "/usr/sbin/cron", DAEMON);
        for (int j = 0; j < 40; j++) {
            Proc job = cron.fork().spawn("/usr/bin/dash", "/bin/sh", "-c", "/usr/local/bin/sync-" + j + ".sh");
            Proc py = job.spawn("/usr/bin/python3.11", "python3", "/opt/app/collect.py");
            for (int i = 0; i < 3; i++) {
                String f = "/srv/app/cache/j" + j + "-" + i;
                py.create(f + ".tmp").rename(f + ".tmp", f + ".json");
            }
        }
        assertThat(detect(t)).allSatisfy(f -> assertThat(f.filesAffected()).as(f.title()).isLessThanOrEqualTo(3));
    }
}
