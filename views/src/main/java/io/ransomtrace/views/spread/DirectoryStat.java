package io.ransomtrace.views.spread;

import java.time.Instant;

/**
 * What a campaign did in one directory (not counting its subdirectories).
 *
 * @param path           absolute directory path
 * @param filesEncrypted files rewritten/encrypted directly in it
 * @param notes          ransom notes dropped directly in it
 * @param firstHit       first modifying operation in it, or null when unknown
 */
public record DirectoryStat(String path, long filesEncrypted, long notes, Instant firstHit) {
}
