package io.ransomtrace.engine.coverage;

import java.util.List;

/**
 * A host's audit rule set held against what AN0603 needs.
 *
 * @param rules    rules read (event-selecting lines only)
 * @param needs    one line per need, in a fixed order
 * @param addLines lines of the recommended rule set ({@code docs/audit/an0603.rules}) that would close the
 *                 gaps: "add these lines"
 */
public record RuleSetReview(int rules, List<RuleNeed> needs, List<String> addLines) {

    public RuleSetReview {
        needs = List.copyOf(needs);
        addLines = List.copyOf(addLines);
    }

    public CoverageStatus status() {
        CoverageStatus worst = CoverageStatus.GREEN;
        for (RuleNeed n : needs) {
            if (n.status().ordinal() > worst.ordinal()) {
                worst = n.status();
            }
        }
        return worst;
    }
}
