package io.ransomtrace.importers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Dev aid: imports every fixture and prints what came out. Not a test. */
public final class SmokeMain {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : files) {
            Format f = Sniffer.sniff(p);
            CollectingSink sink = new CollectingSink();
            ImportStats st = Importers.importSource(new SourceFile(1, p, Format.UNKNOWN), sink);
            System.out.println(root.relativize(p) + " -> " + f + " " + st);
            if (args.length > 1) {
                sink.events.forEach(e -> System.out.println("   " + e));
                sink.quarantined.forEach(q -> System.out.println("   Q " + q));
            }
        }
    }
}
