package io.ransomtrace.importers.auditd;

import io.ransomtrace.importers.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reassembly conformance with audit-userspace's own auparse test: {@code auparse_test.ref} lists, for walks over
 * test.log, test2.log + test.log and the long-EXECVE test4.log, every event's stamp and how many records it
 * has. Our assembler must group the same records into the same events, in the same order.
 */
class AuparseReferenceTest {

    record Grouping(String stamp, int records) {
    }

    @Test
    void walkOfOneFile() throws IOException {
        assertThat(assemble("test.log")).isEqualTo(expected("Starting Test 4,"));
    }

    @Test
    void walkOfTwoFiles() throws IOException {
        assertThat(assemble("test2.log", "test.log")).isEqualTo(expected("Starting Test 5,"));
    }

    @Test
    void walkOfLongExecveEvents() throws IOException {
        List<Grouping> expected = expected("Starting Test 11,");
        assertThat(expected).hasSize(2);
        assertThat(assemble("test4.log")).isEqualTo(expected);
    }

    private static List<Grouping> assemble(String... files) throws IOException {
        List<Grouping> out = new ArrayList<>();
        EventAssembler assembler = EventAssembler.withDefaults(
                records -> out.add(new Grouping(records.get(0).nativeId(), records.size())));
        AuditLineParser parser = new AuditLineParser(ZoneOffset.UTC);
        for (String file : files) {
            long n = 0;
            for (String line : Files.readAllLines(Fixtures.auditd("linux-audit-userspace/" + file))) {
                n++;
                if (line.isBlank()) continue;
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                AuditRecord r = parser.parse(b, 0, b.length, n, 0);
                assertThat(r).as("%s:%d %s", file, n, parser.error()).isNotNull();
                assembler.add(r);
            }
        }
        assembler.flushAll();
        return out;
    }

    /** The (stamp, record count) of each event auparse walked in the named test section. */
    private static List<Grouping> expected(String section) throws IOException {
        List<String> ref = Files.readAllLines(Fixtures.auditd("linux-audit-userspace/auparse_test.ref"));
        List<Grouping> out = new ArrayList<>();
        boolean in = false;
        int records = -1;
        for (String line : ref) {
            if (line.startsWith("Starting Test")) {
                in = line.startsWith(section);
                continue;
            }
            if (!in) continue;
            if (line.startsWith("event ") && line.contains(" has ")) {
                String[] w = line.split(" ");
                records = Integer.parseInt(w[w.length - 2]);
            } else if (records >= 0 && line.strip().startsWith("event time: ")) {
                String stamp = line.strip().substring("event time: ".length());
                out.add(new Grouping(stamp.substring(0, stamp.indexOf(',')), records));
                records = -1;
            }
        }
        assertThat(out).as("events in %s", section).isNotEmpty();
        return out;
    }
}
