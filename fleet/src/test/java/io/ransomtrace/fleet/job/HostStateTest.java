package io.ransomtrace.fleet.job;

import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.QuarantinedRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host's whole state (line assembly, detector, recent lines, extracts) frozen into bytes and thawed anywhere in
 * its stream carries on as if it had not stopped: the same findings, with the same extracts.
 */
class HostStateTest {
    private static final Profile PROFILE = Profile.defaults();

    private static final class Out implements HostState.Emitter {
        final List<String> findings = new ArrayList<>();
        final List<QuarantinedRecord> unreadable = new ArrayList<>();

        @Override
        public void finding(FindingJson.FleetFinding finding) {
            findings.add(FindingJson.message(finding));
        }

        @Override
        public void unreadable(String source, QuarantinedRecord record) {
            unreadable.add(record);
        }
    }

    static List<byte[]> lines(String sampleCase) throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("sample-cases/cases"))) {
            dir = dir.getParent();
        }
        List<byte[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("sample-cases/cases").resolve(sampleCase).resolve("audit.log"))) {
            if (!l.isBlank()) {
                out.add(l.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static List<String> run(List<byte[]> lines, int freezeEvery) {
        Out out = new Out();
        HostState h = HostState.fresh("fs01", 64, PROFILE, Allowlist.empty());
        h.attach(out);
        for (int i = 0; i < lines.size(); i++) {
            if (freezeEvery > 0 && i > 0 && i % freezeEvery == 0) {
                h = HostState.fromBytes(h.toBytes(), PROFILE, Allowlist.empty());
                h.attach(out);
            }
            h.line(lines.get(i), EventTimes.of(lines.get(i)), 0, 0, i, "audit.log");
        }
        h.endOfInput();
        return out.findings;
    }

    @Test
    void frozenAndThawedAnywhereTheHostGivesTheSameFindingsAndExtracts() throws Exception {
        List<byte[]> lines = lines("attack-openssl-find");
        List<String> whole = run(lines, 0);
        assertThat(whole).anyMatch(m -> m.contains("\"severity\":\"critical\"") && m.contains("\"extract\":{"));
        for (int every : new int[] {97, 500, 1531}) {
            assertThat(run(lines, every)).as("frozen every %d lines", every).isEqualTo(whole);
        }
    }

}
