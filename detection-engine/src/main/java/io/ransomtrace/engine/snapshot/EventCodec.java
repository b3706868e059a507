package io.ransomtrace.engine.snapshot;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events of the model, field by field: the detector's reorder buffer holds a few seconds of them, and a stream
 * processor moving events between machines needs the same encoding.
 */
public final class EventCodec {
    private static final int FILE_OP = 1;
    private static final int EXEC = 2;
    private static final int EXIT = 3;
    private static final int OTHER = 4;

    private EventCodec() {
    }

    public static void write(SnapshotWriter w, Event e) throws IOException {
        if (e instanceof FileOp op) {
            w.writeByte(FILE_OP);
            common(w, op.id(), op.time(), op.host(), op.actor(), op.provenance());
            w.writeEnum(op.kind());
            w.writeString(op.path());
            w.writeString(op.targetPath());
            w.writeInt(op.openFlags());
            w.writeInt(op.mode());
            w.writeBoolean(op.success());
            w.writeLong(op.inode());
            ContentHint h = op.contentHint();
            w.writeBoolean(h != null);
            if (h != null) {
                w.writeBoolean(h.entropy() != null);
                if (h.entropy() != null) {
                    w.writeDouble(h.entropy());
                }
                w.writeString(h.headerBytesHex());
                w.writeString(h.originalExtension());
                w.writeString(h.textExcerpt());
            }
        } else if (e instanceof ProcessExec x) {
            w.writeByte(EXEC);
            common(w, x.id(), x.time(), x.host(), x.actor(), x.provenance());
            w.writeStrings(x.argv());
            w.writeBoolean(x.argvTruncated());
            w.writeString(x.cwd());
            w.writeString(x.tty());
            w.writeString(x.parentEntityId());
            w.writeBoolean(x.success());
        } else if (e instanceof ProcessExit x) {
            w.writeByte(EXIT);
            common(w, x.id(), x.time(), x.host(), x.actor(), x.provenance());
            w.writeBoolean(x.exitCode() != null);
            if (x.exitCode() != null) {
                w.writeInt(x.exitCode());
            }
        } else if (e instanceof OtherRecord o) {
            w.writeByte(OTHER);
            common(w, o.id(), o.time(), o.host(), o.actor(), o.provenance());
            w.writeString(o.type());
            w.writeString(o.summary());
            w.writeInt(o.fields().size());
            for (Map.Entry<String, String> f : o.fields().entrySet()) {
                w.writeString(f.getKey());
                w.writeString(f.getValue());
            }
        } else {
            throw new IllegalArgumentException("not an event of the model: " + e);
        }
    }

    public static Event read(SnapshotReader r) throws IOException {
        int kind = r.readByte();
        long id = r.readLong();
        Instant time = r.readInstant();
        String host = r.readString();
        Actor actor = readActor(r);
        Provenance provenance = readProvenance(r);
        switch (kind) {
            case FILE_OP -> {
                FileOpKind opKind = r.readEnum(FileOpKind.values());
                String path = r.readString();
                String target = r.readString();
                int flags = r.readInt();
                int mode = r.readInt();
                boolean success = r.readBoolean();
                long inode = r.readLong();
                ContentHint hint = null;
                if (r.readBoolean()) {
                    Double entropy = r.readBoolean() ? r.readDouble() : null;
                    hint = new ContentHint(entropy, r.readString(), r.readString(), r.readString());
                }
                return new FileOp(id, time, host, actor, opKind, path, target, flags, mode, success, inode, hint,
                        provenance);
            }
            case EXEC -> {
                return new ProcessExec(id, time, host, actor, r.readStringList(), r.readBoolean(), r.readString(),
                        r.readString(), r.readString(), r.readBoolean(), provenance);
            }
            case EXIT -> {
                Integer code = r.readBoolean() ? r.readInt() : null;
                return new ProcessExit(id, time, host, actor, code, provenance);
            }
            case OTHER -> {
                String type = r.readString();
                String summary = r.readString();
                int n = r.readLength();
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    fields.put(r.readString(), r.readString());
                }
                return new OtherRecord(id, time, host, actor, type, summary, fields, provenance);
            }
            default -> throw new SnapshotFormatException("corrupt snapshot: event kind " + kind);
        }
    }

    private static void common(SnapshotWriter w, long id, Instant time, String host, Actor actor, Provenance p)
            throws IOException {
        w.writeLong(id);
        w.writeInstant(time);
        w.writeString(host);
        writeActor(w, actor);
        w.writeBoolean(p != null);
        if (p != null) {
            w.writeInt(p.sourceId());
            w.writeLong(p.line());
            w.writeLong(p.byteOffset());
            w.writeString(p.nativeId());
        }
    }

    private static void writeActor(SnapshotWriter w, Actor a) throws IOException {
        if (a == null) {
            w.writeByte(0);
            return;
        }
        if (a == Actor.NONE) {
            w.writeByte(1);
            return;
        }
        w.writeByte(2);
        w.writeInt(a.pid());
        w.writeInt(a.ppid());
        w.writeString(a.exe());
        w.writeString(a.comm());
        w.writeCredentials(a.credentials());
        w.writeString(a.entityId());
    }

    private static Actor readActor(SnapshotReader r) throws IOException {
        int tag = r.readByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> Actor.NONE;
            case 2 -> new Actor(r.readInt(), r.readInt(), r.readString(), r.readString(), r.readCredentials(),
                    r.readString());
            default -> throw new SnapshotFormatException("corrupt snapshot: actor tag " + tag);
        };
    }

    private static Provenance readProvenance(SnapshotReader r) throws IOException {
        if (!r.readBoolean()) {
            return null;
        }
        return new Provenance(r.readInt(), r.readLong(), r.readLong(), r.readString());
    }
}
