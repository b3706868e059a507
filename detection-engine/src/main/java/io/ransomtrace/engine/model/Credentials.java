package io.ransomtrace.engine.model;

/**
 * Who a process runs as, and which human logged in behind it. Numeric ids are {@link #UNSET} when the
 * telemetry does not carry them (auditd writes 4294967295 or -1 for an unset login uid).
 *
 * @param uid       real user id
 * @param euid      effective user id
 * @param gid       real group id
 * @param loginUid  audit login uid (auid): the human who logged in, unchanged across sudo and su
 * @param session   audit session id
 * @param user      user name when the source resolved it (enriched auditd, ECS), else null
 * @param loginUser login user name when the source resolved it, else null
 */
public record Credentials(long uid, long euid, long gid, long loginUid, long session, String user, String loginUser) {

    public static final long UNSET = -1;

    public static final Credentials UNKNOWN = new Credentials(UNSET, UNSET, UNSET, UNSET, UNSET, null, null);

    public boolean hasLoginUid() {
        return loginUid != UNSET;
    }

    /** Maps auditd's "unset" spellings (4294967295, -1) to {@link #UNSET}. */
    public static long normalizeId(long raw) {
        return raw == 4294967295L || raw < 0 ? UNSET : raw;
    }
}
