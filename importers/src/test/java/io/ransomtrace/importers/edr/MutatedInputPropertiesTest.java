package io.ransomtrace.importers.edr;

import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.csv.CsvImporter;
import io.ransomtrace.importers.ecs.EcsImporter;
import io.ransomtrace.importers.osquery.OsqueryImporter;
import io.ransomtrace.importers.sysmon.SysmonImporter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Mutated and random inputs never make an EDR importer throw, and the count invariant always holds. */
class MutatedInputPropertiesTest {

    enum Sample {
        ECS("ecs/elastic-defend-attack.ndjson", Format.ECS_NDJSON),
        ECS_ARRAY("ecs/elastic-defend-array.json", Format.ECS_NDJSON),
        SYSMON("sysmon/syslog-sysmon.log", Format.SYSMON_XML),
        SYSMON_PRETTY("sysmon/pretty-events.xml", Format.SYSMON_XML),
        OSQUERY("osquery/osqueryd.results.log", Format.OSQUERY),
        CSV("csv/kibana-defend-export.csv", Format.CSV);

        final String resource;
        final Format format;

        Sample(String resource, Format format) {
            this.resource = resource;
            this.format = format;
        }

        Importer importer() {
            return switch (format) {
                case ECS_NDJSON -> new EcsImporter();
                case SYSMON_XML -> new SysmonImporter();
                case OSQUERY -> new OsqueryImporter();
                default -> new CsvImporter();
            };
        }

        byte[] seed() throws IOException {
            byte[] all = Files.readAllBytes(TestFiles.resource(resource));
            return Arrays.copyOf(all, Math.min(all.length, 16 * 1024));
        }
    }

    /** One edit at a relative position: flip a byte, delete a span, insert junk, duplicate a span, or cut there. */
    record Mutation(double at, int kind, int length, byte[] junk) {
    }

    @Provide
    Arbitrary<Mutation> mutation() {
        Arbitrary<byte[]> junk = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.of("<", ">", "\"", "{", "}", "[", "]", ",", "\n", "\r\n", "&", "<!DOCTYPE x [", "</Event>",
                        "<Event>", "\\", "\u0000", "é", "\uFFFF", "\"\"\"").map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(1, 300), junk).as(Mutation::new);
    }

    static byte[] apply(byte[] data, List<Mutation> mutations) {
        byte[] out = data;
        for (Mutation m : mutations) {
            int pos = (int) Math.min(out.length, Math.floor(m.at() * out.length));
            ByteArrayOutputStream b = new ByteArrayOutputStream(out.length + 64);
            switch (m.kind()) {
                case 0 -> {
                    out = out.clone();
                    if (pos < out.length) {
                        out[pos] ^= (byte) (1 << (m.length() % 8));
                    }
                    continue;
                }
                case 1 -> {
                    b.write(out, 0, pos);
                    int end = Math.min(out.length, pos + m.length());
                    b.write(out, end, out.length - end);
                }
                case 2 -> {
                    b.write(out, 0, pos);
                    b.writeBytes(m.junk());
                    b.write(out, pos, out.length - pos);
                }
                case 3 -> {
                    int end = Math.min(out.length, pos + m.length());
                    b.write(out, 0, end);
                    b.write(out, pos, out.length - pos);
                }
                default -> b.write(out, 0, pos);
            }
            out = b.toByteArray();
        }
        return out;
    }

    @Property(tries = 100)
    void mutatedSamplesNeverThrowAndKeepTheInvariant(@ForAll Sample sample,
                                                     @ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("mutation") Mutation> mutations)
            throws IOException {
        check(sample, apply(sample.seed(), mutations));
    }

    @Property(tries = 30)
    void randomBytesNeverThrow(@ForAll Sample sample, @ForAll @Size(max = 4096) byte[] junk) throws IOException {
        check(sample, junk);
    }

    private static void check(Sample sample, byte[] content) throws IOException {
        Path file = Files.createTempFile("mutated", ".in");
        try {
            Files.write(file, content);
            CollectingSink sink = new CollectingSink();
            ImportStats stats = sample.importer().importSource(new SourceFile(11, file, sample.format), sink);
            assertThat(stats.invariantHolds()).as("invariant %s", stats).isTrue();
            assertThat(stats.events()).isEqualTo(sink.events.size());
            assertThat(stats.recordsQuarantined()).isEqualTo(sink.quarantined.size());
            for (int i = 0; i < sink.events.size(); i++) {
                assertThat(sink.events.get(i).id()).isEqualTo(EventId.of(11, i));
                assertThat(sink.events.get(i).time()).isNotNull();
                assertThat(sink.events.get(i).provenance().line()).isPositive();
            }
            for (QuarantinedRecord q : sink.quarantined) {
                assertThat(q.line()).isNotNegative();
                assertThat(q.byteOffset()).isBetween(0L, (long) content.length);
                assertThat(q.reason()).isNotBlank();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
