package io.ransomtrace.views.recovery;

import java.util.List;

/**
 * What the Recovery section shows for one finding: the plan's sentence, the files per method, the keys the log
 * shows and what to seize.
 *
 * @param summary  the plan in a sentence ("287 of 303 files can be decrypted with the key seen in the audit log;
 *                 16 must come from backup.")
 * @param methods  files per method, decrypt first
 * @param keys     the key evidence
 * @param seize    what to take from the host to get a key the log does not show, in words
 */
public record RecoveryView(String summary, List<MethodCount> methods, List<KeyLine> keys, List<String> seize) {

    public RecoveryView {
        methods = List.copyOf(methods);
        keys = List.copyOf(keys);
        seize = List.copyOf(seize);
    }

    /** Files per method ({@code decrypt}, {@code intact}, {@code undelete-possible}, {@code restore-from-backup}). */
    public record MethodCount(String method, int files, String meaning) {
    }

    /**
     * One key the campaign used.
     *
     * @param tool      the tool as an analyst names it ({@code openssl enc})
     * @param cipher    the cipher in words
     * @param masked    the key as shown until the analyst asks to see it (kind, length, fingerprint)
     * @param secret    the key itself when the log shows it (revealed on request, copied to the clipboard), or null
     * @param how       the argument it came from ({@code -pass pass:}, {@code echo | openssl (-pass stdin)})
     * @param eventId   the event that shows it
     * @param files     originals it locked
     * @param decrypts  of those, the ones the plan decrypts
     */
    public record KeyLine(String tool, String cipher, String masked, String secret, String how, long eventId, int files,
                          int decrypts) {
    }
}
