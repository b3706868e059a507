/**
 * osquery results-log importer: differential, batched and snapshot result lines of {@code process_events},
 * {@code bpf_process_events} and {@code file_events} (moves paired into renames). Entry point {@link
 * io.ransomtrace.importers.osquery.OsqueryImporter}.
 */
package io.ransomtrace.importers.osquery;
