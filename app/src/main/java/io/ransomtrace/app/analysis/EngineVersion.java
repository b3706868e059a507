package io.ransomtrace.app.analysis;

import io.ransomtrace.engine.Detector;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which detection engine this is, for deciding whether findings kept in a case still hold: a digest of the
 * engine module's contents (its classes and the shipped profile), so any change to detection gives another
 * version without anybody having to remember to bump a number. A build whose engine code did not change keeps the
 * version, and its cases are not analysed again for nothing.
 */
public final class EngineVersion {

    private static final String CURRENT = compute();

    private EngineVersion() {
    }

    /** "engine-" and 24 hex digits. */
    public static String current() {
        return CURRENT;
    }

    private static String compute() {
        try {
            Path location = Path.of(Detector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(location)) {
                digestDirectory(location, digest);
            } else {
                digestJar(location, digest);
            }
            return "engine-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            // Without knowing the engine, kept findings cannot be trusted: a version of its own each run.
            return "engine-unknown-" + UUID.randomUUID();
        }
    }

    private static void digestDirectory(Path root, MessageDigest digest) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(root.relativize(f).toString().replace('\\', '/'));
        }
        names.sort(null);
        for (String name : names) {
            if (!name.startsWith("META-INF/")) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(root.resolve(name)));
            }
        }
    }

    private static void digestJar(Path jar, MessageDigest digest) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                // the manifest and Maven's metadata say when and by whom it was built, not what it does
                if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                    names.add(entry.getName());
                }
            }
            names.sort(null);
            for (String name : names) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream(file.getJarEntry(name))) {
                    digest.update(in.readAllBytes());
                }
            }
        }
    }
}
