/**
 * Sysmon for Linux importer: XML {@code <Event>} records one per line, pretty-printed or behind a syslog header,
 * parsed by a hardened StAX reader (no DTD, no external entities, no entity expansion). Entry point {@link
 * io.ransomtrace.importers.sysmon.SysmonImporter}; event mapping in {@link
 * io.ransomtrace.importers.sysmon.SysmonEventMapper}.
 */
package io.ransomtrace.importers.sysmon;
