package io.ransomtrace.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * What may be read as a log: only regular files. A FIFO or a device opens and then blocks or never ends
 * ({@code /dev/zero}), and the kernel's pseudo file systems ({@code /proc}, {@code /sys}) report sizes that are not
 * their content; all of them are refused with a message before they are opened, so no import or scan can hang on
 * one. Also reads a file's bounded head for sniffing: bytes, not lines, so neither a line without end nor a gzip
 * bomb costs more than the head.
 */
public final class InputFileCheck {

    /** Kernel and virtual file systems whose files are not logs (names as /proc/mounts gives them). */
    private static final Set<String> PSEUDO_FILE_SYSTEMS = Set.of("proc", "sysfs", "debugfs", "tracefs",
            "securityfs", "configfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "efivarfs", "bpf", "pstore",
            "fusectl", "mqueue", "hugetlbfs", "binfmt_misc", "autofs", "rpc_pipefs", "nsfs");

    private InputFileCheck() {
    }

    /** Null when the path is a regular file that can be read as a log; otherwise why not. */
    public static String problem(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class); // follows links: /dev/stdin is a link
        } catch (java.nio.file.NoSuchFileException e) {
            return "no such file";
        } catch (IOException | SecurityException e) {
            return "cannot read: " + e.getMessage();
        }
        if (a.isDirectory()) {
            return "is a folder";
        }
        if (!a.isRegularFile()) {
            return "is not a regular file (a FIFO, device or socket): only log files are read, they cannot block "
                    + "or never end";
        }
        try {
            FileStore store = Files.getFileStore(file);
            if (PSEUDO_FILE_SYSTEMS.contains(store.type().toLowerCase(Locale.ROOT))) {
                return "is a kernel pseudo-file (" + store.type() + "), not a log";
            }
        } catch (IOException | SecurityException e) {
            // the file store cannot be told: the file is regular, read it
        }
        if (!Files.isReadable(file)) {
            return "cannot read the file (no permission)";
        }
        return null;
    }

    /** Throws when {@link #problem} names one. */
    public static void require(Path file) throws IOException {
        String problem = problem(file);
        if (problem != null) {
            throw new IOException(file + " " + problem);
        }
    }

    /**
     * Up to {@code max} bytes from the start of a file's content (decompressed when it starts with the gzip magic).
     * Damaged compressed data ends the head early instead of failing: what was read is returned.
     */
    public static byte[] head(Path file, int max) throws IOException {
        require(file);
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 8192)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = raw;
            if (gzip) {
                try {
                    in = new GZIPInputStream(raw, 8192);
                } catch (IOException damagedHeader) {
                    return new byte[0];
                }
            }
            byte[] buf = new byte[max];
            int n = 0;
            try {
                int r;
                while (n < max && (r = in.read(buf, n, max - n)) > 0) {
                    n += r;
                }
            } catch (IOException damaged) {
                // keep what was decompressed before the damage
            }
            return java.util.Arrays.copyOf(buf, n);
        }
    }

    /**
     * For a folder that gave no file to read: what it holds instead, in words ("only 3 subfolders: a, b, c ..."),
     * or null when it does hold files.
     */
    public static String emptyFolder(Path dir) {
        List<String> subfolders = new ArrayList<>();
        int hidden = 0;
        int other = 0;
        int files = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    hidden++;
                } else if (Files.isDirectory(p)) {
                    subfolders.add(name);
                } else if (Files.isRegularFile(p)) {
                    files++;
                } else {
                    other++;
                }
            }
        } catch (IOException | RuntimeException e) {
            return "the folder cannot be listed: " + e.getMessage();
        }
        if (files > 0) {
            return null;
        }
        if (!subfolders.isEmpty()) {
            subfolders.sort(null);
            String names = String.join(", ", subfolders.subList(0, Math.min(5, subfolders.size())))
                    + (subfolders.size() > 5 ? ", …" : "");
            return "the folder holds no files, only " + subfolders.size() + " subfolder"
                    + (subfolders.size() == 1 ? "" : "s") + " (" + names + "); subfolders are not read: name them";
        }
        if (hidden > 0 || other > 0) {
            return "the folder holds no log files (" + (hidden > 0 ? hidden + " hidden" : "")
                    + (hidden > 0 && other > 0 ? ", " : "") + (other > 0 ? other + " FIFO, device or socket" : "")
                    + " entr" + (hidden + other == 1 ? "y" : "ies") + ", not read)";
        }
        return "the folder is empty";
    }
}
