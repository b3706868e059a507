package io.ransomtrace.app.importing;

import java.time.Duration;
import java.util.List;

/** The result of an import: one line per input file, and totals. */
public record ImportSummary(List<SourceResult> sources, boolean cancelled, Duration elapsed) {

    public ImportSummary {
        sources = List.copyOf(sources);
    }

    public long events() {
        return sources.stream().mapToLong(SourceResult::events).sum();
    }

    public long errors() {
        return sources.stream().mapToLong(SourceResult::errors).sum();
    }

    public long count(SourceResult.Outcome outcome) {
        return sources.stream().filter(s -> s.outcome() == outcome).count();
    }

    /** True when every file was imported or was already in the case. */
    public boolean allOk() {
        return sources.stream().allMatch(SourceResult::ok);
    }
}
