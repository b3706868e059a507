package io.ransomtrace.importers;

/** The input formats Ransomtrace reads. {@link Sniffer} tells them apart from a file's first kilobytes. */
public enum Format {
    AUDITD_RAW("auditd raw", "audit.log as auditd writes it (log_format=RAW), optionally with node= prefix or syslog header"),
    AUDITD_ENRICHED("auditd enriched", "audit.log with log_format=ENRICHED (interpreted fields after a 0x1d byte)"),
    AUDITD_INTERPRETED("ausearch -i", "ausearch --interpret output (---- separators, symbolic values)"),
    LAUREL("laurel", "laurel JSON lines (one assembled audit event per line)"),
    ECS_NDJSON("ECS", "Elastic Common Schema NDJSON or JSON array (Elastic Defend, Auditbeat, Auditd Manager)"),
    SYSMON_XML("Sysmon for Linux", "Sysmon for Linux XML events, one per line, pretty-printed or behind a syslog header"),
    SYSMON_TEXT("Sysmon for Linux (text)", "Sysmon for Linux events as sysmonLogView prints them ('Event SYSMONEVENT_…' and indented fields)"),
    OSQUERY("osquery", "osquery results log (differential or snapshot JSON lines)"),
    CSV("CSV", "CSV export from an EDR or SIEM, read through a column mapping"),
    AUDIT_RULES("audit rules", "auditctl -l output or an audit.rules file"),
    UNKNOWN("unknown", "not a format Ransomtrace recognises");

    private final String label;
    private final String description;

    Format(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
