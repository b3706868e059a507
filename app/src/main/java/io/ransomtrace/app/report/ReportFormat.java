package io.ransomtrace.app.report;

import java.util.Locale;

/** What {@code report --format} and File → Export… can write. */
public enum ReportFormat {
    PDF("pdf", "Executive briefing (PDF)"),
    HTML("html", "Executive briefing (self-contained HTML)"),
    JSON("json", "Findings as JSON (the scan --json schema)"),
    CSV("csv", "Findings as CSV, one row per finding"),
    RESTORE("csv", "Restore list: affected files as CSV"),
    ECS("ndjson", "Evidence events as ECS NDJSON"),
    NAVIGATOR("json", "ATT&CK Navigator layer");

    private final String extension;
    private final String description;

    ReportFormat(String extension, String description) {
        this.extension = extension;
        this.description = description;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /** The name the CLI takes ("pdf", "restore"). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportFormat parse(String name) {
        for (ReportFormat f : values()) {
            if (f.cliName().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "'");
    }
}
