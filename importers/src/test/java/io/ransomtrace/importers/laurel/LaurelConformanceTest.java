package io.ransomtrace.importers.laurel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Fixtures;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.auditd.AuditdImporter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laurel's own test data: each {@code record-*.txt} is raw audit input and the {@code .json} beside it is what
 * laurel made of it. Reading the JSON with {@link LaurelImporter} and the raw text with {@link AuditdImporter}
 * must give the same events, and both must agree with the values in laurel's JSON.
 */
class LaurelConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> laurelJsonAndRawAuditAgree() throws IOException {
        Path dir = Fixtures.laurel("laurel-testdata");
        List<Path> jsons;
        try (Stream<Path> s = Files.list(dir)) {
            jsons = s.filter(p -> p.getFileName().toString().matches("record-.*\\.json")).sorted().toList();
        }
        assertThat(jsons).hasSizeGreaterThanOrEqualTo(14);
        return jsons.stream().map(json -> DynamicTest.dynamicTest(json.getFileName().toString(), () -> {
            Path txt = json.resolveSibling(json.getFileName().toString().replace(".json", ".txt"));
            CollectingSink fromJson = run(new LaurelImporter(), json, Format.LAUREL);
            CollectingSink fromRaw = run(new AuditdImporter(Format.AUDITD_RAW), txt, Format.AUDITD_RAW);
            List<String> lines = Files.readAllLines(json).stream().filter(l -> !l.isBlank()).toList();
            assertThat(fromJson.events).hasSize(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                JsonNode expected = JSON.readTree(lines.get(i));
                Event laurel = fromJson.events.get(i);
                checkAgainstJson(laurel, expected);
                Event raw = fromRaw.events.stream()
                        .filter(e -> e.provenance().nativeId().equals(laurel.provenance().nativeId()))
                        .findFirst().orElseThrow(() -> new AssertionError("raw log lacks " + expected.get("ID")));
                assertThat(describe(laurel)).isEqualTo(describe(raw));
            }
        }));
    }

    private static void checkAgainstJson(Event e, JsonNode expected) {
        assertThat(e.provenance().nativeId()).isEqualTo(expected.get("ID").asText());
        JsonNode sc = expected.get("SYSCALL");
        if (sc != null) {
            assertThat(e.actor().pid()).isEqualTo(sc.get("pid").asInt());
            assertThat(e.actor().ppid()).isEqualTo(sc.get("ppid").asInt());
            assertThat(e.actor().exe()).isEqualTo(sc.get("exe").asText());
            long auid = sc.get("auid").asLong();
            assertThat(e.actor().credentials().loginUid()).isEqualTo(Credentials.normalizeId(auid > 4294967295L ? -1 : auid));
            assertThat(e.actor().credentials().uid()).isEqualTo(sc.get("uid").asLong());
        }
        if (e instanceof ProcessExec exec && !expected.has("EXECVE")) {
            assertThat(exec.argvTruncated()).as("argv without EXECVE is a guess").isTrue();
        } else if (e instanceof ProcessExec exec) {
            JsonNode argv = expected.path("EXECVE").path("ARGV");
            List<String> want = new ArrayList<>();
            argv.forEach(a -> want.add(a.asText()));
            assertThat(exec.argv()).isEqualTo(want);
            assertThat(exec.cwd()).isEqualTo(expected.path("CWD").path("cwd").asText(null));
        }
        if (expected.has("NODE")) {
            assertThat(e.host()).isEqualTo(expected.get("NODE").asText());
        }
    }

    private static String describe(Event e) {
        String base = e.getClass().getSimpleName() + " " + e.time() + " " + e.host() + " " + e.actor();
        if (e instanceof ProcessExec x) {
            return base + " " + x.argv() + " cwd=" + x.cwd() + " tty=" + x.tty() + " ok=" + x.success();
        }
        if (e instanceof FileOp f) {
            return base + " " + f.kind() + " " + f.path() + " -> " + f.targetPath() + " " + f.openFlags() + " "
                    + f.mode() + " " + f.success() + " " + f.inode();
        }
        if (e instanceof OtherRecord o) {
            return base + " " + o.type();
        }
        return base;
    }

    private static CollectingSink run(io.ransomtrace.importers.Importer importer, Path file, Format format)
            throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = importer.importSource(new SourceFile(3, file, format), sink);
        assertThat(stats.invariantHolds()).as("%s", stats).isTrue();
        assertThat(sink.quarantined).as("quarantined from %s", file).isEmpty();
        return sink;
    }

    @Test
    void brokenJsonLinesAreQuarantinedAndTheRestIsRead() throws IOException {
        Path f = tmp.resolve("laurel.json");
        String good = Files.readAllLines(Fixtures.laurel("laurel-testdata/record-execve.json")).get(0);
        Files.writeString(f, good + "\n{\"ID\":\"1615114232.375:15559\",\"SYSCALL\":{\"pid\":\n[1,2]\n"
                + "{\"no-id\":true}\n" + good + "\n");
        CollectingSink sink = new CollectingSink();
        ImportStats stats = new LaurelImporter().importSource(new SourceFile(3, f, Format.LAUREL), sink);
        assertThat(stats.invariantHolds()).isTrue();
        assertThat(stats.recordsRead()).isEqualTo(5);
        assertThat(sink.events).as("%s", sink.quarantined).hasSize(2);
        assertThat(sink.quarantined).extracting(q -> q.line()).containsExactly(2L, 3L, 4L);
        assertThat(sink.quarantined.get(0).reason()).startsWith("malformed JSON");
        assertThat(stats.recordTypeCounts()).containsEntry("SYSCALL", 2L);
        assertThat(stats.host()).isEqualTo("work");
    }
}
