package io.ransomtrace.engine.recovery;

/**
 * One key the campaign used, with the files it locked: the key evidence a recovery section shows.
 *
 * @param tool     the tool as an analyst names it
 * @param cipher   the cipher in words
 * @param key      where the key came from (the secret itself only when the log shows it)
 * @param files    originals this key locked
 * @param decrypts of those, the ones the plan decrypts
 */
public record KeyUse(String tool, String cipher, KeySource key, int files, int decrypts) {
}
