package io.ransomtrace.engine.recovery;

import java.util.List;

/**
 * One encrypting command read from its arguments: which tool, which cipher, where its key came from, which
 * files it encrypted into which, and how to undo it. Each tool is its own class because each names its
 * files and takes its key its own way.
 */
public sealed interface Recipe permits OpensslEncRecipe, GpgRecipe, ArchiveRecipe, CcryptRecipe, KeyPairRecipe,
        AgeRecipe {

    /** Where one original went: the encrypted file, and the name inside it for archives (else null). */
    record Target(String encryptedPath, String member) {
    }

    /** The command in the log. */
    LoggedCommand command();

    /** The tool as an analyst names it ({@code openssl enc}, {@code gpg --symmetric}, {@code 7z a}). */
    String tool();

    /** The cipher in words ({@code aes-256-cbc}, {@code AES-256 (7z)}), never null. */
    String cipher();

    KeySource key();

    /**
     * Where this command put {@code original}, or null when it did not encrypt that file.
     *
     * @param newName what the log says the original became (its rename target or the copy written beside it),
     *                or null
     */
    Target target(String original, String newName);

    /** True when the arguments name {@code original} itself (not only a directory above it). */
    default boolean names(String original) {
        return namedInputs().contains(original);
    }

    /**
     * The files the arguments name as inputs, resolved against the working directory (an archiver's operand may
     * still hold a wildcard: a file of that very name, or a pattern the archiver expanded itself).
     */
    List<String> namedInputs();

    /** The one file the command wrote, when it names it (or the shell's redirection shows it), else null. */
    default String output() {
        return null;
    }

    /** True when a directory operand makes the command take every file below it (ccrypt -r, 7z, zip -r). */
    default boolean takesDirectories() {
        return false;
    }

    /**
     * True for an archiver that leaves its inputs where they were (no -sdel, no -m). A per-file tool's copy
     * beside the original is no archive: false, so the original's fate is read from the log.
     */
    default boolean keepsOriginals() {
        return false;
    }

    /** The command that gives the original back; only called when {@link KeySource#known()}. */
    DecryptCommand decrypt(Target target);
}
