package io.ransomtrace.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SnifferTest {

    @TempDir
    Path dir;

    @Test
    void recognisesEveryAuditShapeAmongTheFixtures() throws IOException {
        assertThat(Sniffer.sniff(Fixtures.auditd("otrf-security-datasets/sh_arp_cache_2020-11-10074812.log")))
                .isEqualTo(Format.AUDITD_RAW);
        assertThat(Sniffer.sniff(Fixtures.auditd("elastic-integrations/test-auditd-raw.log"))).isEqualTo(Format.AUDITD_RAW);
        // real 0x1d separator (laurel's git copy) and a copy that lost it (elastic's)
        assertThat(Sniffer.sniff(Fixtures.laurel("laurel-testdata/record-execve.txt"))).isEqualTo(Format.AUDITD_ENRICHED);
        assertThat(Sniffer.sniff(Fixtures.auditd("elastic-integrations/test-enhanced-syscall.log")))
                .isEqualTo(Format.AUDITD_ENRICHED);
        assertThat(Sniffer.sniff(Fixtures.laurel("laurel-testdata/record-execve.json"))).isEqualTo(Format.LAUREL);
    }

    @Test
    void recognisesSyslogForwardedAndAusearchOutput() throws IOException {
        Path forwarded = dir.resolve("messages");
        Files.writeString(forwarded, "Nov 28 10:00:00 web-7 audispd: node=web-7 type=SYSCALL msg=audit(1764324003.000:80): "
                + "arch=c000003e syscall=87 success=yes exit=0 items=1 pid=2 auid=1 uid=1 comm=\"rm\"\n");
        assertThat(Sniffer.sniff(forwarded)).isEqualTo(Format.AUDITD_RAW);
        Path interpreted = dir.resolve("ausearch-i.txt");
        Files.writeString(interpreted, "----\ntype=PROCTITLE msg=audit(11/28/2026 10:00:00.123:456) : proctitle=ls\n"
                + "type=SYSCALL msg=audit(11/28/2026 10:00:00.123:456) : arch=x86_64 syscall=openat success=yes uid=root\n");
        assertThat(Sniffer.sniff(interpreted)).isEqualTo(Format.AUDITD_INTERPRETED);
    }

    @Test
    void recognisesOtherProductsFormatsForTheRegistry() throws IOException {
        Path ecs = firstFile(Fixtures.root().resolve("ecs-auditbeat"));
        assertThat(Sniffer.sniff(ecs)).isEqualTo(Format.ECS_NDJSON);
        Path sysmon = firstFile(Fixtures.root().resolve("sysmon-linux"));
        assertThat(Sniffer.sniff(sysmon)).isIn(Format.SYSMON_XML, Format.ECS_NDJSON);
        Path rules = dir.resolve("audit.rules");
        Files.writeString(rules, "## rules\n-D\n-b 8192\n-a always,exit -F arch=b64 -S openat -k files\n-w /etc/passwd -p wa\n");
        assertThat(Sniffer.sniff(rules)).isEqualTo(Format.AUDIT_RULES);
        Path osq = dir.resolve("osqueryd.results.log");
        Files.writeString(osq, "{\"name\":\"processes\",\"hostIdentifier\":\"h\",\"unixTime\":1,\"columns\":{},\"action\":\"added\"}\n");
        assertThat(Sniffer.sniff(osq)).isEqualTo(Format.OSQUERY);
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, "time,host,pid,path\n2026-01-01,h,1,/a\n2026-01-01,h,2,/b\n");
        assertThat(Sniffer.sniff(csv)).isEqualTo(Format.CSV);
        // European spreadsheet exports use ';', SIEM exports often tabs
        Path semicolons = dir.resolve("export-de.csv");
        Files.writeString(semicolons, "Zeit;Host;PID;Pfad\n2026-01-01;h;1;/a\n2026-01-01;h;2;/b\n");
        assertThat(Sniffer.sniff(semicolons)).isEqualTo(Format.CSV);
        Path tabs = dir.resolve("export.tsv");
        Files.writeString(tabs, "time\thost\tpid\tpath\n2026-01-01\th\t1\t/a\n2026-01-01\th\t2\t/b\n");
        assertThat(Sniffer.sniff(tabs)).isEqualTo(Format.CSV);
        Path prose = dir.resolve("notes.txt");
        Files.writeString(prose, "Meeting notes; nothing here.\nAnother line of text\n");
        assertThat(Sniffer.sniff(prose)).isEqualTo(Format.UNKNOWN);
    }

    @Test
    void readsThroughGzipAndRejectsBinaryAndEmptyFiles() throws IOException {
        Path gz = dir.resolve("audit.log.3.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Fixtures.auditd("linux-audit-userspace/test4.log")));
        }
        assertThat(Sniffer.sniff(gz)).isEqualTo(Format.AUDITD_RAW);
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Path bin = dir.resolve("core");
        Files.write(bin, junk);
        assertThat(Sniffer.sniff(bin)).isEqualTo(Format.UNKNOWN);
        Path empty = dir.resolve("empty");
        Files.write(empty, new byte[0]);
        assertThat(Sniffer.sniff(empty)).isEqualTo(Format.UNKNOWN);
    }

    private static Path firstFile(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("expected")).sorted()
                    .findFirst().orElseThrow();
        }
    }
}
