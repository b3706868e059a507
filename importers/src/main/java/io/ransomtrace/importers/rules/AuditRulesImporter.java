package io.ransomtrace.importers.rules;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a host's audit rule set ({@code auditctl -l} output or an {@code audit.rules} file) so the coverage
 * check can hold it against what AN0603 needs. Each rule line becomes an {@link OtherRecord} of type
 * {@code AUDIT_RULE} whose summary is the line. Comments, blank lines and control lines ({@code -b 8192},
 * {@code -D}) are counted as other records too, so every line read is accounted for.
 *
 * <p>The host is taken from a comment {@code # host: fs01.corp.example} when the file has one; otherwise the
 * rules apply to every host of the case ({@code unknown}). The time of the records is the file's
 * modification time: the rules were in force then.
 */
public final class AuditRulesImporter implements Importer {

    public static final String RULE_TYPE = "AUDIT_RULE";
    public static final String UNKNOWN_HOST = "unknown";
    private static final int MAX_LINE = 8192;

    @Override
    public Format format() {
        return Format.AUDIT_RULES;
    }

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        Instant time = Files.getLastModifiedTime(source.path()).toInstant();
        String host = UNKNOWN_HOST;
        long read = 0;
        long other = 0;
        long quarantined = 0;
        long events = 0;
        long offset = 0;
        Map<String, Long> types = new TreeMap<>();
        try (InputStream in = Files.newInputStream(source.path());
             BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                     StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                             .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            while ((line = reader.readLine()) != null) {
                read++;
                long lineOffset = offset;
                offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (sink.cancelled()) {
                    read--;
                    return new ImportStats(format(), host, read, 0, other, quarantined, events, types, true);
                }
                String text = line.strip();
                if (text.length() > MAX_LINE || text.indexOf('\0') >= 0) {
                    quarantined++;
                    sink.quarantined(new QuarantinedRecord(source.sourceId(), read, lineOffset,
                            text.length() > MAX_LINE ? "line longer than " + MAX_LINE + " characters: not an audit rule"
                                    : "binary data in a rule file", text));
                    continue;
                }
                String declaredHost = declaredHost(text);
                if (declaredHost != null) {
                    host = declaredHost;
                }
                String type = text.startsWith("-a") || text.startsWith("-A") || text.startsWith("-w") ? RULE_TYPE
                        : text.isEmpty() || text.startsWith("#") ? "AUDIT_RULE_COMMENT" : "AUDIT_RULE_CONTROL";
                if (!type.equals(RULE_TYPE) && !text.isEmpty() && !text.startsWith("#") && !text.startsWith("-")
                        && !text.equals("No rules")) {
                    quarantined++;
                    sink.quarantined(new QuarantinedRecord(source.sourceId(), read, lineOffset,
                            "not an audit rule (rules start with -a, -A, -w or a control option)", text));
                    continue;
                }
                types.merge(type, 1L, Long::sum);
                other++;
                if (type.equals(RULE_TYPE)) {
                    sink.event(new OtherRecord(EventId.of(source.sourceId(), events), time, host, Actor.NONE, RULE_TYPE,
                            text, Map.of(), new Provenance(source.sourceId(), read, lineOffset, null)));
                    events++;
                }
            }
        }
        sink.progress(offset, offset);
        return new ImportStats(format(), host, read, 0, other, quarantined, events, types, false);
    }

    private static String declaredHost(String text) {
        if (!text.startsWith("#")) {
            return null;
        }
        String body = text.replaceFirst("^#+\\s*", "");
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith("host:") || lower.startsWith("host=")) {
            String h = body.substring(5).strip();
            return h.isEmpty() ? null : h;
        }
        return null;
    }

    /** True when the first bytes look like audit rules: lines starting with -a/-w/-D/-b or "No rules". */
    public static boolean looksLike(String head) {
        int rules = 0;
        int others = 0;
        for (String line : head.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("-a ") || t.startsWith("-w ") || t.startsWith("-A ") || t.equals("-D") || t.startsWith("-b ")
                    || t.startsWith("-e ") || t.startsWith("-f ") || t.equals("No rules") || t.startsWith("--backlog")) {
                rules++;
            } else {
                others++;
            }
        }
        return rules > 0 && others <= rules / 10;
    }
}
