package io.ransomtrace.engine.recovery;

/** How one original can come back. */
public enum RecoveryMethod {
    /** the key is in the log and the encrypted copy is still there: the plan's script decrypts it */
    DECRYPT("decrypt", "the attacker's key is in the audit log: the plan's script decrypts these files with the "
            + "attacker's own tool"),
    /** an archiver took a copy and left the original where it was */
    INTACT("intact", "an archiver copied these files and left the originals where they were"),
    /** deleted, never overwritten: its blocks may still be on disk for a forensic undelete */
    UNDELETE_POSSIBLE("undelete-possible", "deleted and never overwritten: a forensic undelete may still find them on "
            + "disk (keep the host's disks untouched); else restore from backup"),
    /** overwritten, or encrypted with a key the log does not show */
    RESTORE_FROM_BACKUP("restore-from-backup", "overwritten, or locked with a key the log does not show: restore from "
            + "backup");

    private final String label;
    private final String meaning;

    RecoveryMethod(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** What it means, for a reader who does not know the tools (the briefing and the window say it). */
    public String meaning() {
        return meaning;
    }

    /** The name used in restore.csv and the CLI ({@code restore-from-backup}). */
    public String label() {
        return label;
    }
}
