package io.ransomtrace.app.recovery;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Writes a recovery plan into its folder: {@code decrypt.sh} (the keys in full, owner-only), {@code restore.csv}
 * and {@code summary.txt}. The folder is refused when it is a symbolic link or something other than a
 * directory, or when it already holds files and {@code force} is not given; every file is written beside its
 * final name and renamed into place, so no link is followed and no half-written plan is left behind.
 */
public final class PlanWriter {

    public static final String SCRIPT = "decrypt.sh";
    public static final String CSV = "restore.csv";
    public static final String SUMMARY = "summary.txt";

    /** A plan folder that may not be written; the message says why, in words for the analyst. */
    public static final class RefusedException extends IOException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** What was written. */
    public record Written(Path dir, int findings, int files, int decrypt) {
    }

    private PlanWriter() {
    }

    public static Written write(Path dir, String caseName, List<FindingRecovery> plans, boolean force) throws IOException {
        prepare(dir, force);
        Instant now = Instant.now();
        writeFile(dir, SCRIPT, "rwx------", w -> w.write(DecryptScript.render(caseName, plans, now)));
        writeFile(dir, CSV, "rw-------", w -> RestoreCsv.write(plans, w));
        writeFile(dir, SUMMARY, "rw-------", w -> w.write(PlanSummary.text(caseName, plans, now)));
        int files = 0;
        int decrypt = 0;
        for (FindingRecovery p : plans) {
            files += p.plan().files().size();
            decrypt += p.plan().count(io.ransomtrace.engine.recovery.RecoveryMethod.DECRYPT);
        }
        return new Written(dir, plans.size(), files, decrypt);
    }

    private static void prepare(Path dir, boolean force) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new RefusedException(dir + " is a symbolic link; give a real folder");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new RefusedException(dir + " exists and is not a folder");
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path e : entries) {
                    if (!force) {
                        throw new RefusedException(dir + " is not empty; give an empty or new folder, or --force to "
                                + "replace the plan files in it");
                    }
                    String name = e.getFileName().toString();
                    if ((name.equals(SCRIPT) || name.equals(CSV) || name.equals(SUMMARY))
                            && !Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(e)) {
                        throw new RefusedException(e + " is not a regular file; not replaced");
                    }
                }
            }
            return;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            Files.createDirectory(dir, permissions("rwx------"));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        }
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeFile(Path dir, String name, String perms, Body body) throws IOException {
        Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".part");
        try {
            try {
                Files.createFile(tmp, permissions(perms));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                body.write(w);
            }
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException e) {
            throw new RefusedException("cannot write " + dir.resolve(name) + ": " + e.getMessage());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> permissions(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }
}
