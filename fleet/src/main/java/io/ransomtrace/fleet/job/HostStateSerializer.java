package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * How Flink stores a host's {@link HostCell}: as the bytes of its {@link HostState}'s frozen form (the engine's
 * versioned detector snapshot inside). With the heap state backend the live objects stay in memory and are
 * written only for a checkpoint, from the bytes the cell remembers when the host did nothing since it was last
 * written; reading gives a frozen cell that the job thaws, with its profile, on first use. No Kryo, no Java
 * serialization.
 */
public final class HostStateSerializer extends TypeSerializer<HostCell> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<HostCell> duplicate() {
        return this; // stateless
    }

    @Override
    public HostCell createInstance() {
        return null;
    }

    /**
     * A copy for the heap backend's copy-on-write during an asynchronous checkpoint: the task goes on with the
     * copy (the live objects move to it), the checkpoint writes the original (now the bytes of that moment).
     */
    @Override
    public HostCell copy(HostCell from) {
        return from == null ? null : from.copy();
    }

    @Override
    public HostCell copy(HostCell from, HostCell reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(HostCell record, DataOutputView target) throws IOException {
        byte[] bytes = record.checkpointBytes();
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public HostCell deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return HostCell.restored(bytes);
    }

    @Override
    public HostCell deserialize(HostCell reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int n = source.readInt();
        target.writeInt(n);
        target.write(source, n);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof HostStateSerializer;
    }

    @Override
    public int hashCode() {
        return HostStateSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<HostCell> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: the layout version lives in the bytes. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<HostCell> {
        public Snapshot() {
            super(HostStateSerializer::new);
        }
    }
}
