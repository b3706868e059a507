package io.ransomtrace.app.recovery;

import io.ransomtrace.engine.recovery.RecoveryPlan;

/**
 * The recovery plan of one finding.
 *
 * @param findingId the detector's id ({@code rt-…})
 * @param host      the host the originals live on
 * @param title     the finding's title
 * @param plan      how every original comes back
 * @param note      why the plan is empty when the case cannot say (the campaign's processes are not in it), else
 *                  null
 */
public record FindingRecovery(String findingId, String host, String title, RecoveryPlan plan, String note) {
}
