package io.ransomtrace.engine.finding;

/**
 * How the originals were treated, which decides what must be restored from backup: overwritten where they
 * lay, replaced by a new (encrypted) file and deleted, or only renamed.
 */
public enum OverwriteKind {
    IN_PLACE("in-place"),
    NEW_FILE_THEN_DELETE("new-file-then-delete"),
    /** Read into an encrypted archive (7z -p, zip -e, gpgtar, tar | gpg) and then deleted: held hostage in it. */
    ARCHIVED_THEN_DELETED("archived-then-deleted"),
    RENAME_ONLY("rename-only"),
    NONE("none");

    private final String label;

    OverwriteKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
