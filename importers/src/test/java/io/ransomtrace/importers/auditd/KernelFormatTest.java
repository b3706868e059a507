package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.Fixtures;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Sniffer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no audit daemon running, the kernel's audit records go to its log: dmesg, kern.log or syslog and the journal
 * hold them as {@code audit: type=1300 audit(SEC.MS:SERIAL): …} — numbered types, no {@code msg=}. A recorded attack
 * rewritten that way (the same records, behind each prefix) reads as the same events and gives the same finding.
 */
class KernelFormatTest {
    /** The record types of the recorded case, as the kernel numbers them (linux/audit.h). */
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("SYSCALL", 1300),
            Map.entry("PATH", 1302), Map.entry("CONFIG_CHANGE", 1305), Map.entry("CWD", 1307), Map.entry("EXECVE", 1309),
            Map.entry("BPRM_FCAPS", 1321), Map.entry("PROCTITLE", 1327), Map.entry("LOGIN", 1006),
            Map.entry("USER_AUTH", 1100), Map.entry("USER_ACCT", 1101), Map.entry("CRED_ACQ", 1103),
            Map.entry("CRED_DISP", 1104), Map.entry("USER_START", 1105), Map.entry("USER_END", 1106),
            Map.entry("CRED_REFR", 1110), Map.entry("USER_CMD", 1123), Map.entry("DAEMON_START", 1200),
            Map.entry("DAEMON_END", 1201));
    private static final Pattern RECORD = Pattern.compile("node=(\\S+) type=(\\S+) msg=audit\\(([^)]*)\\): ?(.*)");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kern.log", "dmesg", "journal"})
    void theKernelsOwnLinesReadAsTheDaemonsDo(String shape) throws IOException {
        Path raw = Fixtures.sampleCases("cases/attack-openssl-find/audit.log");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(raw)) {
            Matcher m = RECORD.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            String host = m.group(1).substring(0, m.group(1).indexOf('.'));
            String record = "type=" + NUMBERS.get(m.group(2)) + " audit(" + m.group(3) + "): " + m.group(4);
            out.add(switch (shape) {
                case "kern.log" -> "Nov 28 14:34:15 " + host + " kernel: [12345.678901] audit: " + record;
                case "dmesg" -> "[12345.678901] audit: " + record;
                default -> "2026-11-28T14:34:15+0000 " + host + " kernel: audit: " + record;
            });
        }
        Path kernel = Files.write(tmp.resolve(shape), out);
        assertThat(Sniffer.sniff(kernel)).isEqualTo(Format.AUDITD_RAW);
        Imports k = Imports.of(kernel, Format.AUDITD_RAW);
        Imports r = Imports.of(raw, Format.AUDITD_RAW);
        assertThat(k.stats.recordsQuarantined()).as("%s", k.sink.quarantined).isZero();
        assertThat(k.stats.events()).isEqualTo(r.stats.events());

        Finding fk = worst(k.sink.events);
        Finding fr = worst(r.sink.events);
        assertThat(fk.severity()).isEqualTo(fr.severity());
        assertThat(fk.filesAffected()).isEqualTo(fr.filesAffected());
        assertThat(fk.rootProcess().commandLine()).isEqualTo(fr.rootProcess().commandLine());
        assertThat(fk.rootProcess().loginUid()).isEqualTo(fr.rootProcess().loginUid());
        assertThat(fk.host()).as("dmesg names no host").isEqualTo(shape.equals("dmesg") ? fk.host() : "fs01");
    }

    private static Finding worst(List<Event> events) {
        return Detector.run(events, Profile.defaults(), Allowlist.empty()).stream()
                .max(Comparator.comparing(Finding::severity)).orElseThrow();
    }
}
