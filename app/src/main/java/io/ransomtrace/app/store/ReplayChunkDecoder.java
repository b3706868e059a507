package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a chunk written by {@link ReplayChunkEncoder} back into its events, in their stored order. */
final class ReplayChunkDecoder {

    /** A chunk that does not decode: the case file is damaged (the caller replays from the events table). */
    static final class DamagedChunkException extends RuntimeException {
        DamagedChunkException(String message) {
            super(message);
        }
    }

    private final byte[] b;
    private int pos;

    private ReplayChunkDecoder(byte[] b) {
        this.b = b;
    }

    /** The events of the chunk, each with its time in microseconds ({@code micros[i]} for {@code events[i]}). */
    record Decoded(Event[] events, long[] micros) {
    }

    static Decoded decode(byte[] data, int expectedEvents) {
        try {
            Decoded d = new ReplayChunkDecoder(data).read();
            if (d.events().length != expectedEvents) {
                throw new DamagedChunkException("a replay chunk holds " + d.events().length + " events, its row says "
                        + expectedEvents);
            }
            return d;
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException | NullPointerException e) {
            throw new DamagedChunkException("a replay chunk does not decode: " + e);
        }
    }

    private Decoded read() {
        int n = (int) varint();
        String[] strings = new String[(int) varint() + 1]; // [0] is null
        for (int i = 1; i < strings.length; i++) {
            int len = (int) varint();
            strings[i] = new String(b, pos, len, StandardCharsets.UTF_8);
            pos += len;
        }
        Actor[] actors = new Actor[(int) varint() + 1];
        actors[0] = Actor.NONE;
        for (int i = 1; i < actors.length; i++) {
            int pid = (int) signed();
            int ppid = (int) signed();
            String exe = strings[(int) varint()];
            String comm = strings[(int) varint()];
            Credentials c = new Credentials(signed(), signed(), signed(), signed(), signed(), strings[(int) varint()],
                    strings[(int) varint()]);
            actors[i] = new Actor(pid, ppid, exe, comm, c, strings[(int) varint()]);
        }
        Event[] events = new Event[n];
        long[] micros = new long[n];
        long id = 0;
        long t = 0;
        long line = 0;
        long offset = 0;
        long seconds = 0;
        long serial = 0;
        for (int k = 0; k < n; k++) {
            EventKind kind = EventKind.fromCode(b[pos++]);
            id += signed();
            t += signed();
            Instant time = Times.fromMicros(t);
            String host = strings[(int) varint()];
            Actor actor = actors[(int) varint()];
            int sourceId = (int) signed();
            line += signed();
            offset += signed();
            String nativeId;
            switch (b[pos++]) {
                case ReplayChunkEncoder.NATIVE_NONE -> nativeId = null;
                case ReplayChunkEncoder.NATIVE_TEXT -> nativeId = strings[(int) varint()];
                case ReplayChunkEncoder.NATIVE_AUDIT -> {
                    seconds += signed();
                    long millis = varint();
                    serial += signed();
                    nativeId = auditId(seconds, millis, serial);
                }
                default -> throw new DamagedChunkException("unknown native id tag");
            }
            Provenance prov = new Provenance(sourceId, line, offset, nativeId);
            events[k] = switch (kind) {
                case EXEC -> exec(id, time, host, actor, strings, prov);
                case EXIT -> {
                    long code = varint();
                    yield new ProcessExit(id, time, host, actor, code == 0 ? null : (int) unzigzag(code - 1), prov);
                }
                case OTHER -> other(id, time, host, actor, strings, prov);
                default -> fileOp(kind, id, time, host, actor, strings, prov);
            };
            micros[k] = t;
        }
        if (pos != b.length) {
            throw new DamagedChunkException("a replay chunk has " + (b.length - pos) + " bytes left over");
        }
        return new Decoded(events, micros);
    }

    private FileOp fileOp(EventKind kind, long id, Instant time, String host, Actor actor, String[] strings,
                          Provenance prov) {
        String path = strings[(int) varint()];
        String target = strings[(int) varint()];
        int flags = (int) signed();
        int mode = (int) signed();
        boolean success = b[pos++] != 0;
        long inode = signed();
        ContentHint hint = null;
        int tag = b[pos++];
        if (tag != 0) {
            Double entropy = tag == 2 ? Double.longBitsToDouble(fixed64()) : null;
            hint = new ContentHint(entropy, strings[(int) varint()], strings[(int) varint()], strings[(int) varint()]);
        }
        return new FileOp(id, time, host, actor, kind.fileOpKind(), path, target, flags, mode, success, inode, hint,
                prov);
    }

    private ProcessExec exec(long id, Instant time, String host, Actor actor, String[] strings, Provenance prov) {
        String[] argv = new String[(int) varint()];
        for (int i = 0; i < argv.length; i++) {
            argv[i] = strings[(int) varint()];
        }
        int bits = b[pos++];
        String cwd = strings[(int) varint()];
        String tty = strings[(int) varint()];
        String parentEntityId = strings[(int) varint()];
        return new ProcessExec(id, time, host, actor, Arrays.asList(argv), (bits & 1) != 0, cwd, tty, parentEntityId,
                (bits & 2) != 0, prov);
    }

    private OtherRecord other(long id, Instant time, String host, Actor actor, String[] strings, Provenance prov) {
        String type = strings[(int) varint()];
        String summary = strings[(int) varint()];
        int count = (int) varint();
        Map<String, String> fields = count == 0 ? Map.of() : new LinkedHashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            fields.put(strings[(int) varint()], strings[(int) varint()]);
        }
        return new OtherRecord(id, time, host, actor, type, summary, fields, prov);
    }

    /** The text auditd's importer gives an event's native id (see AuditRecord#nativeId). */
    static String auditId(long seconds, long millis, long serial) {
        StringBuilder sb = new StringBuilder(32).append(seconds).append('.');
        if (millis < 100) sb.append('0');
        if (millis < 10) sb.append('0');
        return sb.append(millis).append(':').append(serial).toString();
    }

    private long varint() {
        long v = 0;
        int shift = 0;
        while (true) {
            byte x = b[pos++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return v;
            }
            shift += 7;
            if (shift > 63) {
                throw new DamagedChunkException("a varint longer than 64 bits");
            }
        }
    }

    private long signed() {
        return unzigzag(varint());
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private long fixed64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (b[pos++] & 0xFFL) << (8 * i);
        }
        return v;
    }
}
