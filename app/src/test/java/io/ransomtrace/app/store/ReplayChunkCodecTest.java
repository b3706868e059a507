package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayChunkCodecTest {

    @Property(tries = 200)
    void anyEventsComeBackEqualSortedByTimeThenId(@ForAll("events") List<Event> events,
                                                  @ForAll @IntRange(min = 1, max = 64) int capacity) {
        ReplayChunkEncoder encoder = new ReplayChunkEncoder(3, capacity);
        List<ReplayChunkEncoder.Chunk> chunks = new ArrayList<>();
        for (Event e : events) {
            ReplayChunkEncoder.Chunk c = encoder.add(e, Times.toMicros(e.time()));
            if (c != null) {
                chunks.add(c);
            }
        }
        ReplayChunkEncoder.Chunk last = encoder.finish();
        if (last != null) {
            chunks.add(last);
        }
        List<Event> decoded = new ArrayList<>();
        int from = 0;
        for (ReplayChunkEncoder.Chunk c : chunks) {
            ReplayChunkDecoder.Decoded d = ReplayChunkDecoder.decode(c.data(), c.events());
            decoded.addAll(List.of(d.events()));
            // each chunk holds the next events as added, in (time, id) order, and its row keys say where it starts
            List<Event> added = new ArrayList<>(events.subList(from, from + c.events()));
            added.sort(Comparator.comparing(Event::time).thenComparingLong(Event::id));
            assertThat(List.of(d.events())).containsExactlyElementsOf(added.stream().map(this::asStored).toList());
            assertThat(c.firstMicros()).isEqualTo(Times.toMicros(added.get(0).time()));
            assertThat(c.firstId()).isEqualTo(added.get(0).id());
            assertThat(c.lastId()).isEqualTo(added.get(added.size() - 1).id());
            from += c.events();
        }
        assertThat(decoded).hasSize(events.size());
    }

    @Test
    void auditNativeIdsArePackedAsNumbersOnlyWhenTheyComeBackExactly() {
        assertThat(ReplayChunkEncoder.auditSerial("1767600000.007:45001001")).containsExactly(1767600000L, 7L, 45001001L);
        assertThat(ReplayChunkDecoder.auditId(1767600000L, 7, 45001001L)).isEqualTo("1767600000.007:45001001");
        for (String other : List.of("1767600000.7:45", "01.000:1", "1.000:01", "1.000:", ".000:1", "x.000:1",
                "1.000:-1", "guid-1234", "1.0000:5", "")) {
            assertThat(ReplayChunkEncoder.auditSerial(other)).as(other).isNull();
        }
    }

    @Test
    void aDamagedChunkIsReportedNotDecodedIntoSomethingElse() {
        ReplayChunkEncoder encoder = new ReplayChunkEncoder(1, 10);
        Event e = new ProcessExit(5, Instant.parse("2026-01-01T00:00:00Z"), "h", Actor.of(7, 1, "/bin/x"), 0,
                new Provenance(1, 2, 3, null));
        encoder.add(e, Times.toMicros(e.time()));
        ReplayChunkEncoder.Chunk c = encoder.finish();
        byte[] cut = java.util.Arrays.copyOf(c.data(), c.data().length - 2);
        assertThatThrownBy(() -> ReplayChunkDecoder.decode(cut, 1))
                .isInstanceOf(ReplayChunkDecoder.DamagedChunkException.class);
        assertThatThrownBy(() -> ReplayChunkDecoder.decode(c.data(), 2))
                .isInstanceOf(ReplayChunkDecoder.DamagedChunkException.class).hasMessageContaining("holds 1 events");
    }

    /** What the events table gives back: times in microseconds, no actor as {@link Actor#NONE}, no type as "". */
    private Event asStored(Event e) {
        Instant t = Times.fromMicros(Times.toMicros(e.time()));
        Actor a = e.actor() == null ? Actor.NONE : e.actor();
        Provenance p = e.provenance() == null ? new Provenance(3, 0, 0, null) : e.provenance();
        if (e instanceof FileOp f) {
            return new FileOp(f.id(), t, f.host(), a, f.kind(), f.path(), f.targetPath(), f.openFlags(), f.mode(),
                    f.success(), f.inode(), f.contentHint(), p);
        } else if (e instanceof ProcessExec x) {
            return new ProcessExec(x.id(), t, x.host(), a, x.argv(), x.argvTruncated(), x.cwd(), x.tty(),
                    x.parentEntityId(), x.success(), p);
        } else if (e instanceof ProcessExit x) {
            return new ProcessExit(x.id(), t, x.host(), a, x.exitCode(), p);
        }
        OtherRecord o = (OtherRecord) e;
        return new OtherRecord(o.id(), t, o.host(), a, o.type() == null ? "" : o.type(), o.summary(), o.fields(), p);
    }

    /** What every event has. */
    private record Head(long id, Instant time, String host, Actor actor, Provenance provenance) {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("/srv/a b/Übersicht.docx", "/usr/bin/openssl", "", "\u202e", "a\u0000b"));
        Arbitrary<String> maybe = Arbitraries.oneOf(text, Arbitraries.just((String) null));
        Arbitrary<Long> ids = Arbitraries.longs().between(-5, 1L << 40);
        Arbitrary<Instant> times = Arbitraries.longs().between(-2_000_000_000_000L, 4_000_000_000_000L)
                .map(ms -> Instant.ofEpochMilli(ms).plusNanos(Math.floorMod(ms, 997) * 1000 + Math.floorMod(ms, 7)));
        Arbitrary<Actor> actors = Combinators.combine(Arbitraries.integers().between(-1, 4_194_304),
                        Arbitraries.integers().between(-1, 4_194_304), maybe, maybe,
                        Arbitraries.longs().between(-1, 5000), maybe, maybe, maybe)
                .as((pid, ppid, exe, comm, uid, user, login, entity) -> new Actor(pid, ppid, exe, comm,
                        new Credentials(uid, uid == 0 ? 0 : uid + 1, uid, uid == -1 ? -1 : 1000, uid, user, login),
                        entity));
        Arbitrary<Actor> actor = Arbitraries.oneOf(Arbitraries.just((Actor) null), Arbitraries.just(Actor.NONE),
                actors, actors, actors);
        Arbitrary<String> nativeIds = Arbitraries.oneOf(maybe, Arbitraries.longs().between(0, 1L << 34)
                .map(n -> n / 1000 + "." + String.format("%03d", n % 1000) + ":" + n));
        Arbitrary<Provenance> prov = Arbitraries.oneOf(Arbitraries.just((Provenance) null),
                Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.longs().between(0, 1L << 33),
                        Arbitraries.longs().between(0, 1L << 40), nativeIds).as(Provenance::new));
        Arbitrary<Head> heads = Combinators.combine(ids, times, maybe, actor, prov).as(Head::new);
        Arbitrary<Event> fileOps = Combinators.combine(heads, Arbitraries.of(FileOpKind.class), maybe, maybe,
                        Arbitraries.integers())
                .as((h, kind, path, target, flags) -> new FileOp(h.id(), h.time(), h.host(), h.actor(), kind, path,
                        target, flags, flags % 0777, flags % 2 == 0, flags * 31L, flags % 5 == 0 ? new ContentHint(
                        flags % 10 == 0 ? null : flags / 7.0, path, target, h.host()) : null, h.provenance()));
        Arbitrary<Event> execs = Combinators.combine(heads, text.list().ofMaxSize(5), maybe, maybe,
                        Arbitraries.integers().between(0, 3))
                .as((h, argv, cwd, tty, bits) -> new ProcessExec(h.id(), h.time(), h.host(), h.actor(), argv,
                        (bits & 1) != 0, cwd, tty, cwd == null ? null : "parent-" + cwd, (bits & 2) != 0,
                        h.provenance()));
        Arbitrary<Event> exits = Combinators.combine(heads, Arbitraries.integers().injectNull(0.3))
                .as((h, code) -> new ProcessExit(h.id(), h.time(), h.host(), h.actor(), code, h.provenance()));
        Arbitrary<Event> others = Combinators.combine(heads, maybe, maybe,
                        Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), text).ofMaxSize(5))
                .as((h, type, summary, fields) -> new OtherRecord(h.id(), h.time(), h.host(), h.actor(), type, summary,
                        Map.copyOf(fields), h.provenance()));
        // ids unique, as in the events table
        return Arbitraries.oneOf(fileOps, execs, exits, others).list().ofMaxSize(150).uniqueElements(Event::id);
    }
}
