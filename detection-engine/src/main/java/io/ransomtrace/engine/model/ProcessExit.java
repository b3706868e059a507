package io.ransomtrace.engine.model;

import java.time.Instant;

/** A process ended (exit_group, EDR process end). {@code exitCode} is null when unknown. */
public record ProcessExit(long id, Instant time, String host, Actor actor, Integer exitCode, Provenance provenance)
        implements Event {
}
