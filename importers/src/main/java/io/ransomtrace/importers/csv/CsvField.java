package io.ransomtrace.importers.csv;

import java.util.Locale;

/** The event fields a CSV column can be mapped to. YAML spells them in lower kebab case ({@code command-line}). */
public enum CsvField {
    TIMESTAMP("when it happened (required)"),
    ACTION("what happened: its values are mapped to operations (required)"),
    HOST("host name"),
    EVENT_ID("the EDR's own id of the event (kept as provenance)"),
    PID("process id (required for process events)"),
    PPID("parent process id"),
    EXECUTABLE("absolute path of the executable"),
    PROCESS_NAME("short process name"),
    COMMAND_LINE("command line, split on spaces into argv"),
    CWD("working directory"),
    USER("user name"),
    UID("numeric user id"),
    LOGIN_USER("name of the human who logged in behind the process"),
    LOGIN_UID("numeric login (audit) user id"),
    ENTITY_ID("EDR process entity id / GUID"),
    PARENT_ENTITY_ID("EDR parent process entity id / GUID"),
    PATH("the file operated on; for a rename the new path when original-path is mapped, else the old one"),
    TARGET_PATH("the new path of a rename (when path holds the old one), or a link target"),
    ORIGINAL_PATH("the old path of a rename (ECS file.Ext.original.path)"),
    FILE_NAME("the file's name when the path column holds only its folder (Defender FileName + FolderPath)"),
    ORIGINAL_FILE_NAME("the old name of a renamed file when original-path holds only its folder"),
    OUTCOME("success/failure: failure, failed, fail, denied, false mean the operation failed"),
    EXIT_CODE("process exit code"),
    ENTROPY("entropy of the written content, bits per byte"),
    HEADER_BYTES("first bytes of the file after the write, hex"),
    ORIGINAL_EXTENSION("file extension before the operation");

    private final String meaning;

    CsvField(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** The YAML key, e.g. {@code command-line}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The field for a YAML key (kebab, snake or upper case accepted), or null. */
    public static CsvField ofKey(String key) {
        String k = key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CsvField f : values()) {
            if (f.name().equals(k)) {
                return f;
            }
        }
        return null;
    }
}
