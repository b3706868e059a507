package io.ransomtrace.engine.model;

import java.time.Instant;

/**
 * One thing that happened on a host, as every importer reports it. The detector, the case store and the
 * views all speak this vocabulary, whatever format the telemetry came in.
 *
 * <p>{@link #id()} identifies the event within a case: it is derived from where the event came from
 * ({@link EventId#of(int, long)} on the source id and the event's ordinal in that source), so re-importing or
 * re-scanning the same file gives the same ids and findings can cite evidence stably.
 */
public sealed interface Event permits ProcessExec, ProcessExit, FileOp, OtherRecord {

    long id();

    Instant time();

    String host();

    /** The process that did it (for {@link ProcessExec}: the process after the exec). */
    Actor actor();

    Provenance provenance();

    default int pid() {
        return actor().pid();
    }
}
