package io.ransomtrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a real host's log is full of: cron jobs and daemon scripts running {@code rm -rf} on lock and cache
 * directories that hold nothing the rules audit. Each is a bulk invocation of its own (cron's forked child never
 * execs, so the campaign root is known only by pid) and none changed a file: no finding, and nothing printed
 * says "null". The same job that does delete files is still reported, its root shown for what the log knows.
 */
class HousekeepingNoiseE2ETest {
    private static long serial = 9000;

    /** cron's child (pid ppid, never exec'd) runs sh -c 'rm -rf DIR', which execs rm in the same process. */
    private static String cronRm(int pid, int cronChild, String dir, int deletes) {
        StringBuilder sb = new StringBuilder();
        String head = "node=app03 type=SYSCALL msg=audit(1796640000." + (100 + pid % 800) + ":";
        long s = serial++;
        sb.append(head).append(s).append("): arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2 a2=3 a3=4 items=2 ppid=")
                .append(cronChild).append(" pid=").append(pid).append(" auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0")
                .append(" egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm=\"sh\" exe=\"/usr/bin/dash\" key=\"rt_exec\"\n")
                .append(head.replace("SYSCALL", "EXECVE")).append(s).append("): argc=3 a0=\"/bin/sh\" a1=\"-c\" a2=\"rm -rf ")
                .append(dir).append("\"\n")
                .append(head.replace("SYSCALL", "CWD")).append(s).append("): cwd=\"/root\"\n");
        s = serial++;
        sb.append(head).append(s).append("): arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2 a2=3 a3=4 items=2 ppid=")
                .append(cronChild).append(" pid=").append(pid).append(" auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0")
                .append(" egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm=\"rm\" exe=\"/usr/bin/rm\" key=\"rt_exec\"\n")
                .append(head.replace("SYSCALL", "EXECVE")).append(s).append("): argc=3 a0=\"rm\" a1=\"-rf\" a2=\"").append(dir)
                .append("\"\n")
                .append(head.replace("SYSCALL", "CWD")).append(s).append("): cwd=\"/root\"\n");
        for (int i = 0; i < deletes; i++) {
            s = serial++;
            sb.append(head).append(s).append("): arch=c000003e syscall=87 success=yes exit=0 a0=5 a1=55 a2=0 a3=0 items=2 ppid=")
                    .append(cronChild).append(" pid=").append(pid).append(" auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0")
                    .append(" egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm=\"rm\" exe=\"/usr/bin/rm\" key=\"rt_file\"\n")
                    .append(head.replace("SYSCALL", "CWD")).append(s).append("): cwd=\"/root\"\n")
                    .append(head.replace("SYSCALL", "PATH")).append(s).append("): item=0 name=\"").append(dir)
                    .append("/\" inode=77 dev=fe:00 mode=040755 ouid=0 ogid=0 rdev=00:00 nametype=PARENT\n")
                    .append(head.replace("SYSCALL", "PATH")).append(s).append("): item=1 name=\"").append(dir).append("/s")
                    .append(i).append(".tmp\" inode=").append(900 + i).append(" dev=fe:00 mode=0100644 ouid=0 ogid=0 rdev=00:00")
                    .append(" nametype=DELETE\n");
        }
        return sb.toString();
    }

    @Test
    void thirtyCronRmRfOfNothingGiveNoFindingAndNoNull(@TempDir Path tmp) throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append(cronRm(20_000 + 2 * i, 19_999 + 2 * i, "/var/lib/app/lock-" + i, 0));
        }
        Path file = tmp.resolve("audit.log");
        Files.writeString(file, log);
        CliRun run = CliRun.of("scan", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("60 events").contains("No findings.").doesNotContain("null");
    }

    @Test
    void theSameJobDeletingManyFilesIsReportedWithItsRootShownForWhatTheLogKnows(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("audit.log");
        Files.writeString(file, cronRm(21_000, 20_999, "/var/lib/app/spool", 60));
        CliRun run = CliRun.of("scan", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("60 files").contains("root pid 20999 (program not in the log")
                .doesNotContain("null");
    }

    /**
     * A busy host's log holds many small findings (every cron job that deleted its spool): the one an analyst must
     * read comes first, in full, and the small ones one line each instead of a screenful each; --all prints them all.
     */
    @Test
    void manySmallFindingsAreListedOneLineEachAfterTheCriticalOne(@TempDir Path tmp) throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            log.append(cronRm(22_000 + 2 * i, 21_999 + 2 * i, "/var/spool/app/q" + i, 60));
        }
        Path noise = tmp.resolve("app03.log");
        Files.writeString(noise, log);
        Path attack = SampleCases.of("attack-openssl-find");

        CliRun run = CliRun.of("scan", attack.toString(), noise.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        int critical = out.indexOf("* CRITICAL");
        int listing = out.indexOf("14 low, info or suppressed findings, one line each");
        assertThat(critical).as(out).isPositive();
        assertThat(listing).as(out).isGreaterThan(critical);
        assertThat(out.substring(listing).lines().filter(l -> l.startsWith("- INFO") || l.startsWith("- LOW")).count())
                .isEqualTo(14);
        assertThat(out.substring(listing)).doesNotContain("    host app03");

        CliRun all = CliRun.of("scan", "--all", attack.toString(), noise.toString());
        assertThat(all.out()).doesNotContain("one line each");
        assertThat(all.out().lines().filter(l -> l.startsWith("    host app03")).count()).isEqualTo(14);
    }
}
