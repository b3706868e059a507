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

    /**
     * Ids at or above this stand for an account known by name only ({@code ausearch -i} prints {@code auid=alice},
     * never the number): the same name gives the same id, so who is who can still be compared, but the number means
     * nothing and is never shown ({@link #shownId}). Real ids stop at 2^32 - 2.
     */
    public static final long NAME_ONLY_BASE = 1L << 40;

    /** The stand-in id of an account known by name only (root is 0 on every host). */
    public static long nameOnlyId(String name) {
        return name.equals("root") ? 0 : NAME_ONLY_BASE | (name.hashCode() & 0xffffffffL);
    }

    /** The id as an analyst may read it: null when unset or a stand-in for a name. */
    public static Long shownId(long id) {
        return id == UNSET || id >= NAME_ONLY_BASE ? null : id;
    }

    /** Maps auditd's "unset" spellings (4294967295, -1) to {@link #UNSET}. */
    public static long normalizeId(long raw) {
        return raw == 4294967295L || raw < 0 ? UNSET : raw;
    }
}
