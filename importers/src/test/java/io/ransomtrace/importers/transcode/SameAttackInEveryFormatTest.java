package io.ransomtrace.importers.transcode;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.ecs.EcsImporter;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.osquery.OsqueryImporter;
import io.ransomtrace.importers.sysmon.SysmonImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same attack must look the same whatever format it arrives in: the synthetic attack is transcoded into ECS,
 * Sysmon XML and osquery, imported back, and the streams compared on processes, lineage and file operations,
 * as far as each format can express them. Point {@link #attack()} at a recorded case to check real data.
 */
class SameAttackInEveryFormatTest {

    @TempDir
    Path tmp;

    static List<Event> attack() {
        return SyntheticAttack.events();
    }

    record Proc(int pid, int ppid, String exe, List<String> argv) {
    }

    record Op(FileOpKind kind, String path, String target) {
    }

    static List<Proc> processes(List<Event> events) {
        return events.stream().filter(ProcessExec.class::isInstance).map(ProcessExec.class::cast)
                .map(e -> new Proc(e.actor().pid(), e.actor().ppid(), e.actor().exe(), e.argv())).toList();
    }

    static Map<Integer, Integer> lineage(List<Event> events) {
        Map<Integer, Integer> parentOf = new LinkedHashMap<>();
        processes(events).forEach(p -> parentOf.put(p.pid(), p.ppid()));
        return parentOf;
    }

    static List<Op> fileOps(List<Event> events, Predicate<FileOpKind> expressible) {
        List<Op> ops = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof FileOp op && expressible.test(op.kind())) {
                ops.add(new Op(op.kind(), op.path(), op.targetPath()));
            }
        }
        return ops;
    }

    /** Writes the lines to a file, imports it back and checks nothing was quarantined. */
    static List<Event> roundTrip(Path dir, String name, List<String> lines, Importer importer, Format format) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines);
        CollectingSink sink = new CollectingSink();
        ImportStats stats = importer.importSource(new SourceFile(2, file, format), sink);
        assertThat(stats.invariantHolds()).isTrue();
        assertThat(sink.quarantined).as("%s quarantined", name).isEmpty();
        return sink.events;
    }

    /** An event stream after a trip through each EDR format and back through its importer. */
    record Transcoded(List<Event> ecs, List<Event> sysmon, List<Event> osquery) {
    }

    static Transcoded transcodeAndImport(Path dir, List<Event> original) throws IOException {
        List<String> ecs = new ArrayList<>();
        List<String> sysmon = new ArrayList<>();
        List<String> osquery = new ArrayList<>();
        long record = 1;
        for (Event e : original) {
            ecs.addAll(EcsTranscoder.toLines(e));
            List<String> s = SysmonTranscoder.toLines(e, record);
            record += s.size();
            sysmon.addAll(s);
            osquery.addAll(OsqueryTranscoder.toLines(e, osquery.size() + 1));
        }
        return new Transcoded(roundTrip(dir, "attack.ndjson", ecs, new EcsImporter(), Format.ECS_NDJSON),
                roundTrip(dir, "attack-sysmon.log", sysmon, new SysmonImporter(), Format.SYSMON_XML),
                roundTrip(dir, "attack-osquery.log", osquery, new OsqueryImporter(), Format.OSQUERY));
    }

    @Test
    void processesLineageAndFileOperationsAgreeAcrossEcsSysmonAndOsquery() throws IOException {
        List<Event> original = attack();
        Transcoded back = transcodeAndImport(tmp, original);
        List<Event> fromEcs = back.ecs();
        List<Event> fromSysmon = back.sysmon();
        List<Event> fromOsquery = back.osquery();

        List<Proc> expected = processes(original);
        assertThat(expected).hasSize(1 + 1 + 16 + 1);
        assertThat(processes(fromEcs)).isEqualTo(expected);
        assertThat(processes(fromSysmon)).isEqualTo(expected);
        assertThat(processes(fromOsquery)).isEqualTo(expected);
        assertThat(lineage(fromEcs)).isEqualTo(lineage(original)).containsEntry(7101, 7000).containsEntry(7000, 6990);
        assertThat(lineage(fromSysmon)).isEqualTo(lineage(original));
        assertThat(lineage(fromOsquery)).isEqualTo(lineage(original));

        assertThat(fileOps(fromEcs, k -> true)).isEqualTo(fileOps(original, k -> true));
        assertThat(fileOps(fromOsquery, k -> true))
                .isEqualTo(fileOps(original, OsqueryTranscoder::expressible));
        // Sysmon records a rename as the new name created and the old one deleted, and has no write event.
        List<Op> sysmonView = new ArrayList<>();
        for (Op op : fileOps(original, SysmonTranscoder::expressible)) {
            if (op.kind() == FileOpKind.RENAME) {
                sysmonView.add(new Op(FileOpKind.CREATE, op.target(), null));
                sysmonView.add(new Op(FileOpKind.DELETE, op.path(), null));
            } else {
                sysmonView.add(op);
            }
        }
        assertThat(fileOps(fromSysmon, k -> true)).isEqualTo(sysmonView);

        // Who did each file operation: ECS and Sysmon carry the process, osquery's FIM does not.
        List<Integer> actors = original.stream().filter(e -> e instanceof FileOp op
                && SysmonTranscoder.expressible(op.kind()) && op.kind() != FileOpKind.RENAME).map(Event::pid).toList();
        assertThat(fromSysmon.stream().filter(e -> e instanceof FileOp).map(Event::pid).toList())
                .containsSubsequence(actors);
        assertThat(fromEcs.stream().filter(e -> e instanceof FileOp).map(Event::pid).toList())
                .isEqualTo(original.stream().filter(e -> e instanceof FileOp).map(Event::pid).toList());
        // Exits: ECS and Sysmon report them, osquery's process tables do not.
        List<Integer> exits = original.stream().filter(ProcessExit.class::isInstance).map(Event::pid).toList();
        assertThat(fromEcs.stream().filter(ProcessExit.class::isInstance).map(Event::pid).toList()).isEqualTo(exits);
        assertThat(fromSysmon.stream().filter(ProcessExit.class::isInstance).map(Event::pid).toList()).isEqualTo(exits);
        // Times survive to the millisecond in ECS and Sysmon.
        assertThat(fromEcs.get(0).time()).isEqualTo(original.get(0).time());
        assertThat(fromSysmon.get(0).time()).isEqualTo(original.get(0).time());
        assertThat(fromEcs).allSatisfy(e -> assertThat(e.host()).isEqualTo(SyntheticAttack.HOST));
        assertThat(((ProcessExec) fromSysmon.get(0)).actor().credentials().loginUid()).isEqualTo(1000);
        assertThat(((ProcessExec) fromEcs.get(0)).actor().credentials().loginUser()).isEqualTo("alice");
    }
}
