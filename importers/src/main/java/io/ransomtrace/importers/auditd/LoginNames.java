package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Account names a raw log tells about itself. A raw audit.log has numbers only (uid=1101), but its login records
 * name the account that logged in: the kernel's LOGIN record gives a new session its login uid, and the PAM
 * session that opens for that same session names the account (USER_START acct="alice"); sshd's USER_LOGIN gives
 * the uid and the account together (id=1000 acct="alice"). Learned per host as the log is read, and used for
 * the processes that run afterwards, so an analyst reads "alice" instead of "uid 1101".
 *
 * <p>Only a session's first PAM session counts: inside a login, {@code su} or {@code sudo} open PAM sessions for
 * another account under the same login uid (which never changes after login), and must not rename it.
 * uid 0 is root on every host. Names the log carries itself (ENRICHED, {@code ausearch -i}) are never replaced.
 *
 * <p>One instance per rotated set of a run ({@link NamesByLogSet}). Not thread-safe.
 */
final class LoginNames {
    /** Caps on what is remembered per host, so that memory stays bounded on any log. */
    private static final int MAX_SESSIONS = 100_000;
    private static final int MAX_NAMES = 100_000;

    private final Map<String, Map<Long, Long>> loginUidBySession = new HashMap<>();
    private final Map<String, Map<Long, String>> nameById = new HashMap<>();

    /** Learns from a record that is not part of a syscall event; ignores everything but logins. */
    void observe(String host, AuditRecord r) {
        // by type first: this sees every record, and most are not logins (their fields stay unparsed here)
        switch (r.type) {
            case "LOGIN" -> {
                AuditFields f = r.fields();
                long auid = EventMapper.id(f, "auid");
                long ses = EventMapper.id(f, "ses");
                if (auid != Credentials.UNSET && ses != Credentials.UNSET && !f.valueIs("res", "0")) {
                    Map<Long, Long> sessions = loginUidBySession.computeIfAbsent(host, h -> new HashMap<>());
                    if (sessions.size() >= MAX_SESSIONS) {
                        sessions.clear();
                    }
                    sessions.put(ses, auid);
                }
            }
            case "USER_START" -> {
                AuditFields f = r.fields();
                String acct = account(f);
                long auid = EventMapper.id(f, "auid");
                long ses = EventMapper.id(f, "ses");
                Map<Long, Long> sessions = loginUidBySession.get(host);
                // the session was just given this login uid, and this is its first PAM session
                if (acct != null && sessions != null && ses != Credentials.UNSET
                        && Long.valueOf(auid).equals(sessions.remove(ses))) {
                    learn(host, auid, acct);
                }
            }
            case "USER_LOGIN" -> {
                AuditFields f = r.fields();
                String acct = account(f);
                long uid = EventMapper.id(f, "id");
                if (acct != null && uid != Credentials.UNSET) {
                    learn(host, uid, acct);
                }
            }
            default -> {
            }
        }
    }

    /** The actor with the names of its uid and login uid filled in where the log left them out. */
    Actor named(String host, Actor a) {
        Credentials c = a.credentials();
        String user = c.user() != null ? c.user() : name(host, c.uid());
        String loginUser = c.loginUser() != null ? c.loginUser() : name(host, c.loginUid());
        if (user == c.user() && loginUser == c.loginUser()) {
            return a;
        }
        return new Actor(a.pid(), a.ppid(), a.exe(), a.comm(), new Credentials(c.uid(), c.euid(), c.gid(),
                c.loginUid(), c.session(), user, loginUser), a.entityId());
    }

    private String name(String host, long id) {
        if (id == 0) {
            return "root";
        }
        if (id == Credentials.UNSET) {
            return null;
        }
        Map<Long, String> names = nameById.get(host);
        return names == null ? null : names.get(id);
    }

    private void learn(String host, long id, String acct) {
        if (id == 0 || id == Credentials.UNSET) {
            return;
        }
        Map<Long, String> names = nameById.computeIfAbsent(host, h -> new HashMap<>());
        if (names.size() < MAX_NAMES || names.containsKey(id)) {
            names.put(id, acct);
        }
    }

    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(loginUidBySession.size());
        for (Map.Entry<String, Map<Long, Long>> host : loginUidBySession.entrySet()) {
            w.writeString(host.getKey());
            w.writeInt(host.getValue().size());
            for (Map.Entry<Long, Long> e : host.getValue().entrySet()) {
                w.writeLong(e.getKey());
                w.writeLong(e.getValue());
            }
        }
        w.writeInt(nameById.size());
        for (Map.Entry<String, Map<Long, String>> host : nameById.entrySet()) {
            w.writeString(host.getKey());
            w.writeInt(host.getValue().size());
            for (Map.Entry<Long, String> e : host.getValue().entrySet()) {
                w.writeLong(e.getKey());
                w.writeString(e.getValue());
            }
        }
    }

    void readState(SnapshotReader r) throws IOException {
        int hosts = r.readLength();
        for (int h = 0; h < hosts; h++) {
            Map<Long, Long> sessions = loginUidBySession.computeIfAbsent(r.readString(), k -> new HashMap<>());
            int n = r.readLength();
            for (int i = 0; i < n; i++) {
                sessions.put(r.readLong(), r.readLong());
            }
        }
        hosts = r.readLength();
        for (int h = 0; h < hosts; h++) {
            Map<Long, String> names = nameById.computeIfAbsent(r.readString(), k -> new HashMap<>());
            int n = r.readLength();
            for (int i = 0; i < n; i++) {
                names.put(r.readLong(), r.readString());
            }
        }
    }

    /** The account of a successful login record, or null. */
    private static String account(AuditFields f) {
        if (!f.valueIs("res", "success")) {
            return null;
        }
        String acct = f.decoded("acct");
        if (acct == null || acct.isEmpty() || acct.equals("?") || acct.startsWith("(")) {
            return null; // "(unknown)", "(invalid user)"
        }
        return acct;
    }
}
