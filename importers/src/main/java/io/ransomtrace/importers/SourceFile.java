package io.ransomtrace.importers;

import java.nio.file.Path;

/**
 * One input to import.
 *
 * @param sourceId id the case (or scan) gave this source; every event's id and provenance carry it
 * @param path     the file on disk (gzip-compressed files are read transparently)
 * @param format   the format to read it as ({@link Format#UNKNOWN}: let the {@link Sniffer} decide)
 * @param unnamedHost the host its records are on when they name none (an audit.log without {@code node=}, auditd's
 *                    default), or null for "unknown" ({@link InputExpander#hostsOfUnnamedLogs})
 */
public record SourceFile(int sourceId, Path path, Format format, String unnamedHost) {

    /** A source whose records name their host, or that is read alone: a log without one is host "unknown". */
    public SourceFile(int sourceId, Path path, Format format) {
        this(sourceId, path, format, null);
    }

    /** The host of records that name none when the run gives the file no name of its own. */
    public static final String UNKNOWN_HOST = "unknown";

    /** The host of this file's records that name none: the run's name for the file, else {@link #UNKNOWN_HOST}. */
    public String hostOfUnnamedRecords() {
        return unnamedHost != null ? unnamedHost : UNKNOWN_HOST;
    }
}
