package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.PathNames;

/**
 * One file operand of an archiver, and the name the archiver stores it under: the path as given, relative to
 * the working directory, without {@code ./} (absolute paths: without the leading slash for zip, the file name
 * alone for 7z unless {@code -spf}), or the file name alone when paths are junked ({@code zip -j}).
 *
 * @param path     the operand resolved against the working directory
 * @param member   its name inside the archive
 * @param wildcard true when the operand holds a wildcard character: either a file named so, or a pattern the
 *                 archiver expanded itself; it matches only a file of exactly that name, and is not planned
 *                 on its own
 */
record ArchiveInput(String path, String member, boolean wildcard) {

    enum Naming { ZIP, SEVEN_ZIP, SEVEN_ZIP_FULL_PATHS, BASE_NAME }

    static ArchiveInput of(String cwd, String operand, Naming naming) {
        String path = PathNames.resolve(cwd, operand);
        String member;
        if (naming == Naming.BASE_NAME || (naming == Naming.SEVEN_ZIP && operand.startsWith("/"))) {
            member = PathNames.baseName(path);
        } else if (operand.startsWith("/")) {
            member = path.substring(1);
        } else {
            member = PathNames.resolve("/", operand).substring(1);
        }
        boolean wildcard = operand.indexOf('*') >= 0 || operand.indexOf('?') >= 0;
        return new ArchiveInput(path, member, wildcard);
    }

    /**
     * The member name of {@code original} if this operand put it in the archive, else null.
     *
     * @param recursive whether a directory operand took the files below it
     */
    String memberOf(String original, boolean recursive, boolean junkPaths) {
        if (original.equals(path)) {
            return member; // a name with * or ? in it that exists as such (the shell expanded the real patterns)
        }
        if (!wildcard && recursive && original.startsWith(path.endsWith("/") ? path : path + "/")) {
            String rest = original.substring(path.length() + (path.endsWith("/") ? 0 : 1));
            if (junkPaths) {
                return PathNames.baseName(original);
            }
            return member.isEmpty() ? rest : member + "/" + rest;
        }
        return null;
    }
}
