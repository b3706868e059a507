package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.importers.Fixtures;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Sniffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ausearch -i} renderings of real logs (recorded by importers/scripts/record-ausearch-interpreted.sh)
 * must read as the same events as the raw logs they were made from: same stamps, processes, argv, cwd and
 * file operations (only user names replace numeric ids).
 */
class InterpretedFormatTest {

    @TestFactory
    Stream<DynamicTest> interpretedOutputReadsLikeTheRawLog() throws IOException, URISyntaxException {
        Path dir = Path.of(InterpretedFormatTest.class.getResource("interpreted").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".interpreted")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String source = Files.readString(Path.of(f.toString().replace(".interpreted", ".source"))).strip();
            Path raw = Fixtures.root().resolve(source);
            assertThat(Sniffer.sniff(f)).isEqualTo(Format.AUDITD_INTERPRETED);
            Imports interpreted = Imports.of(f, Format.AUDITD_INTERPRETED);
            Imports original = Imports.of(raw, Format.AUDITD_RAW);
            assertThat(interpreted.stats.recordsQuarantined()).as("%s", interpreted.sink.quarantined).isZero();
            assertThat(interpreted.stats.events()).isEqualTo(original.stats.events());
            for (Event e : interpreted.sink.events) {
                Event o = original.sink.events.stream()
                        .filter(x -> x.provenance().nativeId().equals(e.provenance().nativeId()))
                        .findFirst().orElseThrow(() -> new AssertionError("raw has no " + e.provenance().nativeId()));
                assertThat(describe(e)).isEqualTo(describe(o));
            }
        }));
    }

    private static String describe(Event e) {
        String s = e.getClass().getSimpleName() + " " + e.time() + " pid=" + e.pid() + " ppid=" + e.actor().ppid()
                + " exe=" + e.actor().exe() + " comm=" + e.actor().comm();
        if (e instanceof ProcessExec x) {
            s += " argv=" + x.argv() + " truncated=" + x.argvTruncated() + " cwd=" + x.cwd() + " ok=" + x.success();
        }
        if (e instanceof FileOp f) {
            s += " " + f.kind() + " " + f.path() + " -> " + f.targetPath() + " flags=" + f.openFlags() + " ok="
                    + f.success();
        }
        return s;
    }
}
