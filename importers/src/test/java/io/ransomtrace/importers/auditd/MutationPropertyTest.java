package io.ransomtrace.importers.auditd;

import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Fixtures;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.laurel.LaurelImporter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real fixture logs, randomly damaged (lines cut, duplicated, bytes flipped, order shuffled): the importers never
 * throw and always account for every record read.
 */
class MutationPropertyTest {

    private static final List<String> RAW = List.of(
            "auditd/elastic-integrations/test-auditd-raw.log",
            "auditd/go-libaudit/auparse/audit-rhel7.log",
            "auditd/linux-audit-userspace/test4.log",
            "laurel/laurel-testdata/record-execve-long.txt",
            "laurel/laurel-testdata/shell-proc-trace-confusion.txt",
            "laurel/laurel-testdata/record-login.txt");
    private static final List<String> LAUREL = List.of(
            "laurel/laurel-testdata/record-perl-reverse-shell.json",
            "laurel/laurel-testdata/record-syscall-nullkey.json",
            "laurel/laurel-testdata/record-execve-long.json");

    enum Mutation { CUT_LINE, DUPLICATE_LINE, FLIP_BYTES, SHUFFLE_BLOCK, DROP_LINE, INSERT_JUNK }

    record Damage(Mutation mutation, long seed) {
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        Arbitrary<Damage> one = Combinators.combine(Arbitraries.of(Mutation.class), Arbitraries.longs())
                .as(Damage::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 150)
    void rawAuditLogsSurviveDamage(@ForAll("damages") List<Damage> damages, @ForAll("rawFiles") String file) {
        check(new AuditdImporter(Format.AUDITD_RAW), file, damages, Format.AUDITD_RAW);
    }

    @Property(tries = 60)
    void laurelLinesSurviveDamage(@ForAll("damages") List<Damage> damages, @ForAll("laurelFiles") String file) {
        check(new LaurelImporter(), file, damages, Format.LAUREL);
    }

    @Property(tries = 40)
    void ausearchInterpretedOutputSurvivesDamage(@ForAll("damages") List<Damage> damages) throws Exception {
        Path file = Path.of(MutationPropertyTest.class.getResource("interpreted/test4.log.interpreted").toURI());
        check(new AuditdImporter(Format.AUDITD_INTERPRETED), file.toString(), damages, Format.AUDITD_INTERPRETED);
    }

    @Provide
    Arbitrary<String> rawFiles() {
        return Arbitraries.of(RAW);
    }

    @Provide
    Arbitrary<String> laurelFiles() {
        return Arbitraries.of(LAUREL);
    }

    private static void check(Importer importer, String file, List<Damage> damages, Format format) {
        try {
            List<byte[]> lines = splitLines(Files.readAllBytes(Fixtures.root().resolve(file)));
            for (Damage d : damages) {
                apply(lines, d);
            }
            Path tmp = Files.createTempFile("mutated", ".log");
            try {
                byte[] content = join(lines);
                Files.write(tmp, content);
                CollectingSink sink = new CollectingSink();
                ImportStats stats = importer.importSource(new SourceFile(1, tmp, format), sink);
                assertThat(stats.invariantHolds()).as("%s after %s", stats, damages).isTrue();
                assertThat(sink.quarantined).hasSize((int) stats.recordsQuarantined());
                assertThat(sink.events).hasSize((int) stats.events());
                long nonBlank = splitLines(content).stream().filter(l -> !blank(l)).count();
                // every non-blank line is a record, plus at most one whole-file notice
                assertThat(stats.recordsRead()).isBetween(nonBlank - countSeparators(content), nonBlank + 1);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void apply(List<byte[]> lines, Damage d) {
        if (lines.isEmpty()) return;
        Random rnd = new Random(d.seed());
        int i = rnd.nextInt(lines.size());
        byte[] line = lines.get(i);
        switch (d.mutation()) {
            case CUT_LINE -> lines.set(i, Arrays.copyOf(line, line.length == 0 ? 0 : rnd.nextInt(line.length)));
            case DUPLICATE_LINE -> lines.add(rnd.nextInt(lines.size() + 1), line.clone());
            case FLIP_BYTES -> {
                byte[] copy = line.clone();
                for (int k = 0; k < 1 + rnd.nextInt(8) && copy.length > 0; k++) {
                    copy[rnd.nextInt(copy.length)] = (byte) rnd.nextInt(256);
                }
                lines.set(i, copy);
            }
            case SHUFFLE_BLOCK -> {
                int to = Math.min(lines.size(), i + 2 + rnd.nextInt(12));
                Collections.shuffle(lines.subList(i, to), rnd);
            }
            case DROP_LINE -> lines.remove(i);
            case INSERT_JUNK -> {
                byte[] junk = new byte[rnd.nextInt(300)];
                rnd.nextBytes(junk);
                lines.add(i, junk);
            }
        }
    }

    private static List<byte[]> splitLines(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start < all.length) out.add(Arrays.copyOfRange(all, start, all.length));
        return out;
    }

    private static boolean blank(byte[] l) {
        for (byte b : l) {
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }

    /** ausearch "----" separators are structure, not records. */
    private static long countSeparators(byte[] content) {
        return splitLines(content).stream().filter(l -> l.length >= 4 && l[0] == '-' && l[1] == '-' && l[2] == '-'
                && l[3] == '-').count();
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.write(l, 0, l.length);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
