package io.ransomtrace.importers.sysmon;

import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.edr.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SysmonImporterTest {

    @TempDir
    Path tmp;

    static ImportStats read(Path file, CollectingSink sink) throws IOException {
        ImportStats stats = new SysmonImporter().importSource(new SourceFile(3, file, Format.SYSMON_XML), sink);
        assertThat(stats.invariantHolds()).as("count invariant %s", stats).isTrue();
        assertThat(stats.events()).isEqualTo(sink.events.size());
        assertThat(stats.recordsQuarantined()).isEqualTo(sink.quarantined.size());
        for (int i = 0; i < sink.events.size(); i++) {
            assertThat(sink.events.get(i).id()).isEqualTo(EventId.of(3, i));
        }
        return stats;
    }

    @Test
    void syslogFileGivesExecsExitsCreatesDeletesAndKeepsTheRest() throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(TestFiles.resource("sysmon/syslog-sysmon.log"), sink);

        assertThat(stats.recordsRead()).isEqualTo(287);
        assertThat(stats.recordsQuarantined()).isEqualTo(5);
        assertThat(stats.recordsOther()).isEqualTo(3);
        assertThat(stats.recordsInEvents()).isEqualTo(279);
        assertThat(stats.host()).isEqualTo("web-01");
        assertThat(stats.recordTypeCounts()).containsEntry("sysmon:1", 91L).containsEntry("sysmon:5", 89L)
                .containsEntry("sysmon:11", 52L).containsEntry("sysmon:23", 40L).containsEntry("sysmon:26", 7L)
                .containsEntry("sysmon:3", 1L).containsEntry("sysmon:9", 1L).containsEntry("sysmon:16", 1L);
        assertThat(sink.ofType(ProcessExec.class)).hasSize(91);
        assertThat(sink.ofType(ProcessExit.class)).hasSize(89);
        assertThat(sink.fileOps(FileOpKind.CREATE)).hasSize(52);
        assertThat(sink.fileOps(FileOpKind.DELETE)).hasSize(47);
        assertThat(sink.ofType(OtherRecord.class)).extracting(OtherRecord::type)
                .containsExactlyInAnyOrder("sysmon:3", "sysmon:9", "sysmon:16");

        ProcessExec bash = (ProcessExec) sink.events.get(0);
        assertThat(bash.time()).isEqualTo(Instant.parse("2026-11-20T03:14:00.037Z"));
        assertThat(bash.actor().pid()).isEqualTo(2001);
        assertThat(bash.actor().ppid()).isEqualTo(1999);
        assertThat(bash.actor().exe()).isEqualTo("/usr/bin/bash");
        assertThat(bash.argv()).containsExactly("-bash");
        assertThat(bash.cwd()).isEqualTo("/home/alice");
        assertThat(bash.actor().credentials().user()).isEqualTo("alice");
        assertThat(bash.actor().credentials().loginUid()).isEqualTo(1000);
        assertThat(bash.actor().credentials().session()).isEqualTo(7);
        assertThat(bash.actor().entityId()).isEqualTo("{d65774de-6512-07d1-0000-000000000000}");
        assertThat(bash.parentEntityId()).isEqualTo("{d65774de-6512-07cf-0000-000000000000}");
        assertThat(bash.host()).isEqualTo("web-01");
        assertThat(bash.provenance().nativeId()).isEqualTo("101");
        assertThat(bash.provenance().line()).isEqualTo(1);

        ProcessExec openssl = sink.execsOf("/usr/bin/openssl").get(0);
        assertThat(openssl.argv()).containsSequence("-in", "/srv/data/finance/report_00.xlsx", "-out",
                "/srv/data/finance/report_00.xlsx.enc");
        FileOp delete = sink.fileOps(FileOpKind.DELETE).get(0);
        assertThat(delete.path()).isEqualTo("/srv/data/finance/report_00.xlsx");
        assertThat(delete.actor().exe()).isEqualTo("/usr/bin/rm");

        assertThat(sink.quarantined).extracting(QuarantinedRecord::reason).containsExactly(
                "not a Sysmon event (line outside any <Event> element)",
                "event not closed with </Event> before the next <Event> began",
                "Sysmon event 1 has no numeric ProcessId",
                "Sysmon <Event> without <EventID>",
                sink.quarantined.get(4).reason());
        assertThat(sink.quarantined.get(4).reason()).startsWith("malformed XML");
        assertThat(sink.quarantined.get(0).rawText()).contains("systemd[1]: Started Session 7");
        assertThat(sink.quarantined.get(1).line()).isEqualTo(284);
        assertThat(sink.quarantined.get(2).line()).isEqualTo(285);
    }

    @Test
    void prettyPrintedEventsAreReadFromTheLineTheirEventStartsOn() throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(TestFiles.resource("sysmon/pretty-events.xml"), sink);
        CollectingSink oneLine = new CollectingSink();
        read(TestFiles.resource("sysmon/syslog-sysmon.log"), oneLine);

        assertThat(stats.recordsRead()).isEqualTo(6);
        assertThat(stats.recordsQuarantined()).isZero();
        // The XML declaration on line 1 is attached to the first event, so its provenance starts there.
        assertThat(sink.events.get(0).provenance().line()).isEqualTo(1);
        assertThat(sink.events.get(1).provenance().line()).isGreaterThan(20);
        for (int i = 0; i < 6; i++) {
            assertThat(sink.events.get(i)).usingRecursiveComparison().ignoringFields("provenance")
                    .isEqualTo(oneLine.events.get(i));
        }
    }

    @Test
    void anXxePayloadIsRefusedAndNothingIsReadFromDisk() throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER-42");
        String event = "<Event><System><EventID>1</EventID><Computer>h</Computer></System><EventData>"
                + "<Data Name=\"UtcTime\">2026-11-20 03:00:00.000</Data><Data Name=\"ProcessId\">1</Data>"
                + "<Data Name=\"CommandLine\">&xxe;</Data></EventData></Event>";
        Path oneLine = tmp.resolve("xxe-one-line.log");
        Files.writeString(oneLine, "<?xml version=\"1.0\"?><!DOCTYPE Event [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>" + event + "\n");
        Path multiLine = tmp.resolve("xxe-multi-line.xml");
        Files.writeString(multiLine, "<?xml version=\"1.0\"?>\n<!DOCTYPE Event [\n  <!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">\n]>\n" + event + "\n");
        Path noDoctype = tmp.resolve("xxe-undeclared.log");
        Files.writeString(noDoctype, event + "\n");

        for (Path file : new Path[]{oneLine, multiLine}) {
            CollectingSink sink = new CollectingSink();
            ImportStats stats = read(file, sink);
            assertThat(sink.events).isEmpty();
            assertThat(stats.recordsQuarantined()).isEqualTo(1);
            assertThat(sink.quarantined.get(0).reason()).contains("DOCTYPE").contains("refused");
            assertThat(sink.quarantined.get(0).line()).isEqualTo(1);
            assertThat(sink.quarantined.toString()).doesNotContain("TOP-SECRET-MARKER-42");
        }
        CollectingSink sink = new CollectingSink();
        read(noDoctype, sink);
        assertThat(sink.events).isEmpty();
        assertThat(sink.quarantined).hasSize(1);
        assertThat(sink.quarantined.get(0).reason()).containsAnyOf("xxe", "entity");
        assertThat(sink.quarantined.toString()).doesNotContain("TOP-SECRET-MARKER-42");
    }

    @Test
    void aBillionLaughsPayloadIsRefusedWithoutExpanding() throws IOException {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Event [\n");
        dtd.append(" <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append(" <!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n<Event><System><EventID>1</EventID></System><EventData><Data Name=\"CommandLine\">&lol9;"
                + "</Data></EventData></Event>\n");
        String good = Files.readAllLines(TestFiles.resource("sysmon/syslog-sysmon.log")).get(0);
        Path file = tmp.resolve("lol.xml");
        Files.writeString(file, dtd + "<Event><System><EventID>1</EventID></System><EventData>"
                + "<Data Name=\"CommandLine\">&lol9;</Data></EventData></Event>\n" + good + "\n");
        long before = usedHeap();

        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(file, sink);

        assertThat(stats.recordsQuarantined()).isEqualTo(2);
        assertThat(sink.quarantined.get(0).reason()).contains("DOCTYPE");
        assertThat(sink.quarantined.get(1).reason()).contains("lol9");
        assertThat(sink.quarantined).allSatisfy(q -> assertThat(q.rawText()).hasSizeLessThan(4200));
        assertThat(sink.events).hasSize(1);
        assertThat(((ProcessExec) sink.events.get(0)).actor().pid()).isEqualTo(2001);
        // 10^9 "lol"s would be 3 GB; without expansion the import stays within a few MB.
        assertThat(usedHeap() - before).isLessThan(64L << 20);
    }

    @Test
    void theParserItselfRefusesDoctypesAndUndeclaredEntities() {
        SysmonXmlParser parser = new SysmonXmlParser();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> parser.parse(
                "<!DOCTYPE x [<!ENTITY a \"b\">]><Event><System><EventID>1</EventID></System></Event>")))
                .hasMessageContaining("DOCTYPE");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> parser.parse(
                "<Event><System><EventID>1</EventID></System><EventData>&a;</EventData></Event>")))
                .hasMessageContaining("a");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> parser.parse("<Foo/>")))
                .hasMessageContaining("not a Sysmon <Event>");
    }

    @Test
    void predefinedAndCharacterReferencesAreOrdinaryText() throws Exception {
        SysmonRecord r = new SysmonXmlParser().parse("<Event><System><EventID>1</EventID></System><EventData>"
                + "<Data Name=\"CommandLine\">sh -c \"a &amp;&amp; b &lt; c &gt; d\" &#65;&#x42; &apos;q&apos;</Data>"
                + "<Data Name=\"Image\"><![CDATA[/bin/sh]]></Data></EventData></Event>");
        assertThat(r.get("CommandLine")).isEqualTo("sh -c \"a && b < c > d\" AB 'q'");
        assertThat(r.get("Image")).isEqualTo("/bin/sh");
    }

    @Test
    void aHugeEventIsQuarantinedAndTheNextEventIsStillRead() throws IOException {
        String good = Files.readAllLines(TestFiles.resource("sysmon/syslog-sysmon.log")).get(0);
        Path file = tmp.resolve("big.log");
        StringBuilder big = new StringBuilder("<Event><System><EventID>1</EventID></System><EventData>\n");
        String dataLine = "<Data Name=\"X\">" + "y".repeat(1000) + "</Data>\n";
        for (int i = 0; i < 400; i++) {
            big.append(dataLine);
        }
        big.append("</EventData></Event>\n");
        Files.writeString(file, big + good + "\n");
        CollectingSink sink = new CollectingSink();
        read(file, sink);

        assertThat(sink.quarantined).hasSize(1);
        assertThat(sink.quarantined.get(0).reason()).contains("larger than");
        assertThat(sink.events).hasSize(1);
    }

    @Test
    void syslogHeadersOfEveryStyleAreLeftBehind() throws IOException {
        String event = Files.readAllLines(TestFiles.resource("sysmon/syslog-sysmon.log")).get(0);
        String xml = event.substring(event.indexOf("<Event>"));
        Path file = tmp.resolve("styles.log");
        Files.writeString(file, "<134>1 2026-11-20T03:14:00.037Z web-01 sysmon 1242 - - " + xml + "\n"
                + "2026-11-20T03:14:00.037123+00:00 web-01 sysmon[1242]: " + xml + "\n"
                + xml + xml + "\n"
                + "Nov 20 03:14:00 web-01 sysmon[1242]: " + xml + " trailing\n");
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(file, sink);

        assertThat(sink.events).hasSize(5).allSatisfy(e -> assertThat(e.actor().pid()).isEqualTo(2001));
        assertThat(sink.events).extracting(e -> e.provenance().line()).containsExactly(1L, 2L, 3L, 3L, 4L);
        assertThat(stats.recordsQuarantined()).isEqualTo(1);
        assertThat(sink.quarantined.get(0).reason()).isEqualTo("text after </Event> on the same line");
    }

    @Test
    void sniffsSysmonXmlOnly() throws IOException {
        assertThat(SysmonImporter.looksLike(head("sysmon/syslog-sysmon.log"))).isTrue();
        assertThat(SysmonImporter.looksLike(head("sysmon/pretty-events.xml"))).isTrue();
        assertThat(SysmonImporter.looksLike(head("ecs/elastic-defend-attack.ndjson"))).isFalse();
        assertThat(SysmonImporter.looksLike(head("osquery/osqueryd.results.log"))).isFalse();
        assertThat(SysmonImporter.looksLike(head("csv/splunk-sysmon-linux.csv"))).isFalse();
        assertThat(SysmonImporter.looksLike("<Events><EventID>".getBytes())).isFalse();
    }

    private static byte[] head(String resource) throws IOException {
        byte[] all = Files.readAllBytes(TestFiles.resource(resource));
        return java.util.Arrays.copyOf(all, Math.min(all.length, 8192));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
