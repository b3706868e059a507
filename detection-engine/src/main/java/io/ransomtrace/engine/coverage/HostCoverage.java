package io.ransomtrace.engine.coverage;

import java.time.Instant;
import java.util.List;

/**
 * The coverage assessment of one host: could its telemetry have shown mass encryption?
 *
 * @param host       host name
 * @param firstEvent first event time seen, or null when none
 * @param lastEvent  last event time seen, or null
 * @param events     events seen for the host
 * @param checks     the checklist, in a fixed order
 * @param rules      the review of the host's audit rule set, or null when none was imported
 */
public record HostCoverage(String host, Instant firstEvent, Instant lastEvent, long events,
                           List<CoverageCheck> checks, RuleSetReview rules) {

    public HostCoverage {
        checks = List.copyOf(checks);
    }

    /** The worst status of the checklist (and of the rule review, when there is one). */
    public CoverageStatus overall() {
        CoverageStatus worst = CoverageStatus.GREEN;
        for (CoverageCheck c : checks) {
            if (c.status().ordinal() > worst.ordinal()) {
                worst = c.status();
            }
        }
        if (rules != null && rules.status().ordinal() > worst.ordinal()) {
            worst = rules.status();
        }
        return worst;
    }
}
