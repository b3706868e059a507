package io.ransomtrace.engine.model;

/**
 * The process behind an event, as far as the event itself tells it. File events from auditd carry the whole
 * subject (pid, ppid, exe, comm, ids); EDR exports often carry only pid and executable, sometimes an entity id.
 *
 * @param pid            process id
 * @param ppid           parent process id, or -1 when unknown
 * @param exe            absolute path of the executable, or null
 * @param comm           kernel command name (up to 15 characters), or null
 * @param credentials    user and login user
 * @param entityId       a globally unique process id given by an EDR (ECS {@code process.entity_id}, Sysmon
 *                       {@code ProcessGuid}), or null
 */
public record Actor(int pid, int ppid, String exe, String comm, Credentials credentials, String entityId) {

    public Actor {
        if (credentials == null) {
            credentials = Credentials.UNKNOWN;
        }
    }

    /** For records that name no process (a daemon notice, a rule change). */
    public static final Actor NONE = new Actor(-1, -1, null, null, Credentials.UNKNOWN, null);

    public static Actor of(int pid, int ppid, String exe) {
        return new Actor(pid, ppid, exe, null, Credentials.UNKNOWN, null);
    }

    /** The executable's file name, falling back to comm. */
    public String exeName() {
        String name = ProgramName.of(exe);
        return name != null ? name : comm;
    }
}
