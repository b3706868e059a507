package io.ransomtrace.app.bench;

import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.app.testing.TinyLogWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Store-side throughput with a parser that costs almost nothing, to see what the writer alone can do.
 * Not a unit test. Run: {@code java -cp <test classpath> io.ransomtrace.app.bench.TinyLogImportBench 500000}.
 */
public final class TinyLogImportBench {
    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        Path dir = Files.createTempDirectory("rt-bench");
        Path log = TinyLogWriter.campaign(dir.resolve("bench.log"), files);
        Path casePath = dir.resolve("bench.rtcase");
        long t0 = System.nanoTime();
        try (CaseStore store = CaseStore.create(casePath)) {
            ImportSummary s = new ImportPipeline(new TestCatalog(), ImportOptions.defaults()).run(store, List.of(log),
                    ImportProgressListener.NONE, new Cancellation());
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%d events in %.2f s = %.0f events/s; log %d bytes, case %d bytes%n",
                    s.events(), secs, s.events() / secs, Files.size(log), Files.size(casePath));
        }
        Files.delete(log);
        Files.delete(casePath);
        Files.delete(dir);
    }
}
