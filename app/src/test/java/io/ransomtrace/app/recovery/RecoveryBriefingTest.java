package io.ransomtrace.app.recovery;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.report.ReportFormat;
import io.ransomtrace.app.report.ReportProgress;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.app.testing.Exports;
import io.ransomtrace.app.testing.SampleCases;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.recovery.RecoveryMethod;
import io.ransomtrace.engine.recovery.SecretMask;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorded sample attacks that typed their key on the command line: the plan decrypts every original, and the
 * briefing says so in its Recovery section, with the key masked everywhere in it (evidence and process chain
 * included). The others (a native locker, age to a public key) get a plan that says where the files must come from.
 */
class RecoveryBriefingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "attack-openssl-find, 121, 121, 1",
            "attack-openssl-find-exec-only, 121, 121, 1",
            "attack-xargs-openssl, 71, 71, 1",
            "attack-webshell-daemon, 58, 58, 1",
            "attack-7z-zip, 28, 28, 1",
            "attack-ccrypt-recursive, 68, 68, 1",
            "attack-gpg-shred, 32, 32, 1",
            "attack-age, 70, 0, 0",
            "attack-native-inplace, 146, 0, 0",
            "mixed-workday, 99, 0, 0",
    })
    void sampleAttacksPlanEveryFileAndTheBriefingShowsTheKeyMasked(String sample, int files, int decrypt, int keys)
            throws Exception {
        Path caseFile = SampleCases.importCase(dir, sample);
        List<FindingRecovery> plans;
        try (CaseSession session = CaseSession.openReadOnly(caseFile)) {
            plans = session.recoveryPlans(List.of(), Severity.MEDIUM, () -> false);
        }
        assertThat(plans).hasSize(1);
        var plan = plans.get(0).plan();
        assertThat(plan.files()).hasSize(files);
        assertThat(plan.count(RecoveryMethod.DECRYPT)).isEqualTo(decrypt);
        Set<String> secrets = SecretMask.secretsOf(plan);
        assertThat(secrets).hasSize(keys);

        Path html = dir.resolve("briefing.html");
        Exports.export(caseFile, ReportRequest.of(ReportFormat.HTML, html), ReportProgress.NONE, () -> false);
        String page = Files.readString(html);
        String text = Jsoup.parse(page).text();
        assertThat(text).contains("Recovery").contains(plan.summary());
        if (decrypt > 0) {
            assertThat(text).contains(decrypt + " of " + files + " files can be decrypted with the key seen in the audit log")
                    .contains("Key evidence").contains("Decrypt " + decrypt + " files with the attacker's own key");
        } else {
            assertThat(text).contains("None of the " + files + " files can be decrypted from the audit log");
        }
        for (String secret : secrets) {
            assertThat(page).doesNotContain(secret);
        }
    }
}
