package io.ransomtrace.engine.signal;

import java.util.List;

/**
 * What a command line does with a known encryption or destruction tool.
 *
 * @param tool      the tool's name (openssl, gpg, shred...)
 * @param action    whether it encrypts, destroys data, deletes files, or none of these (decrypts, hashes, lists keys...)
 * @param label     the command as an analyst would name it, e.g. "openssl enc -e" or "gpg --symmetric"
 * @param recursive true when a recursive or multi-file flag was given (ccrypt -r, 7z -r, gpg --multifile)
 * @param targets   files it was told to work on, resolved against the working directory
 */
public record ToolUse(String tool, Action action, String label, boolean recursive, List<String> targets) {

    /** ENCRYPT and DESTROY are signals; DELETE (rm, unlink) only pairs with an earlier encrypting command. */
    public enum Action { ENCRYPT, DESTROY, DELETE, OTHER }

    public ToolUse {
        targets = List.copyOf(targets);
    }

    public boolean encrypts() {
        return action == Action.ENCRYPT;
    }

    public boolean destroys() {
        return action == Action.DESTROY;
    }
}
