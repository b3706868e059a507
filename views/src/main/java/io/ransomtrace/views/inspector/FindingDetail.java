package io.ransomtrace.views.inspector;

import io.ransomtrace.views.findings.FindingRow;

import java.util.List;

/** Everything the inspector shows for a finding: the row, its signals, its evidence, and the analyst's tags and notes. */
public record FindingDetail(FindingRow finding, List<SignalLine> signals, List<EvidenceLine> evidence,
                            List<String> tags, String notes) {
    public FindingDetail {
        signals = List.copyOf(signals);
        evidence = List.copyOf(evidence);
        tags = List.copyOf(tags);
        notes = notes == null ? "" : notes;
    }
}
