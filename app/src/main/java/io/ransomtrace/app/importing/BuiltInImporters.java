package io.ransomtrace.app.importing;

import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Importer;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The importers module's own input expansion ({@code InputExpander.expand}), format sniffing
 * ({@code Sniffer.sniff}) and per-format importers ({@code Importers.forFormat}).
 *
 * <p>SEAM: these three entry points are bound by name at run time rather than at compile time, because the
 * importers module was written in parallel with this one and its installed snapshot did not always contain
 * them. Once both are on the main branch, replace the three method handles with direct calls. When an entry
 * point is missing, imports fail with a clear "no importer" outcome (and directories are expanded by a plain
 * sorted walk) rather than with a linkage error.
 */
public final class BuiltInImporters implements ImporterCatalog {

    private static final String PACKAGE = "io.ransomtrace.importers.";
    private static final MethodHandle EXPAND = find("InputExpander", "expand", MethodType.methodType(List.class, List.class));
    private static final MethodHandle SNIFF = find("Sniffer", "sniff", MethodType.methodType(Format.class, Path.class));
    private static final MethodHandle FOR_FORMAT = find("Importers", "forFormat",
            MethodType.methodType(Optional.class, Format.class));

    private static MethodHandle find(String cls, String method, MethodType type) {
        try {
            return MethodHandles.publicLookup().findStatic(Class.forName(PACKAGE + cls), method, type);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** True when this build contains the importers module's sniffer and importer registry. */
    public static boolean available() {
        return SNIFF != null && FOR_FORMAT != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Path> expand(List<Path> inputs) throws IOException {
        if (EXPAND == null) {
            return walk(inputs);
        }
        return (List<Path>) invoke(EXPAND, inputs);
    }

    @Override
    public Format sniff(Path file) throws IOException {
        return SNIFF == null ? Format.UNKNOWN : (Format) invoke(SNIFF, file);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Importer> importerFor(Format format) {
        if (FOR_FORMAT == null) {
            return Optional.empty();
        }
        try {
            return (Optional<Importer>) invoke(FOR_FORMAT, format);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Object invoke(MethodHandle h, Object arg) throws IOException {
        try {
            return h.invoke(arg);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t.getMessage(), t);
        }
    }

    /** Files as given; directories replaced by the regular files under them, sorted by path. */
    static List<Path> walk(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
