/**
 * Support shared by the EDR importers ({@code ecs}, {@code sysmon}, {@code osquery}, {@code csv}): bounded line
 * reading with line numbers and byte offsets, opening (gzip) sources, counting records so that the
 * {@link io.ransomtrace.importers.ImportStats} invariant holds, and lenient parsing of the numbers, times and
 * command lines exporters write. Kept apart from the auditd importer's own reading on purpose; the two may be
 * unified later.
 */
package io.ransomtrace.importers.edr;
