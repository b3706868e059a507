package io.ransomtrace.engine.coverage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetReviewerTest {

    private final RuleSetReviewer reviewer = RuleSetReviewer.withShippedRecommendation();

    private static RuleNeed need(RuleSetReview review, String id) {
        return review.needs().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theShippedRecommendationCoversEveryNeed() {
        RuleSetReview review = reviewer.review(RuleSetReviewer.recommendedRules());
        assertThat(review.needs()).allSatisfy(n -> assertThat(n.status()).as(n.id()).isEqualTo(CoverageStatus.GREEN));
        assertThat(review.addLines()).isEmpty();
        assertThat(review.rules()).isGreaterThan(10);
    }

    @Test
    void aRuleSetWithoutRenamesIsFlaggedAndTheFixIsProposed() {
        List<String> listed = List.of(
                "-a always,exit -F arch=b64 -S execve,execveat -F key=exec",
                "-a always,exit -F arch=b32 -S execve,execveat -F key=exec",
                "-a always,exit -F arch=b64 -S open,openat,openat2,creat,truncate,ftruncate -F key=write",
                "-a always,exit -F arch=b32 -S open,openat,creat,truncate,ftruncate -F key=write",
                "-a always,exit -F arch=b64 -S unlink,unlinkat -F key=delete",
                "-a always,exit -F arch=b32 -S unlink,unlinkat -F key=delete");
        RuleSetReview review = reviewer.review(listed);
        assertThat(need(review, "rename").status()).isEqualTo(CoverageStatus.RED);
        assertThat(need(review, "rename").explanation()).contains("extension changes");
        assertThat(need(review, "delete").status()).isEqualTo(CoverageStatus.GREEN);
        assertThat(review.status()).isEqualTo(CoverageStatus.RED);
        assertThat(review.addLines()).containsExactly(
                "-a always,exit -F arch=b64 -S rename,renameat,renameat2 -k rt_rename",
                "-a always,exit -F arch=b32 -S rename,renameat,renameat2 -k rt_rename");
    }

    @Test
    void execOnlyRulesLeaveEveryFileNeedRed() {
        RuleSetReview review = reviewer.review(List.of("-a always,exit -F arch=b64 -S execve -k exec"));
        assertThat(need(review, "exec").status()).isEqualTo(CoverageStatus.AMBER);
        assertThat(need(review, "exec").explanation()).contains("64-bit programs only");
        for (String id : List.of("write", "create", "truncate", "rename", "delete")) {
            assertThat(need(review, id).status()).as(id).isEqualTo(CoverageStatus.RED);
        }
        assertThat(review.addLines()).anyMatch(l -> l.contains("rt_write")).anyMatch(l -> l.contains("rt_delete"));
    }

    @Test
    void aWatchCoversFileNeedsOnlyUnderItsPath() {
        RuleSetReview review = reviewer.review(List.of("-w /etc/ -p wa -k etc"));
        assertThat(need(review, "rename").status()).isEqualTo(CoverageStatus.AMBER);
        assertThat(need(review, "rename").explanation()).contains("under /etc/");
        assertThat(need(review, "exec").status()).isEqualTo(CoverageStatus.AMBER);
    }

    @Test
    void neverRulesAndControlLinesDoNotCountAsCoverage() {
        RuleSetReview review = reviewer.review(List.of("-D", "-b 8192", "# a comment", "",
                "-a never,exit -F arch=b64 -S rename,renameat,renameat2"));
        assertThat(review.rules()).isEqualTo(1);
        assertThat(need(review, "rename").status()).isEqualTo(CoverageStatus.RED);
    }

    @Test
    void parsesAuditctlListingSyntax() {
        AuditRule r = AuditRule.parse("-a always,exit -F arch=b64 -S rename,renameat,renameat2 -F success=1 -F key=rt_rename");
        assertThat(r.arch()).isEqualTo("b64");
        assertThat(r.syscalls()).containsExactlyInAnyOrder("rename", "renameat", "renameat2");
        assertThat(r.filters()).containsExactly("success=1");
        assertThat(r.key()).isEqualTo("rt_rename");
        assertThat(AuditRule.parse("No rules")).isNull();
        AuditRule w = AuditRule.parse("-w /home/ -p wa -k homes");
        assertThat(w.isWatch()).isTrue();
        assertThat(w.perms()).isEqualTo("wa");
    }
}
