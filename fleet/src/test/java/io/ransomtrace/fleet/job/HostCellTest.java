package io.ransomtrace.fleet.job;

import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.QuarantinedRecord;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a checkpoint writes of a host through {@link HostStateSerializer}: a host that did nothing since its last
 * checkpoint is written from the bytes it remembers, which are exactly a fresh serialisation of it; a host that
 * changed is serialised again; a copy made for the heap backend's copy-on-write goes on with the live objects
 * while the checkpoint writes the host as it was at the copy; and restoring any of those bytes carries on to the
 * same findings as a run that never stopped.
 */
class HostCellTest {
    private static final Profile PROFILE = Profile.defaults();
    private static final HostStateSerializer SERIALIZER = new HostStateSerializer();

    private static final class Out implements HostState.Emitter {
        final List<String> findings = new ArrayList<>();

        @Override
        public void finding(FindingJson.FleetFinding finding) {
            findings.add(FindingJson.message(finding));
        }

        @Override
        public void unreadable(String source, QuarantinedRecord record) {
        }
    }

    /** What Flink's heap backend writes of the cell into a checkpoint. */
    private static byte[] checkpoint(HostCell cell) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        SERIALIZER.serialize(cell, out);
        return out.getCopyOfBuffer();
    }

    private static HostCell restore(byte[] checkpoint) throws Exception {
        return SERIALIZER.deserialize(new DataInputDeserializer(checkpoint));
    }

    /** The lines [from, to) fed to the cell's host as the job does: opened, then changed. */
    private static HostState feed(HostCell cell, List<byte[]> lines, int from, int to, Out out) {
        HostState h = cell.open(PROFILE, Allowlist.empty(), 0);
        h.attach(out);
        for (int i = from; i < to; i++) {
            h.line(lines.get(i), EventTimes.of(lines.get(i)), 0, 0, i, "audit.log");
        }
        return h;
    }

    private static List<String> finish(HostCell cell, Out out) {
        HostState h = cell.open(PROFILE, Allowlist.empty(), 0);
        h.attach(out);
        h.endOfInput();
        return out.findings;
    }

    private static List<String> uninterrupted(List<byte[]> lines) {
        Out out = new Out();
        HostCell cell = HostCell.of(HostState.fresh("fs01", 64, PROFILE, Allowlist.empty()));
        feed(cell, lines, 0, lines.size(), out);
        return finish(cell, out);
    }

    @Test
    void aHostThatDidNothingSinceItsLastCheckpointIsWrittenFromTheSameBytesAFreshSerialisationGives() throws Exception {
        List<byte[]> lines = HostStateTest.lines("attack-openssl-find");
        Out out = new Out();
        HostCell cell = HostCell.of(HostState.fresh("fs01", 64, PROFILE, Allowlist.empty()));
        HostState live = feed(cell, lines, 0, 800, out);

        byte[] first = checkpoint(cell);
        assertThat(cell.hasBytes()).as("remembered after the first checkpoint").isTrue();
        byte[] second = checkpoint(cell);
        assertThat(second).isEqualTo(first);
        assertThat(restore(second).bytes()).as("the host's bytes in the checkpoint").isEqualTo(live.toBytes());
        // restored from either checkpoint, the host carries on to the findings of a run that never stopped
        for (byte[] checkpoint : List.of(first, second)) {
            Out resumed = new Out();
            resumed.findings.addAll(out.findings);
            HostCell back = restore(checkpoint);
            feed(back, lines, 800, lines.size(), resumed);
            assertThat(finish(back, resumed)).isEqualTo(uninterrupted(lines));
        }
    }

    @Test
    void aHostChangedAfterACheckpointIsSerialisedAgain() throws Exception {
        List<byte[]> lines = HostStateTest.lines("attack-openssl-find");
        Out out = new Out();
        HostCell cell = HostCell.of(HostState.fresh("fs01", 64, PROFILE, Allowlist.empty()));
        feed(cell, lines, 0, 800, out);
        byte[] before = checkpoint(cell);

        HostState live = feed(cell, lines, 800, 801, out);
        assertThat(cell.hasBytes()).as("forgotten once opened to change").isFalse();
        byte[] after = checkpoint(cell);
        assertThat(after).isNotEqualTo(before);
        assertThat(restore(after).bytes()).isEqualTo(live.toBytes());

        // opened by the job but nothing that a checkpoint holds changed (a timer that finds nothing to do):
        // serialised again, to the same bytes
        cell.open(PROFILE, Allowlist.empty(), 0);
        assertThat(checkpoint(cell)).isEqualTo(after);
    }

    /**
     * The heap backend's copy-on-write: the job touches a host a running checkpoint has still to write. The copy
     * goes on with the same live objects (nothing is thawed), the original is written as it was at the copy even
     * while the job changes the copy, and each checkpoint restores to the same findings.
     */
    @Test
    void aCopyDuringACheckpointGoesOnWithTheLiveObjectsAndTheCheckpointWritesTheHostAsItWas() throws Exception {
        List<byte[]> lines = HostStateTest.lines("attack-openssl-find");
        List<String> whole = uninterrupted(lines);
        Out out = new Out();
        HostCell cell = HostCell.of(HostState.fresh("fs01", 64, PROFILE, Allowlist.empty()));
        HostState live = feed(cell, lines, 0, 1, out);
        List<byte[]> checkpoints = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 700) {
            HostCell original = cell;
            byte[] asItWas = live.toBytes();
            // the snapshot thread writes the original while the task thread copies it and changes the copy
            CompletableFuture<byte[]> written = CompletableFuture.supplyAsync(() -> {
                try {
                    return checkpoint(original);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            cell = SERIALIZER.copy(original);
            HostState next = feed(cell, lines, i, Math.min(lines.size(), i + 700), out);
            assertThat(next).as("the copy goes on with the live objects").isSameAs(live);
            byte[] checkpoint = written.get();
            assertThat(restore(checkpoint).bytes()).as("checkpoint at line %d", i).isEqualTo(asItWas);
            assertThat(checkpoint(original)).isEqualTo(checkpoint);
            checkpoints.add(checkpoint);
            at.add(i);
        }
        assertThat(finish(cell, out)).isEqualTo(whole);

        for (int k = 0; k < checkpoints.size(); k++) {
            Out resumed = new Out();
            HostCell back = restore(checkpoints.get(k));
            feed(back, lines, at.get(k), lines.size(), resumed);
            List<String> after = finish(back, resumed);
            assertThat(whole).as("restored at line %d", at.get(k)).endsWith(after.toArray(String[]::new));
        }
    }

    @Test
    void aCopyOfARestoredHostSharesItsBytesAndStillCountsAsRestored() throws Exception {
        List<byte[]> lines = HostStateTest.lines("attack-openssl-find");
        HostCell cell = HostCell.of(HostState.fresh("fs01", 64, PROFILE, Allowlist.empty()));
        feed(cell, lines, 0, 100, new Out()).lastArrivalWall = 5;
        HostCell restored = restore(checkpoint(cell));
        HostCell copy = SERIALIZER.copy(restored);
        assertThat(copy.bytes()).isSameAs(restored.bytes());
        assertThat(copy.open(PROFILE, Allowlist.empty(), 42).lastArrivalWall)
                .as("a host read back from a checkpoint is active as of its restore").isEqualTo(42);
    }

    /**
     * A host unchanged through two checkpoints in a row is parked: it keeps its bytes only, and thawed when it
     * next speaks it carries on to the same findings, not counted as active by the thaw (unlike a restore).
     */
    @Test
    void aHostIdleThroughTwoCheckpointsIsParkedAsItsBytesAndCarriesOnWhenItSpeaksAgain() throws Exception {
        List<byte[]> lines = HostStateTest.lines("attack-openssl-find");
        Out out = new Out();
        HostCell cell = HostCell.of(HostState.fresh("fs01", 64, PROFILE, Allowlist.empty()));
        HostState live = feed(cell, lines, 0, 800, out);
        live.lastArrivalWall = 7;
        byte[] first = checkpoint(cell);
        assertThat(checkpoint(cell)).isEqualTo(first);
        assertThat(cell.isLive()).as("one checkpoint unchanged: still live").isTrue();
        feed(cell, lines, 800, 801, out);
        byte[] changed = checkpoint(cell);
        assertThat(checkpoint(cell)).isEqualTo(changed);
        assertThat(cell.isLive()).as("unchanged once since it last changed").isTrue();
        assertThat(checkpoint(cell)).isEqualTo(changed);
        assertThat(cell.isLive()).as("unchanged twice in a row: parked").isFalse();
        assertThat(checkpoint(cell)).as("a parked host is written as the same bytes").isEqualTo(changed);

        HostState thawed = cell.open(PROFILE, Allowlist.empty(), 99);
        assertThat(thawed).isNotSameAs(live);
        assertThat(thawed.lastArrivalWall).isEqualTo(7);
        feed(cell, lines, 801, lines.size(), out);
        assertThat(finish(cell, out)).isEqualTo(uninterrupted(lines));
    }
}
