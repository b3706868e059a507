package io.ransomtrace.importers.csv;

import io.ransomtrace.engine.model.FileOpKind;

import java.util.Locale;

/** What a value of the action column means. YAML spells them in lower kebab case ({@code file-rename}). */
public enum CsvOperation {
    PROCESS_START(null),
    PROCESS_END(null),
    FILE_CREATE(FileOpKind.CREATE),
    FILE_WRITE(FileOpKind.WRITE),
    FILE_TRUNCATE(FileOpKind.TRUNCATE),
    FILE_RENAME(FileOpKind.RENAME),
    FILE_DELETE(FileOpKind.DELETE),
    FILE_CHMOD(FileOpKind.CHMOD),
    FILE_CHOWN(FileOpKind.CHOWN),
    FILE_LINK(FileOpKind.LINK),
    DIRECTORY_CREATE(FileOpKind.MKDIR),
    DIRECTORY_DELETE(FileOpKind.RMDIR),
    /** Kept as an OtherRecord. */
    OTHER(null);

    private final FileOpKind fileOpKind;

    CsvOperation(FileOpKind fileOpKind) {
        this.fileOpKind = fileOpKind;
    }

    /** The file operation kind, or null for process events and OTHER. */
    public FileOpKind fileOpKind() {
        return fileOpKind;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CsvOperation ofKey(String key) {
        String k = key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CsvOperation o : values()) {
            if (o.name().equals(k)) {
                return o;
            }
        }
        return null;
    }
}
