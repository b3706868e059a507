package io.ransomtrace.importers.sysmon;

import io.ransomtrace.importers.edr.RecordRejected;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one {@code <Event>} element of Sysmon for Linux XML with a hardened StAX reader: DTDs are not
 * supported, external entities are not resolved, entity references are not replaced, and any DOCTYPE, entity
 * reference or nesting deeper than a Sysmon event needs rejects the record. Nothing is ever read from disk or
 * the network on behalf of the input, and an entity-expansion bomb cannot expand.
 */
public final class SysmonXmlParser {

    private static final int MAX_DEPTH = 8;
    private static final int MAX_DATA = 128;
    private static final int MAX_VALUE_CHARS = 64 * 1024;

    private final XMLInputFactory factory;

    public SysmonXmlParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
    }

    /** Parses the text of one record (an {@code <Event>} element, nothing else). */
    public SysmonRecord parse(String xml) throws RecordRejected {
        if (containsDoctype(xml)) {
            throw new RecordRejected("record carries a DOCTYPE or ENTITY declaration; DTDs are refused in Sysmon XML "
                    + "(possible XXE or entity-expansion attack)");
        }
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(xml));
            int eventId = -1;
            String recordId = null;
            String computer = null;
            String systemTime = null;
            Map<String, String> data = new LinkedHashMap<>();
            int depth = 0;
            String element = null;
            String dataName = null;
            StringBuilder text = new StringBuilder();
            boolean sawEvent = false;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> throw new RecordRejected(
                            "record carries a DOCTYPE; DTDs are refused in Sysmon XML");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new RecordRejected(
                            "record uses the entity reference &" + r.getLocalName()
                                    + "; which is refused (no entity expansion in Sysmon XML)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw new RecordRejected("XML nested deeper than a Sysmon event can be");
                        }
                        element = r.getLocalName();
                        text.setLength(0);
                        if (depth == 1) {
                            if (!element.equals("Event")) {
                                throw new RecordRejected("root element is <" + element + ">, not a Sysmon <Event>");
                            }
                            sawEvent = true;
                        }
                        if (element.equals("TimeCreated")) {
                            systemTime = r.getAttributeValue(null, "SystemTime");
                        } else if (element.equals("Data")) {
                            dataName = r.getAttributeValue(null, "Name");
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text.length() < MAX_VALUE_CHARS) {
                            text.append(r.getText(), 0, Math.min(r.getTextLength(), MAX_VALUE_CHARS - text.length()));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = r.getLocalName();
                        String value = text.toString().strip();
                        switch (name) {
                            case "EventID" -> {
                                try {
                                    eventId = Integer.parseInt(value);
                                } catch (NumberFormatException e) {
                                    throw new RecordRejected("EventID '" + value + "' is not a number");
                                }
                            }
                            case "EventRecordID" -> recordId = value.isEmpty() ? null : value;
                            case "Computer" -> computer = value.isEmpty() ? null : value;
                            case "Data" -> {
                                if (dataName != null && data.size() < MAX_DATA) {
                                    data.put(dataName, value);
                                }
                                dataName = null;
                            }
                            default -> {
                            }
                        }
                        text.setLength(0);
                        depth--;
                    }
                    default -> {
                    }
                }
            }
            if (!sawEvent) {
                throw new RecordRejected("no <Event> element");
            }
            if (eventId < 0) {
                throw new RecordRejected("Sysmon <Event> without <EventID>");
            }
            return new SysmonRecord(eventId, recordId, computer, systemTime, data);
        } catch (XMLStreamException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ");
            throw new RecordRejected("malformed XML: " + msg);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    static boolean containsDoctype(String s) {
        if (s.indexOf("<!") < 0) {
            return false;
        }
        return indexOfIgnoreCase(s, "<!DOCTYPE") >= 0 || indexOfIgnoreCase(s, "<!ENTITY") >= 0;
    }

    static int indexOfIgnoreCase(String s, String needle) {
        int n = needle.length();
        for (int i = 0; i + n <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }
}
