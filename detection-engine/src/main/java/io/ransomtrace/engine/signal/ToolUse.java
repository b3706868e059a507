package io.ransomtrace.engine.signal;

import java.util.List;

/**
 * What a command line does with a known encryption, archiving or destruction tool.
 *
 * @param tool      the tool's name (openssl, gpg, shred...)
 * @param action    whether it encrypts, archives, destroys data, deletes files, or none of these (decrypts,
 *                  hashes, lists keys...)
 * @param label     the command as an analyst would name it, e.g. "openssl enc -e" or "gpg --symmetric"
 * @param recursive true when a recursive or multi-file flag was given (ccrypt -r, 7z -r, gpg --multifile)
 * @param targets   files it was told to work on (for an archiver: what goes into the archive, files or
 *                  directories), resolved against the working directory; empty for a tool that reads its input
 *                  from stdin (openssl enc without -in, gpg without a file, the encrypting end of
 *                  {@code tar c … | gpg -c})
 * @param output    the file it writes when its command line names one (openssl -out, gpg -o, an archive),
 *                  {@value #STDOUT} for a stream to stdout, null when unknown
 * @param archive   true for archivers (7z, zip, rar, gpgtar, tar): they read whole files or trees into one
 *                  output, so a later deletion of a target is a deletion of an archived original
 */
public record ToolUse(String tool, Action action, String label, boolean recursive, List<String> targets, String output,
                      boolean archive) {

    /** The output operand meaning standard output. */
    public static final String STDOUT = "-";

    /**
     * ENCRYPT and DESTROY are signals; ARCHIVE (tar c: files into one archive, not encrypted) matters only when
     * the archive is encrypted afterwards; DELETE (rm, unlink) only pairs with an earlier encrypting command.
     */
    public enum Action { ENCRYPT, ARCHIVE, DESTROY, DELETE, OTHER }

    public ToolUse {
        targets = List.copyOf(targets);
    }

    public ToolUse(String tool, Action action, String label, boolean recursive, List<String> targets) {
        this(tool, action, label, recursive, targets, null, false);
    }

    /** An encrypting run that names no input file: it encrypts what a pipe gives it. */
    public boolean encryptsStdin() {
        return action == Action.ENCRYPT && targets.isEmpty() && !archive;
    }

    public boolean encrypts() {
        return action == Action.ENCRYPT;
    }

    public boolean destroys() {
        return action == Action.DESTROY;
    }
}
