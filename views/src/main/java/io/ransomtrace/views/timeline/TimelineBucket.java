package io.ransomtrace.views.timeline;

import java.time.Instant;

/**
 * File operations counted in one time bucket [start, end), per kind.
 */
public record TimelineBucket(Instant start, Instant end, long write, long create, long rename, long delete,
                             long note) {

    public long count(OpKind kind) {
        return switch (kind) {
            case WRITE -> write;
            case CREATE -> create;
            case RENAME -> rename;
            case DELETE -> delete;
            case NOTE -> note;
        };
    }

    public long total() {
        return write + create + rename + delete + note;
    }

    public TimeRange range() {
        return new TimeRange(start, end);
    }
}
