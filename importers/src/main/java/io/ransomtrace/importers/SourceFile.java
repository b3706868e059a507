package io.ransomtrace.importers;

import java.nio.file.Path;

/**
 * One input to import.
 *
 * @param sourceId id the case (or scan) gave this source; every event's id and provenance carry it
 * @param path     the file on disk (gzip-compressed files are read transparently)
 * @param format   the format to read it as ({@link Format#UNKNOWN}: let the {@link Sniffer} decide)
 */
public record SourceFile(int sourceId, Path path, Format format) {
}
