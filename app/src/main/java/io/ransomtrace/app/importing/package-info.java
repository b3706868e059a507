/**
 * The import pipeline: {@link io.ransomtrace.app.importing.ImportPipeline#run} expands the inputs, and for each
 * file refuses duplicates (SHA-256), sniffs the format, parses on a worker thread and stores from the calling
 * thread through a bounded queue, then builds indexes.
 *
 * <p>For a window: run it on a background thread with an {@link io.ransomtrace.app.importing.ImportProgressListener}
 * (called on that thread a few times a second with {@link io.ransomtrace.app.importing.ImportProgress}: percent
 * of bytes, events/s, errors, phase) and a {@link io.ransomtrace.app.importing.Cancellation} for the Cancel
 * button; the {@link io.ransomtrace.app.importing.ImportSummary} says what became of every file. The case
 * navigator then reads {@code CaseQueries.sources()} and {@code CaseQueries.importErrors(...)}.
 *
 * <p>{@link io.ransomtrace.app.importing.ImporterCatalog} is the seam to the importers module
 * ({@link io.ransomtrace.app.importing.BuiltInImporters}); tests plug in their own.
 */
package io.ransomtrace.app.importing;
