package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How a {@link LineBatch} crosses the keyed exchange: host and file as UTF-8, then per line its offset, times and
 * bytes. Written by hand because Flink's POJO serializer reads and writes fields by reflection and strings a char
 * at a time, which cost more than the detector's own work per line. A batch is never changed once emitted, so a
 * copy is the batch itself.
 */
public final class LineBatchSerializer extends TypeSerializer<LineBatch> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<LineBatch> duplicate() {
        return this; // stateless
    }

    @Override
    public LineBatch createInstance() {
        return null;
    }

    @Override
    public LineBatch copy(LineBatch from) {
        return from;
    }

    @Override
    public LineBatch copy(LineBatch from, LineBatch reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(LineBatch b, DataOutputView out) throws IOException {
        writeString(out, b.host);
        out.writeInt(b.partition);
        out.writeBoolean(b.source != null);
        if (b.source != null) {
            writeString(out, b.source);
        }
        out.writeInt(b.size());
        for (int i = 0; i < b.size(); i++) {
            byte[] line = b.line(i);
            out.writeLong(b.offset(i));
            out.writeLong(b.eventMillis(i));
            out.writeLong(b.ingestMillis(i));
            out.writeInt(line.length);
            out.write(line);
        }
    }

    @Override
    public LineBatch deserialize(DataInputView in) throws IOException {
        String host = readString(in);
        int partition = in.readInt();
        String source = in.readBoolean() ? readString(in) : null;
        int n = in.readInt();
        LineBatch b = new LineBatch(host, partition, source, n);
        for (int i = 0; i < n; i++) {
            long offset = in.readLong();
            long eventMillis = in.readLong();
            long ingestMillis = in.readLong();
            byte[] line = new byte[in.readInt()];
            in.readFully(line);
            b.add(line, eventMillis, ingestMillis, offset);
        }
        return b;
    }

    @Override
    public LineBatch deserialize(LineBatch reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    private static void writeString(DataOutputView out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputView in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof LineBatchSerializer;
    }

    @Override
    public int hashCode() {
        return LineBatchSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<LineBatch> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LineBatch> {
        public Snapshot() {
            super(LineBatchSerializer::new);
        }
    }
}
