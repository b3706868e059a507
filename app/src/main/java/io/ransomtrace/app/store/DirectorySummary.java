package io.ransomtrace.app.store;

import java.time.Instant;

/**
 * What happened in one directory (a cell of the note spread map): successful operations on files directly in
 * it, counted by kind, and how many distinct files they touched.
 */
public record DirectorySummary(String directory, long files, long creates, long writes, long renames,
                               long deletes, long operations, Instant first, Instant last) {
}
