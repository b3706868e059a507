package io.ransomtrace.importers.sysmon;

import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.edr.ImportTally;
import io.ransomtrace.importers.edr.LineImport;
import io.ransomtrace.importers.edr.LineSource;
import io.ransomtrace.importers.edr.RecordRejected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imports Sysmon for Linux events as {@code sysmonLogView} prints them ({@code cat /var/log/syslog |
 * /opt/sysmon/sysmonLogView > sysmon.txt}, what its README tells people to run): each event a line {@code Event
 * SYSMONEVENT_CREATE_PROCESS} followed by tab-indented {@code Name: value} lines. The text form carries no host name
 * and no record id; the fields are the XML's EventData, so each event goes through the same {@link SysmonEventMapper}.
 * An event name the table below does not know is kept as an other record; a line outside any event is quarantined.
 */
public final class SysmonTextImporter implements Importer {

    public static final int MAX_LINE_BYTES = 1 << 20;
    private static final int MAX_FIELDS = 64;
    private static final String EVENT_PREFIX = "Event SYSMONEVENT_";

    /** Sysmon's event names (its manifest, as sysmonLogView prints them) and their EventIDs. */
    private static final Map<String, Integer> EVENT_IDS = Map.ofEntries(
            Map.entry("CREATE_PROCESS", 1), Map.entry("FILE_TIME", 2), Map.entry("NETWORK_CONNECT", 3),
            Map.entry("SERVICE_STATE_CHANGE", 4), Map.entry("PROCESS_TERMINATE", 5), Map.entry("DRIVER_LOAD", 6),
            Map.entry("IMAGE_LOAD", 7), Map.entry("CREATE_REMOTE_THREAD", 8), Map.entry("RAWACCESS_READ", 9),
            Map.entry("ACCESS_PROCESS", 10), Map.entry("FILE_CREATE", 11), Map.entry("REG_KEY", 12),
            Map.entry("REG_SETVALUE", 13), Map.entry("REG_NAME", 14), Map.entry("FILE_CREATE_STREAM_HASH", 15),
            Map.entry("SERVICE_CONFIGURATION_CHANGE", 16), Map.entry("CREATE_NAMEDPIPE", 17),
            Map.entry("CONNECT_NAMEDPIPE", 18), Map.entry("WMI_FILTER", 19), Map.entry("WMI_CONSUMER", 20),
            Map.entry("WMI_BINDING", 21), Map.entry("DNS_QUERY", 22), Map.entry("FILE_DELETE", 23),
            Map.entry("CLIPBOARD", 24), Map.entry("PROCESS_IMAGE_TAMPERING", 25),
            Map.entry("FILE_DELETE_DETECTED", 26), Map.entry("FILE_BLOCK_EXECUTABLE", 27),
            Map.entry("FILE_BLOCK_SHREDDING", 28), Map.entry("ERROR", 255));

    @Override
    public Format format() {
        return Format.SYSMON_TEXT;
    }

    /** True when the head holds a sysmonLogView event: its {@code Event SYSMONEVENT_…} line and a field under it. */
    public static boolean looksLike(byte[] head) {
        if (head == null) {
            return false;
        }
        String s = new String(head, StandardCharsets.UTF_8);
        int at = s.startsWith(EVENT_PREFIX) ? 0 : s.indexOf("\n" + EVENT_PREFIX);
        if (at < 0) {
            return false;
        }
        int eol = s.indexOf('\n', at + 1);
        return eol > 0 && eol + 1 < s.length() && Character.isWhitespace(s.charAt(eol + 1))
                && s.indexOf(": ", eol) > eol;
    }

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        ImportTally tally = new ImportTally(Format.SYSMON_TEXT, source.sourceId(), sink);
        Reader reader = new Reader(tally, source.hostOfUnnamedRecords());
        LineImport.readAll(source.path(), tally, MAX_LINE_BYTES, reader::line, reader::end);
        return tally.stats();
    }

    /** Gathers one event's lines, then maps it. */
    private static final class Reader {
        private final ImportTally tally;
        private String name;
        private Map<String, String> fields;
        private String lastField;
        private long line;
        private long offset;
        private final StringBuilder raw = new StringBuilder();

        /** The file's host: the text names none (sysmonLogView prints no Computer). */
        private final String host;

        Reader(ImportTally tally, String host) {
            this.tally = tally;
            this.host = host;
        }

        void line(LineSource.Line l) {
            String text = l.text();
            if (l.overLong()) {
                tally.quarantine(l.number(), l.byteOffset(), "line of " + l.lengthBytes() + " bytes is longer than the "
                        + MAX_LINE_BYTES + "-byte limit", text);
                return;
            }
            if (text.startsWith(EVENT_PREFIX)) {
                finish();
                name = text.substring(EVENT_PREFIX.length()).strip();
                fields = new LinkedHashMap<>();
                lastField = null;
                line = l.number();
                offset = l.byteOffset();
                raw.setLength(0);
                raw.append(text);
                return;
            }
            if (text.isBlank()) {
                return;
            }
            if (name != null && !Character.isWhitespace(text.charAt(0)) && lastField != null
                    && lastField.endsWith("CommandLine")) {
                // sysmonLogView prints a command line as it was given: a newline in it starts an unindented line
                raw.append('\n').append(text);
                fields.put(lastField, fields.get(lastField) + "\n" + text);
                return;
            }
            if (name == null || !Character.isWhitespace(text.charAt(0))) {
                finish();
                tally.quarantine(l.number(), l.byteOffset(), "not a sysmonLogView event line (an event begins with"
                        + " 'Event SYSMONEVENT_…', its fields are indented 'Name: value' lines)", text);
                return;
            }
            raw.append('\n').append(text);
            String t = text.strip();
            int colon = t.indexOf(':');
            if (colon > 0 && isName(t, colon)) {
                if (fields.size() < MAX_FIELDS) {
                    lastField = t.substring(0, colon);
                    fields.put(lastField, t.substring(colon + 1).strip());
                }
            } else if (lastField != null) {
                // a value with a line break in it (a command line with a newline) goes on under its name
                fields.put(lastField, fields.get(lastField) + "\n" + t);
            }
        }

        private static boolean isName(String t, int colon) {
            for (int i = 0; i < colon; i++) {
                if (!Character.isLetterOrDigit(t.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private void finish() {
            if (name == null) {
                return;
            }
            int eventId = EVENT_IDS.getOrDefault(name, 0);
            SysmonRecord record = new SysmonRecord(eventId, null, host, null, fields);
            String text = raw.toString();
            name = null;
            fields = null;
            try {
                SysmonEventMapper.deliver(record, tally, new Provenance(tally.sourceId(), line, offset, null));
            } catch (RecordRejected e) {
                tally.quarantine(line, offset, e.getMessage(), text);
            } catch (RuntimeException e) {
                tally.quarantine(line, offset, "could not be mapped (" + e + ")", text);
            }
        }

        void end() {
            finish();
        }
    }
}
