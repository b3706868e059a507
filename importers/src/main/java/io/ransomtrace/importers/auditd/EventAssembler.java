package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.snapshot.SnapshotFormatException;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/**
 * Groups records into kernel events by (node, time, serial), the way auditd's own reassembly does: records of
 * different events may interleave and arrive out of order, EOE may be missing, serials have gaps and wrap past
 * 4294967295 (the time stamp in the key keeps wrapped serials apart).
 *
 * <p>An event is complete on its EOE record; a user-space message (LOGIN, USER_*, SERVICE_START…) when the
 * next record belongs to another event (the kernel may attach SYSCALL records to it, which then come right
 * after it and end with EOE); any event when it has to make room. Memory is bounded: at most {@code maxPendingEvents} events and
 * {@code maxPendingBytes} of record text wait at any time, an event that received no record during the last
 * {@code maxRecordGap} records read is flushed (out-of-order records of one event sit close together in the
 * file, however far apart in time), and an event reaching {@code maxRecordsPerEvent} records is flushed as
 * it is; its further records are reported as {@link Listener#beyondCap} (the importer quarantines them, saying
 * so). Any other record arriving after its event was flushed starts a new event; nothing is dropped.
 */
final class EventAssembler {

    interface Listener {
        void completed(List<AuditRecord> records);

        /**
         * A record of an event that already reached {@code maxRecordsPerEvent} records and was handed on: it is
         * not part of the event. By default it is handed on as an event of its own record.
         */
        default void beyondCap(AuditRecord record, int maxRecordsPerEvent) {
            completed(List.of(record));
        }
    }

    /** How many capped events are remembered, so their further records are recognised (few events are that big). */
    private static final int CAPPED_REMEMBERED = 64;

    /** User-space message types (1100-1299, 2100-2999): usually a single record. */
    private static final Set<String> STANDALONE = Set.of(
            "USER_AUTH", "USER_ACCT", "USER_MGMT", "CRED_ACQ", "CRED_DISP", "USER_START", "USER_END",
            "USER_AVC", "USER_CHAUTHTOK", "USER_ERR", "CRED_REFR", "USYS_CONFIG", "USER_LOGIN", "USER_LOGOUT",
            "ADD_USER", "DEL_USER", "ADD_GROUP", "DEL_GROUP", "DAC_CHECK", "CHGRP_ID", "TEST", "TRUSTED_APP",
            "USER_SELINUX_ERR", "USER_CMD", "USER_TTY", "CHUSER_ID", "GRP_AUTH", "SYSTEM_BOOT",
            "SYSTEM_SHUTDOWN", "SYSTEM_RUNLEVEL", "SERVICE_START", "SERVICE_STOP", "GRP_MGMT", "GRP_CHAUTHTOK",
            "MAC_CHECK", "ACCT_LOCK", "ACCT_UNLOCK", "USER_DEVICE", "SOFTWARE_UPDATE", "DAEMON_START",
            "DAEMON_END", "DAEMON_ABORT", "DAEMON_CONFIG", "DAEMON_RECONFIG", "DAEMON_ROTATE", "DAEMON_RESUME",
            "DAEMON_ACCEPT", "DAEMON_CLOSE", "DAEMON_ERR", "ANOM_LOGIN_FAILURES", "ANOM_LOGIN_TIME",
            "ANOM_LOGIN_SESSIONS", "ANOM_LOGIN_ACCT", "ANOM_LOGIN_LOCATION", "ANOM_MAX_DAC", "ANOM_MAX_MAC",
            "ANOM_AMTU_FAIL", "ANOM_RBAC_FAIL", "ANOM_RBAC_INTEGRITY_FAIL", "ANOM_CRYPTO_FAIL",
            "ANOM_ACCESS_FS", "ANOM_EXEC", "ANOM_MK_EXEC", "ANOM_ADD_ACCT", "ANOM_DEL_ACCT", "ANOM_MOD_ACCT",
            "ANOM_ROOT_TRANS", "ANOM_LOGIN_SERVICE", "ANOM_LOGIN_ROOT", "ANOM_ORIGIN_FAILURES",
            "ANOM_SESSION", "RESP_ANOMALY", "RESP_ALERT", "RESP_KILL_PROC", "RESP_TERM_ACCESS",
            "RESP_ACCT_REMOTE", "RESP_ACCT_LOCK_TIMED", "RESP_ACCT_UNLOCK_TIMED", "RESP_ACCT_LOCK",
            "RESP_TERM_LOCK", "RESP_SEBOOL", "RESP_EXEC", "RESP_SINGLE", "RESP_HALT", "RESP_ORIGIN_BLOCK",
            "RESP_ORIGIN_BLOCK_TIMED", "USER_ROLE_CHANGE", "ROLE_ASSIGN", "ROLE_REMOVE", "LABEL_OVERRIDE",
            "LABEL_LEVEL_CHANGE", "USER_LABELED_EXPORT", "USER_UNLABELED_EXPORT", "DEV_ALLOC", "DEV_DEALLOC",
            "FS_RELABEL", "USER_MAC_POLICY_LOAD", "ROLE_MODIFY", "USER_MAC_CONFIG_CHANGE",
            "USER_MAC_STATUS", "CRYPTO_TEST_USER", "CRYPTO_PARAM_CHANGE_USER", "CRYPTO_LOGIN",
            "CRYPTO_LOGOUT", "CRYPTO_KEY_USER", "CRYPTO_FAILURE_USER", "CRYPTO_REPLAY_USER",
            "CRYPTO_SESSION", "CRYPTO_IKE_SA", "CRYPTO_IPSEC_SA", "VIRT_CONTROL", "VIRT_RESOURCE",
            "VIRT_MACHINE_ID", "VIRT_INTEGRITY_CHECK", "VIRT_CREATE", "VIRT_DESTROY", "VIRT_MIGRATE_IN",
            "VIRT_MIGRATE_OUT");

    private record Key(String node, long seconds, int millis, long serial) {
        static Key of(AuditRecord r) {
            return new Key(r.node, r.seconds, r.millis, r.serial);
        }
    }

    private static final class Pending {
        final Key key;
        final List<AuditRecord> records = new ArrayList<>(8);
        long lastSeq;
        long bytes;
        boolean complete;
        /** A user-space message so far alone: complete as soon as a record of another event arrives. */
        boolean userMessage;

        Pending(Key key) {
            this.key = key;
        }
    }

    private final Listener listener;
    private final int maxPendingEvents;
    private final long maxPendingBytes;
    private final int maxRecordsPerEvent;
    private final long maxRecordGap;
    private final HashMap<Key, Pending> pending = new HashMap<>(256);
    /** In order of each event's first record: events are handed on in that order, so output follows the log. */
    private final ArrayDeque<Pending> order = new ArrayDeque<>(256);
    private final java.util.LinkedHashSet<Key> capped = new java.util.LinkedHashSet<>();
    private long pendingBytes;
    private long seq;
    private Pending last;
    private Key lastKey;

    EventAssembler(Listener listener, int maxPendingEvents, long maxPendingBytes, int maxRecordsPerEvent,
                   long maxRecordGap) {
        this.listener = listener;
        this.maxPendingEvents = maxPendingEvents;
        this.maxPendingBytes = maxPendingBytes;
        this.maxRecordsPerEvent = maxRecordsPerEvent;
        this.maxRecordGap = maxRecordGap;
    }

    /** Defaults: 4096 events / 32 MB waiting, 4096 records per event, flushed 2000 records after its last one. */
    static EventAssembler withDefaults(Listener listener) {
        return new EventAssembler(listener, 4096, 32L << 20, 4096, 2000);
    }

    static boolean isStandalone(String type) {
        if (STANDALONE.contains(type)) {
            return true;
        }
        if (type.startsWith("UNKNOWN[") && type.endsWith("]")) {
            try {
                int nr = Integer.parseInt(type.substring(8, type.length() - 1));
                return (nr >= 1100 && nr < 1300) || (nr >= 2100 && nr < 3000);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** The last type {@link #standalone} looked up: the parser hands out one String per type, and runs are long. */
    private String lastType;
    private boolean lastTypeStandalone;

    private boolean standalone(String type) {
        if (type != lastType) {
            lastTypeStandalone = isStandalone(type);
            lastType = type;
        }
        return lastTypeStandalone;
    }

    void add(AuditRecord r) {
        seq++;
        Pending p;
        Key key;
        if (last != null && r.sameEvent(last.records.get(0))) {
            p = last;
            key = lastKey;
        } else {
            if (last != null && last.userMessage && last.records.size() == 1) {
                last.complete = true;
            }
            key = Key.of(r);
            p = pending.get(key);
        }
        // ausearch -i prints an event's records in reverse, EOE first; its "----" separators end events instead
        boolean eoe = !r.interpreted && "EOE".equals(r.type);
        if (p == null) {
            if (!capped.isEmpty() && capped.contains(key)) {
                listener.beyondCap(r, maxRecordsPerEvent);
                return;
            }
            p = new Pending(key);
            pending.put(key, p);
            order.addLast(p);
            p.complete = eoe;
            p.userMessage = standalone(r.type);
        }
        p.records.add(r);
        p.lastSeq = seq;
        long size = r.memoryEstimate();
        p.bytes += size;
        pendingBytes += size;
        last = p;
        lastKey = key;
        if (eoe || p.records.size() >= maxRecordsPerEvent) {
            p.complete = true;
        }
        if (p.records.size() >= maxRecordsPerEvent && !eoe) {
            capped.add(key);
            if (capped.size() > CAPPED_REMEMBERED) {
                capped.remove(capped.iterator().next());
            }
        }
        drain();
    }

    /** Hands on events from the oldest: complete ones, and incomplete ones that waited too long or must make room. */
    private void drain() {
        Pending p;
        while ((p = order.peekFirst()) != null) {
            boolean tooMany = order.size() > maxPendingEvents;
            boolean tooBig = pendingBytes > maxPendingBytes;
            boolean tooOld = p.lastSeq < seq - maxRecordGap;
            if (!p.complete && !tooMany && !tooBig && !tooOld) {
                return;
            }
            order.pollFirst();
            pending.remove(p.key);
            pendingBytes -= p.bytes;
            if (last == p) {
                last = null;
                lastKey = null;
            }
            listener.completed(p.records);
        }
    }

    /** Hands on every waiting event, oldest first (end of input, or an ausearch "----" separator). */
    void flushAll() {
        List<Pending> all = new ArrayList<>(order);
        order.clear();
        pending.clear();
        pendingBytes = 0;
        last = null;
        lastKey = null;
        for (Pending p : all) {
            listener.completed(p.records);
        }
    }

    int pendingEvents() {
        return order.size();
    }

    /**
     * The events waiting for records, each record as its raw line (parsing it again gives the same record), with
     * the bookkeeping that decides when they are handed on.
     */
    void writeState(SnapshotWriter w) throws IOException {
        w.writeLong(seq);
        w.writeLong(pendingBytes);
        w.writeInt(order.size());
        int lastIndex = -1;
        int i = 0;
        for (Pending p : order) {
            if (p == last) {
                lastIndex = i;
            }
            i++;
            w.writeLong(p.lastSeq);
            w.writeLong(p.bytes);
            w.writeBoolean(p.complete);
            w.writeBoolean(p.userMessage);
            w.writeInt(p.records.size());
            for (AuditRecord r : p.records) {
                w.writeLong(r.line);
                w.writeLong(r.byteOffset);
                w.writeBytes(r.bytes);
            }
        }
        w.writeInt(lastIndex);
    }

    void readState(SnapshotReader r, AuditLineParser parser) throws IOException {
        if (!order.isEmpty()) {
            throw new IllegalStateException("restore into a fresh assembler only");
        }
        seq = r.readLong();
        pendingBytes = r.readLong();
        int n = r.readLength();
        Pending[] byIndex = new Pending[n];
        for (int i = 0; i < n; i++) {
            long lastSeq = r.readLong();
            long bytes = r.readLong();
            boolean complete = r.readBoolean();
            boolean userMessage = r.readBoolean();
            int records = r.readLength();
            Pending p = null;
            for (int j = 0; j < records; j++) {
                long line = r.readLong();
                long offset = r.readLong();
                byte[] raw = r.readBytes();
                AuditRecord rec = parser.parse(raw, 0, raw.length, line, offset);
                if (rec == null) {
                    throw new SnapshotFormatException("a waiting audit record no longer parses: " + parser.error());
                }
                rec.fields(); // parsed as when it was read, so its memory estimate is the same
                if (p == null) {
                    p = new Pending(Key.of(rec));
                }
                p.records.add(rec);
            }
            if (p == null) {
                throw new SnapshotFormatException("corrupt snapshot: a waiting event without records");
            }
            p.lastSeq = lastSeq;
            p.bytes = bytes;
            p.complete = complete;
            p.userMessage = userMessage;
            pending.put(p.key, p);
            order.addLast(p);
            byIndex[i] = p;
        }
        int lastIndex = r.readInt();
        if (lastIndex >= n) {
            throw new SnapshotFormatException("corrupt snapshot: last waiting event #" + lastIndex);
        }
        last = lastIndex < 0 ? null : byIndex[lastIndex];
        lastKey = last == null ? null : last.key;
    }
}
