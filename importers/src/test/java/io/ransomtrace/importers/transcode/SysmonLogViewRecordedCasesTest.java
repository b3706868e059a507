package io.ransomtrace.importers.transcode;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Sniffer;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.sysmon.SysmonImporter;
import io.ransomtrace.importers.sysmon.SysmonTextImporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded cases as Sysmon for Linux shows them, once as its XML and once as sysmonLogView's text of the same
 * events: the text is sniffed as such and gives the XML's findings (severity, files, root, login uid), host aside
 * (the text names none).
 */
class SysmonLogViewRecordedCasesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"independent/cases/h1_ssh_sudo_openssl", "independent/cases/h29_ssh_sudo_parallel_gpg",
            "independent/cases/h16_ssh_sudo_i_ccencrypt_find", "cases/attack-xargs-gpg-ssh",
            "independent/cases/b41_ssh_mogrify_webp_rm", "independent/cases/b30_cron_mark_processed"})
    void theTextGivesTheXmlsFindings(String name) throws IOException {
        Path caseDir = RecordedCasesAsEcsTest.cases().filter(c -> c.endsWith(name)).findFirst().orElseThrow();
        List<String> xml = new ArrayList<>();
        List<String> text = new ArrayList<>();
        long record = 1;
        for (Event e : RecordedCasesAsEcsTest.importCase(caseDir)) {
            if (e instanceof io.ransomtrace.engine.model.FileOp op && op.path() == null) {
                continue; // a file event without a path has no Sysmon form (TargetFilename)
            }
            xml.addAll(SysmonTranscoder.toLines(e, record++));
            text.addAll(SysmonTranscoder.toText(e));
        }
        Path xmlFile = Files.write(tmp.resolve("sysmon.xml.log"), xml);
        Path textFile = Files.write(tmp.resolve("sysmon.txt"), text);
        assertThat(Sniffer.sniff(textFile)).isEqualTo(Format.SYSMON_TEXT);

        CollectingSink fromXml = new CollectingSink();
        new SysmonImporter().importSource(new SourceFile(1, xmlFile, Format.SYSMON_XML), fromXml);
        CollectingSink fromText = new CollectingSink();
        new SysmonTextImporter().importSource(new SourceFile(1, textFile, Format.SYSMON_TEXT), fromText);
        assertThat(fromText.quarantined).isEmpty();
        assertThat(fromText.events).hasSameSizeAs(fromXml.events);

        List<String> expected = summary(fromXml.events);
        assertThat(summary(fromText.events)).isEqualTo(expected);
        if (!name.contains("/b")) {
            assertThat(expected).as("an attack's finding").isNotEmpty();
        }
    }

    private static List<String> summary(List<Event> events) {
        List<Finding> findings = Detector.run(events, Profile.defaults(), Allowlist.empty());
        return findings.stream().map(f -> f.severity() + " " + f.filesAffected() + " files, root "
                + f.rootProcess().pid() + " " + f.rootProcess().exe() + ", login uid " + f.rootProcess().loginUid()).toList();
    }
}
