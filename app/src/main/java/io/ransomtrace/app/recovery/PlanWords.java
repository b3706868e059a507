package io.ransomtrace.app.recovery;

import io.ransomtrace.engine.recovery.RecoveryMethod;

/** What a plan's terms mean, in words a reader who does not know the tools understands (briefing and window). */
public final class PlanWords {

    private PlanWords() {
    }

    public static String meaning(RecoveryMethod m) {
        return switch (m) {
            case DECRYPT -> "the attacker's key is in the audit log: the plan's script decrypts these files with the "
                    + "attacker's own tool";
            case INTACT -> "an archiver copied these files and left the originals where they were";
            case UNDELETE_POSSIBLE -> "deleted and never overwritten: a forensic undelete may still find them on disk "
                    + "(keep the host's disks untouched); else restore from backup";
            case RESTORE_FROM_BACKUP -> "overwritten, or locked with a key the log does not show: restore from backup";
        };
    }
}
