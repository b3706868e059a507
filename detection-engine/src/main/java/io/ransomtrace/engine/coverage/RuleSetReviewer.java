package io.ransomtrace.engine.coverage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds an audit rule set against the syscalls AN0603's signals need, and proposes the lines of the
 * recommended rule set that close the gaps.
 */
public final class RuleSetReviewer {

    /** A need: the syscalls that provide it and the key of the recommended rules that cover it. */
    private record Need(String id, String title, List<String> syscalls, String recommendedKey, String whenMissing) {
    }

    private static final List<Need> NEEDS = List.of(
            new Need("exec", "Program starts (execve, execveat)", List.of("execve", "execveat"), "rt_exec",
                    "no command lines of encryption tools, no process tree, no login user behind a campaign"),
            new Need("write", "Opens for writing (open, openat, openat2)", List.of("openat", "open", "openat2"), "rt_write",
                    "in-place overwrites and mass modification cannot be seen"),
            new Need("create", "File creation (creat, open with O_CREAT)", List.of("creat", "openat", "open"), "rt_write",
                    "encrypted copies and ransom notes cannot be seen being written"),
            new Need("truncate", "Truncation (truncate, ftruncate)", List.of("truncate", "ftruncate"), "rt_write",
                    "truncate-then-write overwrites cannot be told apart from ordinary writes"),
            new Need("rename", "Renames (rename, renameat, renameat2)", List.of("rename", "renameat", "renameat2"), "rt_rename",
                    "extension changes (report.docx -> report.docx.locked) cannot be seen"),
            new Need("delete", "Deletes (unlink, unlinkat)", List.of("unlink", "unlinkat"), "rt_delete",
                    "delete-after-encrypt cannot be seen: originals vanish without a trace"));

    private final List<String> recommended;

    public RuleSetReviewer(List<String> recommendedRuleLines) {
        this.recommended = List.copyOf(recommendedRuleLines);
    }

    /** A reviewer holding rule sets against the recommended rules shipped with the product. */
    public static RuleSetReviewer withShippedRecommendation() {
        return new RuleSetReviewer(recommendedRules());
    }

    /** The lines of {@code docs/audit/an0603.rules}, as shipped in this jar. */
    public static List<String> recommendedRules() {
        try (InputStream in = Objects.requireNonNull(RuleSetReviewer.class.getResourceAsStream("an0603.rules"),
                "an0603.rules missing from the jar");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RuleSetReview review(List<String> ruleLines) {
        List<AuditRule> rules = new ArrayList<>();
        for (String line : ruleLines) {
            AuditRule rule = AuditRule.parse(line);
            if (rule != null) {
                rules.add(rule);
            }
        }
        List<RuleNeed> needs = new ArrayList<>();
        List<String> keysToAdd = new ArrayList<>();
        for (Need need : NEEDS) {
            RuleNeed result = assess(need, rules);
            needs.add(result);
            if (result.status() != CoverageStatus.GREEN && !keysToAdd.contains(need.recommendedKey())) {
                keysToAdd.add(need.recommendedKey());
            }
        }
        List<String> add = new ArrayList<>();
        for (String line : recommended) {
            AuditRule r = AuditRule.parse(line);
            if (r != null && keysToAdd.contains(r.key()) && ruleLines.stream().noneMatch(l -> l.strip().equals(line.strip()))) {
                add.add(line.strip());
            }
        }
        return new RuleSetReview(rules.size(), needs, add);
    }

    private static RuleNeed assess(Need need, List<AuditRule> rules) {
        AuditRule full64 = null;
        AuditRule full32 = null;
        AuditRule partial = null;
        for (AuditRule rule : rules) {
            if (rule.never() || !rule.always() && !rule.isWatch()) {
                continue;
            }
            if (rule.isWatch()) {
                if (rule.perms() == null || rule.perms().contains("w")) {
                    partial = partial == null ? rule : partial;
                }
                continue;
            }
            boolean covers64 = need.syscalls().stream().anyMatch(s -> rule.coversSyscall(s, "b64"));
            boolean covers32 = need.syscalls().stream().anyMatch(s -> rule.coversSyscall(s, "b32"));
            if (!covers64 && !covers32) {
                continue;
            }
            if (restrictsToSomePaths(rule) || onlyFailures(rule)) {
                partial = partial == null ? rule : partial;
                continue;
            }
            if (covers64 && full64 == null) {
                full64 = rule;
            }
            if (covers32 && full32 == null) {
                full32 = rule;
            }
        }
        if (full64 != null && full32 != null) {
            return new RuleNeed(need.id(), need.title(), CoverageStatus.GREEN, full64.text(),
                    "covered for 64-bit and 32-bit programs");
        }
        if (full64 != null) {
            return new RuleNeed(need.id(), need.title(), CoverageStatus.AMBER, full64.text(),
                    "covered for 64-bit programs only: a 32-bit encryptor would go unseen (" + need.whenMissing() + ")");
        }
        if (partial != null) {
            String where = partial.watch() != null ? "under " + partial.watch() : "for some paths or results (" + String.join(" ", partial.filters()) + ")";
            return new RuleNeed(need.id(), need.title(), CoverageStatus.AMBER, partial.text(),
                    "covered only " + where + "; elsewhere " + need.whenMissing());
        }
        return new RuleNeed(need.id(), need.title(), CoverageStatus.RED, null,
                "no rule records it: " + need.whenMissing());
    }

    private static boolean restrictsToSomePaths(AuditRule rule) {
        return rule.filters().stream().anyMatch(f -> f.startsWith("dir=") || f.startsWith("path="));
    }

    private static boolean onlyFailures(AuditRule rule) {
        return rule.filters().stream().anyMatch(f -> f.equals("success=0") || f.startsWith("exit=-"));
    }
}
