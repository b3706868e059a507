package io.ransomtrace.engine.recovery;

/**
 * How one original comes back, and why.
 *
 * @param original  the original absolute path
 * @param method    how it comes back
 * @param recipe    the command that encrypted it, or null when no encrypting command in the log names it
 * @param target    where it went (encrypted file, archive member), or null
 * @param evidence  the event the claim rests on: the key's event for decrypt, the archiving command for intact,
 *                  the deletion for undelete, the overwrite (or the command whose key is missing) for backup
 * @param reason    the claim in words, with its event
 * @param seize     what to take from the host to get the key, or null
 */
public record FileRecovery(String original, RecoveryMethod method, Recipe recipe, Recipe.Target target, long evidence,
                           String reason, String seize) {

    /** The command that restores it (only for {@link RecoveryMethod#DECRYPT}), else null. */
    public DecryptCommand decryptCommand() {
        return method == RecoveryMethod.DECRYPT ? recipe.decrypt(target) : null;
    }
}
