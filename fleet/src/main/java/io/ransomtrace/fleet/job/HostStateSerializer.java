package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * How Flink stores a {@link HostState}: as the bytes of its frozen form (the engine's versioned detector
 * snapshot inside). With the heap state backend the live objects stay in memory and are written only for a
 * checkpoint; reading gives a frozen state that the job thaws, with its profile, on first use. No Kryo, no Java
 * serialization.
 */
public final class HostStateSerializer extends TypeSerializer<HostState> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<HostState> duplicate() {
        return this; // stateless
    }

    @Override
    public HostState createInstance() {
        return null;
    }

    /**
     * A copy for the heap backend's copy-on-write during an asynchronous checkpoint: the frozen form, which the
     * task thaws when it next touches the host, while the checkpoint writes the original.
     */
    @Override
    public HostState copy(HostState from) {
        return from == null ? null : HostState.copyOf(from);
    }

    @Override
    public HostState copy(HostState from, HostState reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(HostState record, DataOutputView target) throws IOException {
        byte[] bytes = record.freeze();
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public HostState deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return HostState.frozen(bytes);
    }

    @Override
    public HostState deserialize(HostState reuse, DataInputView source) throws IOException {
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
    public TypeSerializerSnapshot<HostState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: the layout version lives in the bytes. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<HostState> {
        public Snapshot() {
            super(HostStateSerializer::new);
        }
    }
}
