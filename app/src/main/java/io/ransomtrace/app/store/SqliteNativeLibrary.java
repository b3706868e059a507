package io.ransomtrace.app.store;

import org.sqlite.SQLiteJDBCLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Where the SQLite driver's native library is loaded from. By itself the driver copies the library out of its
 * jar into the temporary directory at every start (and asks {@code uname} about the system): a few hundred
 * milliseconds before every command and every first case opened. Here it is copied once per driver version into
 * the user's cache ({@code $XDG_CACHE_HOME/ransomtrace/sqlite-VERSION/}, else {@code ~/.cache/...}) and loaded
 * from there. On anything but Linux x86-64/aarch64, or when the cache cannot be written, the driver does as it
 * always did.
 */
final class SqliteNativeLibrary {
    private static final String NAME = "libsqlitejdbc.so";

    private SqliteNativeLibrary() {
    }

    /** Sets the driver's library path, copying the library there first when needed. Never fails. */
    static void useCachedCopy() {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // somebody chose already
        }
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (arch == null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return;
        }
        try {
            Path dir = cacheDir().resolve("sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + arch);
            Path lib = dir.resolve(NAME);
            if (!Files.isRegularFile(lib)) {
                String resource = "/org/sqlite/native/Linux/" + arch + "/" + NAME;
                try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return;
                    }
                    Files.createDirectories(dir);
                    // another process may do the same at the same time: copy aside, then move into place
                    Path part = Files.createTempFile(dir, NAME, ".part");
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", NAME);
        } catch (IOException | RuntimeException e) {
            // the driver's own extraction to the temporary directory still works
        }
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ransomtrace");
    }
}
