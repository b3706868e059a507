package io.ransomtrace.engine.recovery;

/** How one original can come back. */
public enum RecoveryMethod {
    /** the key is in the log and the encrypted copy is still there: the plan's script decrypts it */
    DECRYPT("decrypt"),
    /** an archiver took a copy and left the original where it was */
    INTACT("intact"),
    /** deleted, never overwritten: its blocks may still be on disk for a forensic undelete */
    UNDELETE_POSSIBLE("undelete-possible"),
    /** overwritten, or encrypted with a key the log does not show */
    RESTORE_FROM_BACKUP("restore-from-backup");

    private final String label;

    RecoveryMethod(String label) {
        this.label = label;
    }

    /** The name used in restore.csv and the CLI ({@code restore-from-backup}). */
    public String label() {
        return label;
    }
}
