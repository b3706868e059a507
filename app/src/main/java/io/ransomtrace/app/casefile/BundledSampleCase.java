package io.ransomtrace.app.casefile;

import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImporterCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The mixed-workday sample the workbench opens on first start: its logs ship as class path resources
 * ({@code sample-cases/mixed-workday/...}, from the sample-cases jar); they are copied out to a temporary folder
 * so the import pipeline can read them as files, then imported into a case in the user's data folder.
 */
public final class BundledSampleCase {
    public static final String NAME = "mixed-workday";
    private static final String RESOURCE = "sample-cases/" + NAME;

    private BundledSampleCase() {
    }

    /** {@code ~/.local/share/ransomtrace/cases} (or {@code $XDG_DATA_HOME/ransomtrace/cases}). */
    public static Path casesFolder() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("ransomtrace").resolve("cases");
    }

    public static Path defaultCase() {
        return casesFolder().resolve(NAME + ".rtcase");
    }

    /** Whether the sample's logs are on the class path at all. */
    public static boolean bundled() {
        return BundledSampleCase.class.getClassLoader().getResource(RESOURCE) != null;
    }

    /** Where the sample's logs are kept next to its case, so the inspector can show their raw lines later. */
    public static Path logsFolder() {
        return casesFolder().resolve(NAME + "-logs");
    }

    /**
     * First start: copies the sample's logs to {@code logsFolder} ({@link #logsFolder()}: the inspector reads raw
     * lines from them later) and imports them into a new case at {@code target}, which appears only once complete.
     */
    public static CaseSession importInto(Path target, Path logsFolder, ImportProgressListener listener,
                                         Cancellation cancellation) throws IOException {
        Path logs = extractLogs(logsFolder);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.deleteIfExists(partial);
        try (CaseSession s = CaseSession.create(partial)) {
            s.importLogs(List.of(logs), ImporterCatalog.builtIn(), ImportOptions.defaults(), listener, cancellation);
        }
        Files.move(partial, target);
        return CaseSession.open(target);
    }

    /** Copies the sample's log files into a new temporary folder and returns it. */
    public static Path extractLogs() throws IOException {
        return extractLogs(Files.createTempDirectory("ransomtrace-sample-"));
    }

    /**
     * Copies the sample's log files into {@code target} (created if needed) and returns it. Ground truth and
     * documentation (yaml, md, txt) stay behind: they are not telemetry.
     */
    public static Path extractLogs(Path target) throws IOException {
        URL url = BundledSampleCase.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IOException("The bundled sample case " + NAME + " is not on the class path.");
        }
        Files.createDirectories(target);
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean close = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    close = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    copyLogs(fs.getPath("/" + RESOURCE), target);
                } finally {
                    if (close) {
                        fs.close();
                    }
                }
            } else {
                copyLogs(Path.of(uri), target);
            }
        } catch (URISyntaxException e) {
            throw new IOException("Cannot read the bundled sample case: " + e.getMessage(), e);
        }
        return target;
    }

    private static void copyLogs(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(from)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".md") || lower.endsWith(".txt")) {
                continue;
            }
            try (InputStream in = Files.newInputStream(f)) {
                Files.copy(in, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
