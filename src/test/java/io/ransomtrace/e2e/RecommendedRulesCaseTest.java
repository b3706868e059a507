package io.ransomtrace.e2e;

import io.ransomtrace.engine.coverage.AuditRule;
import io.ransomtrace.engine.coverage.RuleSetReviewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample case attack-recommended-rules was recorded on a host running the product's recommended audit
 * rules (docs/audit/an0603.rules) and carries the host's rule set ({@code auditctl -l}) beside the log: the
 * detector finds the attack from that telemetry, and the coverage check holds the imported rule set to be
 * complete.
 */
class RecommendedRulesCaseTest {

    private static final String CASE = "attack-recommended-rules";
    private static final String HOST = "fs01.corp.example";

    private static List<String> listedRules() throws IOException {
        return Files.readAllLines(SampleCases.of(CASE).resolve("auditctl-l.txt"));
    }

    @Test
    void theCaseHoldsTheShippedRulesAsTheKernelListedThem() throws IOException {
        List<String> listing = listedRules();
        assertThat(listing.get(0)).isEqualTo("# host: " + HOST);
        List<AuditRule> listed = listing.stream().map(AuditRule::parse).filter(Objects::nonNull)
                .filter(AuditRule::always).toList();
        List<AuditRule> shipped = RuleSetReviewer.recommendedRules().stream().map(AuditRule::parse)
                .filter(Objects::nonNull).filter(AuditRule::always).toList();
        // auditctl -l reorders syscall names and writes -k as -F key=: compare what each rule records.
        assertThat(listed).hasSameSizeAs(shipped);
        for (AuditRule s : shipped) {
            assertThat(listed).as("loaded on the recording host: " + s.text())
                    .anyMatch(l -> Objects.equals(l.arch(), s.arch()) && l.syscalls().equals(s.syscalls())
                            && Objects.equals(l.key(), s.key()));
        }
    }

    @Test
    void theAttackIsFoundWithNoFalsePositiveAnywhere() throws IOException {
        String truth = Files.readString(SampleCases.of(CASE).resolve("truth.yaml"));
        Matcher files = Pattern.compile("filesAffected: (\\d+)").matcher(truth);
        assertThat(files.find()).as("filesAffected in truth.yaml").isTrue();

        CliRun run = CliRun.of("evaluate", SampleCases.dir().toString());
        assertThat(run.out()).containsPattern("\\| " + CASE + " \\| attack \\| (high|critical) \\| yes \\| yes \\| yes "
                + files.group(1) + " / " + files.group(1) + " \\| yes in-place \\| \\d+ \\| 0 \\|");
        assertThat(run.out()).containsPattern("Recall (\\d+)/\\1 \\(100 %\\), false positives 0");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void importingTheCaseFolderImportsTheRuleSetAndCoverageFindsNothingToAdd(@TempDir Path tmp) throws IOException {
        Path rtcase = tmp.resolve("r.rtcase");
        CliRun imported = CliRun.of("import", "--case", rtcase.toString(), SampleCases.of(CASE).toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).containsPattern("imported\\s+audit rules\\s.*auditctl-l\\.txt");
        assertThat(imported.out()).contains("0 import errors");

        CliRun run = CliRun.of("coverage", "--case", rtcase.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        long rules = listedRules().stream().filter(l -> l.startsWith("-a ")).count();
        assertThat(out).startsWith(HOST + " — overall");
        assertThat(out).contains("Audit rules: " + rules + " rules, overall GREEN");
        for (String need : new String[]{"Program starts", "Opens for writing \\(open", "File creation \\(creat",
                "Truncation \\(truncate", "Renames \\(rename", "Deletes \\(unlink"}) {
            assertThat(out).containsPattern("\\[GREEN\\] " + need + ".*covered for 64-bit and 32-bit programs");
        }
        assertThat(out).doesNotContain("Add these lines", "none imported");
        assertThat(out).containsPattern("\\[GREEN\\] Opens for writing\\s+\\d+ operations");
        assertThat(out).containsPattern("\\[GREEN\\] Renames\\s+\\d+ operations");
        // The attack neither truncates nor deletes; the imported rules say those would have been recorded.
        for (String kind : new String[]{"Truncation", "Deletes"}) {
            assertThat(out).containsPattern("\\[GREEN\\] " + kind + "\\s+0 of \\d+ file operations");
        }
        assertThat(out).doesNotContain("import the host's rules");
        CliRun json = CliRun.of("coverage", "--case", rtcase.toString(), "--json");
        assertThat(json.out()).contains("the host's audit rules record truncation", "the host's audit rules record deletes")
                .contains("none happened in this data");
    }
}
