package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Tools;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work spread over parallel workers adds up in one finding: {@code xargs -P 4}, GNU parallel (a perl script
 * that runs each job through a shell), and a locker forking workers that never exec. Their events interleave
 * as the kernel logs them from several CPUs.
 */
class ParallelWorkersTest {

    private static List<String> files(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("/srv/eng/d" + (i % 6) + "/spec-" + i + ".odt");
        }
        return out;
    }

    private static Finding only(List<Finding> findings) {
        List<Finding> alerting = findings.stream().filter(f -> f.severity().atLeast(Severity.MEDIUM)).toList();
        assertThat(alerting).as("one campaign: %s", findings).hasSize(1);
        return alerting.get(0);
    }

    /** Four gpg workers at a time, their syscalls interleaved, each followed by rm of its original. */
    @Test
    void xargsWithFourWorkersIsOneCampaign() {
        Trail t = new Trail("eng01");
        Proc script = t.sshLogin("ivan", 1501).spawn("/usr/bin/bash", "bash", "/tmp/w.sh");
        Proc xargs = script.spawn("/usr/bin/xargs", "xargs", "-0", "-P", "4", "-n", "1", "sh", "-c",
                "gpg --batch --yes -c --passphrase x \"$0\" && rm -f \"$0\"");
        List<String> all = files(80);
        for (int i = 0; i < all.size(); i += 4) {
            List<Proc> gpgs = new ArrayList<>();
            List<Proc> shells = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String f = all.get(i + w);
                Proc sh = xargs.spawn("/bin/sh", "sh", "-c", "gpg --batch --yes -c --passphrase x \"$0\" && rm -f \"$0\"", f);
                shells.add(sh);
                gpgs.add(sh.spawn("/usr/bin/gpg", "gpg", "--batch", "--yes", "-c", "--passphrase", "x", f));
            }
            for (int w = 0; w < 4; w++) {
                gpgs.get(w).create(all.get(i + w) + ".gpg");
            }
            for (int w = 0; w < 4; w++) {
                gpgs.get(w).exit();
                Tools.rm(shells.get(w), all.get(i + w));
            }
        }
        Finding f = only(detect(t));
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.filesAffected()).isEqualTo(80);
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash /tmp/w.sh");
    }

    /** GNU parallel is a perl script: /usr/bin/perl /usr/bin/parallel …, each job through sh -c. */
    @Test
    void gnuParallelIsOneCampaignAndABulkInvocation() {
        Trail t = new Trail("eng01");
        Proc shell = t.sshLogin("ivan", 1501);
        Proc parallel = shell.spawn("/usr/bin/perl", "/usr/bin/perl", "/usr/bin/parallel", "-j4", "openssl", "enc",
                "-aes-256-cbc", "-pass", "pass:x", "-in", "{}", "-out", "{}.enc", ":::", "spec-*.odt");
        for (String f : files(60)) {
            Proc sh = parallel.spawn("/bin/sh", "sh", "-c", "openssl enc -aes-256-cbc -pass pass:x -in " + f + " -out " + f + ".enc");
            Tools.opensslEncrypt(sh, f, ".enc");
        }
        Proc find = shell.spawn("/usr/bin/find", "find", "/srv/eng", "-name", "*.odt", "-delete");
        for (String f : files(60)) {
            find.delete(f);
        }
        List<Finding> findings = detect(t);
        Finding enc = findings.stream().filter(f -> f.rootProcess().commandLine().contains("parallel")).findFirst().orElseThrow();
        assertThat(enc.signal("bulk-invocation").fired()).isTrue();
        assertThat(enc.signal("bulk-invocation").description()).contains("parallel");
    }

    /** A locker forking four workers (no exec): the workers are known only from their own file events. */
    @Test
    void aLockerForkingWorkersIsOneCampaign() {
        Trail t = new Trail("eng01");
        Proc locker = t.sshLogin("ivan", 1501).spawn("/tmp/.x/lk", "/tmp/.x/lk", "-t", "4", "/srv/eng");
        List<Proc> workers = List.of(locker.fork(), locker.fork(), locker.fork(), locker.fork());
        List<String> all = files(80);
        for (int i = 0; i < all.size(); i++) {
            Proc w = workers.get(i % 4);
            w.writeInPlace(all.get(i)).rename(all.get(i), all.get(i) + ".lk4");
        }
        Finding f = only(detect(t));
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.filesAffected()).isEqualTo(80);
        assertThat(f.rootProcess().exe()).isEqualTo("/tmp/.x/lk");
    }
}
