package io.ransomtrace.app.report;

import java.time.Instant;

/**
 * One original file a campaign touched, as a restore job needs it.
 *
 * @param path      the original path
 * @param host      the host it lives on
 * @param operation what happened to it: {@code overwritten}, {@code renamed}, {@code deleted}, or several joined
 *                  by {@code +} in the order they happened
 * @param time      the first time the campaign changed it
 * @param overwrite the finding's overwrite kind ({@code in-place}, {@code new-file-then-delete}, ...)
 * @param newName   what it became (rename target, or the encrypted copy written beside it), or null
 * @param findingId the finding it belongs to
 */
public record AffectedFile(String path, String host, String operation, Instant time, String overwrite, String newName,
                           String findingId) {
}
