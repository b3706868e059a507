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

/**
 * Imports Sysmon for Linux XML events: one {@code <Event>} per line, pretty-printed over several lines, or
 * behind a syslog header as rsyslog writes them to {@code /var/log/syslog}
 * ({@code Nov 24 08:30:01 host sysmon: <Event>...</Event>}).
 *
 * <p>Records are cut out of the line stream by their {@code <Event>} / {@code </Event>} tags before any XML
 * parsing, so a syslog header is simply left behind, a broken event never derails the next one, and each
 * record is parsed on its own by the hardened {@link SysmonXmlParser}. XML markup lines outside an event
 * ({@code <?xml ...?>}, a DOCTYPE and its internal subset) are attached to the next event, so an event behind
 * a DOCTYPE is quarantined with it. Other lines outside any event (other programs' syslog lines) are
 * quarantined as "not a Sysmon event", so nothing in the file goes unaccounted.
 */
public final class SysmonImporter implements Importer {

    public static final int MAX_LINE_BYTES = 1 << 20;
    /** Largest single event kept; a bigger one is quarantined with its beginning. */
    public static final int MAX_RECORD_CHARS = 256 * 1024;
    private static final int MAX_PROLOG_CHARS = 16 * 1024;

    @Override
    public Format format() {
        return Format.SYSMON_XML;
    }

    /** True when the head holds a Sysmon event: an {@code <Event>} element with EventID and EventData. */
    public static boolean looksLike(byte[] head) {
        if (head == null) {
            return false;
        }
        String s = new String(head, StandardCharsets.UTF_8);
        return findEventStart(s, 0) >= 0 && s.contains("<EventID>")
                && (s.contains("Linux-Sysmon") || s.contains("<EventData>") || s.contains("<Data Name="));
    }

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        ImportTally tally = new ImportTally(Format.SYSMON_XML, source.sourceId(), sink);
        Reader reader = new Reader(tally);
        LineImport.readAll(source.path(), tally, MAX_LINE_BYTES, reader::line, reader::end);
        return tally.stats();
    }

    /** Position of an {@code <Event>} start tag (not {@code <EventID>}, {@code <EventData>}, {@code <Events>}). */
    static int findEventStart(String s, int from) {
        int i = from;
        while ((i = s.indexOf("<Event", i)) >= 0) {
            int after = i + 6;
            if (after >= s.length()) {
                return i;
            }
            char c = s.charAt(after);
            if (c == '>' || c == ' ' || c == '\t' || c == '/') {
                return i;
            }
            i = after;
        }
        return -1;
    }

    /** Cuts records out of the line stream and hands each to the parser and mapper. */
    private static final class Reader {
        private static final String END_TAG = "</Event>";

        private final ImportTally tally;
        private final SysmonXmlParser parser = new SysmonXmlParser();
        private StringBuilder record;
        private long recordLine;
        private long recordOffset;
        private boolean discarding;
        private final StringBuilder prolog = new StringBuilder();
        private long prologLine;
        private long prologOffset;

        Reader(ImportTally tally) {
            this.tally = tally;
        }

        void line(LineSource.Line line) {
            if (line.overLong()) {
                if (record != null) {
                    tooLarge("event contains a line of " + line.lengthBytes() + " bytes, over the "
                            + MAX_LINE_BYTES + "-byte limit");
                } else {
                    tally.quarantine(line.number(), line.byteOffset(), "line of " + line.lengthBytes()
                            + " bytes is longer than the " + MAX_LINE_BYTES + "-byte limit", line.text());
                }
                return;
            }
            String text = line.text();
            int idx = 0;
            int begunAt = -1; // where the current record's <Event> tag sits on this line, if it starts here
            while (idx < text.length()) {
                if (record != null || discarding) {
                    int end = text.indexOf(END_TAG, idx);
                    int nextStart = findEventStart(text, idx == begunAt ? idx + 1 : idx);
                    if (nextStart >= 0 && (end < 0 || nextStart < end)) {
                        if (!discarding) {
                            appendToRecord(text.substring(idx, nextStart));
                            quarantineRecord("event not closed with </Event> before the next <Event> began");
                        }
                        discarding = false;
                        begin(line, text, nextStart);
                        idx = nextStart;
                        begunAt = nextStart;
                        continue;
                    }
                    if (end < 0) {
                        if (!discarding) {
                            appendToRecord(text.substring(idx));
                            appendToRecord("\n");
                        }
                        return;
                    }
                    int close = end + END_TAG.length();
                    if (discarding) {
                        discarding = false;
                    } else {
                        appendToRecord(text.substring(idx, close));
                        if (record != null) {
                            finish();
                        }
                    }
                    idx = close;
                } else {
                    int start = findEventStart(text, idx);
                    if (start >= 0) {
                        begin(line, text, start);
                        idx = start;
                        begunAt = start;
                        continue;
                    }
                    outside(line, text.substring(idx), idx == 0);
                    return;
                }
            }
        }

        private void begin(LineSource.Line line, String text, int start) {
            record = new StringBuilder(Math.min(4096, text.length() - start + 16));
            recordLine = line.number();
            recordOffset = line.byteOffset();
            if (!prolog.isEmpty()) {
                record.append(prolog);
                recordLine = prologLine;
                recordOffset = prologOffset;
                prolog.setLength(0);
            }
            // A syslog header before <Event> is dropped, but markup declared on the same line stays with the
            // record so that a one-line XXE payload is refused for its DOCTYPE.
            String before = text.substring(0, start);
            int markup = SysmonXmlParser.indexOfIgnoreCase(before, "<!");
            if (markup >= 0 && SysmonXmlParser.containsDoctype(before)) {
                record.append(before, markup, before.length());
            }
        }

        private void appendToRecord(String s) {
            if (record == null) {
                return;
            }
            if (record.length() + s.length() > MAX_RECORD_CHARS) {
                record.append(s, 0, Math.max(0, Math.min(s.length(), MAX_RECORD_CHARS - record.length())));
                tooLarge("event is larger than the " + MAX_RECORD_CHARS + "-character limit");
                return;
            }
            record.append(s);
        }

        private void tooLarge(String reason) {
            quarantineRecord(reason);
            discarding = true;
        }

        /** Text outside any event: XML prolog is kept for the next event, blank and wrapper lines skipped. */
        private void outside(LineSource.Line line, String rest, boolean wholeLine) {
            String t = rest.strip();
            if (t.isEmpty() || t.equals("<Events>") || t.equals("</Events>")) {
                return;
            }
            boolean markup = t.startsWith("<?") || t.startsWith("<!") || t.startsWith("]") || !prolog.isEmpty()
                    && SysmonXmlParser.containsDoctype(prolog.toString()) && !t.contains("</Event>");
            if (markup && wholeLine) {
                if (prolog.isEmpty()) {
                    prologLine = line.number();
                    prologOffset = line.byteOffset();
                }
                if (prolog.length() < MAX_PROLOG_CHARS) {
                    prolog.append(t, 0, Math.min(t.length(), MAX_PROLOG_CHARS - prolog.length())).append('\n');
                }
                return;
            }
            tally.quarantine(line.number(), line.byteOffset(), wholeLine
                    ? "not a Sysmon event (line outside any <Event> element)"
                    : "text after </Event> on the same line", rest);
        }

        private void quarantineRecord(String reason) {
            tally.quarantine(recordLine, recordOffset, reason, record == null ? null : record.toString());
            record = null;
        }

        private void finish() {
            String xml = record.toString();
            record = null;
            try {
                SysmonRecord parsed = parser.parse(xml);
                SysmonEventMapper.deliver(parsed, tally,
                        new Provenance(tally.sourceId(), recordLine, recordOffset, parsed.recordId()));
            } catch (RecordRejected e) {
                tally.quarantine(recordLine, recordOffset, e.getMessage(), xml);
            } catch (RuntimeException e) {
                tally.quarantine(recordLine, recordOffset, "could not be mapped (" + e + ")", xml);
            }
        }

        void end() {
            if (record != null) {
                quarantineRecord("file ends inside an event (no </Event>)");
            }
            discarding = false;
            if (!prolog.isEmpty() && SysmonXmlParser.containsDoctype(prolog.toString())) {
                tally.quarantine(prologLine, prologOffset, "DOCTYPE declaration with no event after it; DTDs are "
                        + "refused in Sysmon XML", prolog.toString());
            }
            prolog.setLength(0);
        }
    }
}
