package io.ransomtrace.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection quality on every recorded sample case: each attack high or critical with the right root, login
 * user, file count and overwrite kind; no benign activity at medium or above.
 */
class EvaluateSampleCasesTest {

    @Test
    void everyAttackIsFoundAndNothingBenignIsFlagged() {
        CliRun run = CliRun.of("evaluate", SampleCases.dir().toString());
        assertThat(run.out()).contains("| mixed-workday | attack | critical |");
        assertThat(run.out()).doesNotContain("**");
        assertThat(run.out()).containsPattern("Recall (\\d+)/\\1 \\(100 %\\), false positives 0");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    /** The held-out cases (recorded after the detector change, never used to tune it) are scored on their own. */
    @Test
    void theHeldOutCasesAreScoredApartAndPassToo() {
        CliRun run = CliRun.of("evaluate", "--split", SampleCases.dir().toString());
        assertThat(run.out()).contains("### Tuned on", "### Held out", "| attack-xargs-gpg-ssh | attack |");
        String heldOut = run.out().substring(run.out().indexOf("### Held out"));
        assertThat(heldOut).containsPattern("Recall ([1-9]\\d*)/\\1 \\(100 %\\), false positives 0 \\([1-9]\\d* benign cases\\)");
        assertThat(run.out()).contains("All cases: Recall");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    /**
     * The cases recorded by a second harness (other users, hosts, paths, rule set; sshd, cron and the harness
     * left in the log), never used to tune the detector: sample-cases/independent/README.md.
     */
    @Test
    void theCasesOfTheSecondRecorderPassToo() {
        CliRun run = CliRun.of("evaluate", RepositoryRoot.find().resolve("sample-cases/independent/cases").toString());
        assertThat(run.out()).contains("| h2_qlocker_root_ssh | attack |", "| b5_user_encrypts_few | none |",
                "| h8_ssh_sudo_zip_move | attack |", "| b12_ssh_ccdecrypt_restore | none |",
                "| h20_ssh_sudo_staging_copies | attack |", "| b28_cron_find_mtime_delete | none |",
                "| h32_ssh_python_intermittent | attack |", "| b44_ssh_sudo_apt_reinstall | none |");
        assertThat(run.out()).doesNotContain("**");
        assertThat(run.out()).containsPattern("Recall 74/74 \\(100 %\\), false positives 0 \\(94 benign cases\\)");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }
}
