package io.ransomtrace.engine;

/**
 * What the detector's hard memory caps cost in one run. All zero on an ordinary log; non-zero counts say the
 * log held more live processes or open campaigns than the profile lets the detector remember at once
 * ({@code process.maxTracked}, {@code campaign.maxActive}, {@code campaign.maxTrackedFiles}).
 *
 * @param processes        processes forgotten because the process cap was reached (least recently used first)
 * @param keptProcesses    of those, processes that had changed files, rooted a campaign or started a session
 *                         (forgotten only when nothing else was left to forget)
 * @param quietCampaigns   open campaigns dropped at the campaign cap that had fired no signal (nothing to report)
 * @param closedEarly      open campaigns with something to report closed early at the campaign cap: they are
 *                         findings, but later activity of their lineage starts a new finding
 * @param cappedCampaigns  campaigns whose distinct-file set reached its cap (their counts are lower bounds)
 */
public record Evictions(long processes, long keptProcesses, long quietCampaigns, long closedEarly, long cappedCampaigns) {

    public boolean any() {
        return processes > 0 || quietCampaigns > 0 || closedEarly > 0 || cappedCampaigns > 0;
    }
}
