package io.ransomtrace.engine.recovery;

import java.util.List;

/**
 * A recipe whose originals went into an archive as members (7z, zip, a tar stream): which inputs the command
 * named, and under which member name each original is stored in {@link #archive()}.
 */
sealed interface ArchiveRecipe extends Recipe permits SevenZipRecipe, ZipRecipe, TarStreamRecipe {

    /** The archive the originals are stored in. */
    String archive();

    /** The command's operands, each with the member name it is stored under. */
    List<ArchiveInput> inputs();

    /** Whether a named directory brings everything below it into the archive. */
    boolean recursive();

    /** Whether members are stored under their file names only ({@code zip -j}). */
    default boolean junkPaths() {
        return false;
    }

    @Override
    default Target target(String original, String newName) {
        for (ArchiveInput in : inputs()) {
            String member = in.memberOf(original, recursive(), junkPaths());
            if (member != null) {
                return new Target(archive(), member);
            }
        }
        return null;
    }

    @Override
    default List<String> namedInputs() {
        return inputs().stream().map(ArchiveInput::path).toList();
    }

    @Override
    default boolean takesDirectories() {
        return recursive();
    }
}
