package io.ransomtrace.views.inspector;

import java.util.List;

/** The analyst's tags and free-text notes on a finding, as saved from the inspector. */
public record Annotations(List<String> tags, String notes) {
    public Annotations {
        tags = List.copyOf(tags);
        notes = notes == null ? "" : notes;
    }
}
