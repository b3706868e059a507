package io.ransomtrace.app.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;

/**
 * Every file Ransomtrace writes on request (a report, scan JSON, a repaired case) goes through here, because a
 * mistyped or hostile output path must never destroy evidence:
 * <ul>
 *   <li>never over an input of the same run (the case being read, a log being scanned);</li>
 *   <li>never over anything but a regular file (a device node, a FIFO, a folder), and never through a symbolic
 *       link (it could point anywhere, e.g. at the case);</li>
 *   <li>over an existing regular file only when asked ({@code --force}; the window's file chooser asks);</li>
 *   <li>only into a folder that exists: none is made on the analyst's behalf;</li>
 *   <li>written to a temporary file in the same folder and renamed into place when complete, so a failed or
 *       cancelled write never leaves half a file, and the target is replaced, never written through.</li>
 * </ul>
 */
public final class OutputFile {

    /** Why an output path was refused; the message says what to do instead. */
    public static final class RefusedException extends IOException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** Writes the whole content to a stream; the stream is the temporary file's. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the whole content to a path; the path is the temporary file's (for writers that open files themselves). */
    @FunctionalInterface
    public interface PathContent {
        void writeTo(Path file) throws IOException;
    }

    private final Path target;
    private final boolean replace;
    private final List<Path> inputs;

    private OutputFile(Path target, boolean replace, List<Path> inputs) {
        this.target = target;
        this.replace = replace;
        this.inputs = inputs;
    }

    /**
     * Checks a target before any work starts (so a long export is not run for nothing).
     *
     * @param replace allow replacing an existing regular file ({@code --force})
     * @param inputs  files read by this run: the target may be none of them, even with {@code replace}
     */
    public static OutputFile check(Path target, boolean replace, Collection<Path> inputs) throws IOException {
        OutputFile out = new OutputFile(target.toAbsolutePath().normalize(), replace, List.copyOf(inputs));
        out.refuseIfUnsafe();
        return out;
    }

    public Path path() {
        return target;
    }

    /** Writes the content to a temporary file beside the target and renames it into place. */
    public void write(Content content) throws IOException {
        writeFile(tmp -> {
            try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(os);
            }
        });
    }

    /** As {@link #write(Content)}, for content written by path (a database the writer creates itself). */
    public void writeFile(PathContent content) throws IOException {
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toUnsignedString(System.nanoTime(), 36) + ".part");
        try {
            content.writeTo(tmp);
            refuseIfUnsafe(); // again: the target may have changed while the content was made
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void refuseIfUnsafe() throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException absent) {
            a = null;
        }
        for (Path input : inputs) {
            if (sameFile(input, target)) {
                throw new RefusedException("refusing to write to " + target + ": it is an input of this run ("
                        + input + "); choose another output file");
            }
        }
        if (a == null) {
            Path parent = target.getParent();
            if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new RefusedException("refusing to write to " + target + ": " + parent + " is not a folder");
            }
            // A folder is never made on the analyst's behalf: a typo in the path would scatter outputs unnoticed.
            if (parent != null && !Files.exists(parent)) {
                throw new RefusedException("the folder " + parent + " does not exist; create it first or choose "
                        + "another output file");
            }
            return;
        }
        if (a.isSymbolicLink()) {
            throw new RefusedException("refusing to write to " + target + ": it is a symbolic link (to "
                    + readLinkQuietly(target) + "); Ransomtrace does not write through links. Name the real file.");
        }
        if (a.isDirectory()) {
            throw new RefusedException("refusing to write to " + target + ": it is a folder; name a file in it");
        }
        if (!a.isRegularFile()) {
            throw new RefusedException("refusing to write to " + target + ": it is not a regular file (a device, "
                    + "FIFO or socket)");
        }
        if (!replace) {
            throw new RefusedException(target + " already exists; add --force to replace it");
        }
    }

    private static boolean sameFile(Path input, Path target) {
        try {
            if (input.toAbsolutePath().normalize().equals(target)) {
                return true;
            }
            return Files.exists(input) && Files.exists(target) && Files.isSameFile(input, target);
        } catch (IOException e) {
            return false;
        }
    }

    private static String readLinkQuietly(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private void move(Path tmp, Path to) throws IOException {
        StandardCopyOption[] options = replace
                ? new StandardCopyOption[]{StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE}
                : new StandardCopyOption[]{StandardCopyOption.ATOMIC_MOVE};
        try {
            if (!replace && Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(to.toString());
            }
            Files.move(tmp, to, options);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, to, replace ? new StandardCopyOption[]{StandardCopyOption.REPLACE_EXISTING}
                    : new StandardCopyOption[0]);
        }
    }
}
