package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.FileOpKind;

import java.time.Instant;

/** How many successful file operations of one kind fell into one time bucket (a timeline column). */
public record FileOpBucket(Instant bucketStart, FileOpKind kind, long count) {
}
