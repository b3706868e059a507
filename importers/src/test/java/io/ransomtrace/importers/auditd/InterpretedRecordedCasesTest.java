package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.Fixtures;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Sniffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded attacks as {@code ausearch -i} prints them (resources interpreted-cases/, SOURCES.md there) read like
 * their raw logs: every command line the same (an argument printed as it is, {@code d=${d%/};} included), and the
 * same finding — root process, command line and login user. Names stand in for the ids ausearch left out
 * ({@code auid=mkowalski}), so a change of account is still seen; an id it had no account for
 * ({@code unknown(1101)}) keeps its number.
 */
class InterpretedRecordedCasesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "h1_ssh_sudo_openssl, sample-cases/independent/cases/h1_ssh_sudo_openssl/audit.log.gz, u.sh, mkowalski",
            "h2_qlocker_root_ssh, sample-cases/independent/cases/h2_qlocker_root_ssh/audit.log.gz, 7z a, root",
            "attack-openssl-find, sample-cases/cases/attack-openssl-find/audit.log, enc.sh, alice"})
    void readsLikeTheRawLogAndGivesTheSameFinding(String name, String raw, String rootCommand, String loginUser)
            throws IOException, URISyntaxException {
        Path interpreted = Path.of(InterpretedRecordedCasesTest.class
                .getResource("interpreted-cases/" + name + ".ausearch-i.log.gz").toURI());
        assertThat(Sniffer.sniff(interpreted)).isEqualTo(Format.AUDITD_INTERPRETED);
        Imports i = Imports.of(interpreted, Format.AUDITD_INTERPRETED);
        Imports r = Imports.of(Fixtures.sampleCases(raw.substring("sample-cases/".length())), Format.AUDITD_RAW);
        assertThat(i.stats.recordsQuarantined()).as("%s", i.sink.quarantined).isZero();

        // ausearch -i prints arguments as they are: one holding a line break or edge blanks cannot be told back
        // from its output (a multi-line sh -c script, tr '\0' ' '); every other must read as in the raw log
        List<String> ci = commandLines(i.sink.events);
        List<String> cr = commandLines(r.sink.events).stream().filter(c -> !c.contains("\n") && !c.contains(" ,")
                && !c.contains(",  ") && !c.contains(", ]") && !c.contains(" ]")).toList();
        assertThat(cr).as("command lines compared").hasSizeGreaterThan(20);
        assertThat(cr.stream().filter(c -> !ci.contains(c)).toList()).as("read otherwise in ausearch -i output")
                .isEmpty();

        Finding fi = worst(i.sink.events);
        Finding fr = worst(r.sink.events);
        assertThat(fi.severity()).isEqualTo(fr.severity());
        assertThat(fi.severity().atLeast(Severity.HIGH)).isTrue();
        RootProcess ri = fi.rootProcess();
        assertThat(ri.pid()).isEqualTo(fr.rootProcess().pid());
        assertThat(ri.commandLine()).isEqualTo(fr.rootProcess().commandLine()).contains(rootCommand);
        assertThat(ri.loginUser()).isEqualTo(loginUser);
        assertThat(fi.filesAffected()).isEqualTo(fr.filesAffected());
        if (ri.loginUid() != null) {
            assertThat(ri.loginUid()).as("a number shown is the real one").isEqualTo(fr.rootProcess().loginUid());
        }
    }

    private static List<String> commandLines(List<Event> events) {
        return events.stream().filter(e -> e instanceof ProcessExec).map(e -> (ProcessExec) e)
                .map(x -> x.provenance().nativeId() + " " + x.argv()).sorted().toList();
    }

    private static Finding worst(List<Event> events) {
        return Detector.run(events, Profile.defaults(), Allowlist.empty()).stream()
                .max(Comparator.comparing(Finding::severity)).orElseThrow();
    }
}
