package io.ransomtrace.views.inspector;

import java.time.Instant;

/** One event cited as evidence for a finding: when, and a one-line summary ("WRITE /srv/a.docx by enc[4242]"). */
public record EvidenceLine(long eventId, Instant time, String summary) {
}
