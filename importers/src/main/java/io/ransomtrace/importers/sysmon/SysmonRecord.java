package io.ransomtrace.importers.sysmon;

import java.util.Map;

/**
 * One Sysmon for Linux event as its XML (or a winlog JSON rendering of it) carries it.
 *
 * @param eventId    the System EventID (1 process create, 5 terminate, 11 file create, 23/26 file delete, ...)
 * @param recordId   the System EventRecordID, or null
 * @param computer   the System Computer (host name), or null
 * @param systemTime the System TimeCreated/@SystemTime, or null
 * @param data       the EventData {@code <Data Name="...">} pairs
 */
public record SysmonRecord(int eventId, String recordId, String computer, String systemTime, Map<String, String> data) {

    public SysmonRecord {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public String get(String name) {
        return data.get(name);
    }
}
