package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;

/**
 * The kind of a stored event, with the small integer it is stored as. Codes are part of the file format: never
 * renumber them (enum ordinals would change if {@link FileOpKind} were reordered, hence explicit codes).
 */
public enum EventKind {
    CREATE(1, FileOpKind.CREATE),
    WRITE(2, FileOpKind.WRITE),
    TRUNCATE(3, FileOpKind.TRUNCATE),
    RENAME(4, FileOpKind.RENAME),
    DELETE(5, FileOpKind.DELETE),
    CHMOD(6, FileOpKind.CHMOD),
    CHOWN(7, FileOpKind.CHOWN),
    LINK(8, FileOpKind.LINK),
    MKDIR(9, FileOpKind.MKDIR),
    RMDIR(10, FileOpKind.RMDIR),
    EXEC(20, null),
    EXIT(21, null),
    OTHER(30, null);

    /** File operations have codes 1..{@value #LAST_FILE_OP_CODE}. */
    public static final int LAST_FILE_OP_CODE = 10;

    private final int code;
    private final FileOpKind fileOpKind;

    EventKind(int code, FileOpKind fileOpKind) {
        this.code = code;
        this.fileOpKind = fileOpKind;
    }

    public int code() {
        return code;
    }

    /** The file operation this kind stands for, or null for process and other events. */
    public FileOpKind fileOpKind() {
        return fileOpKind;
    }

    public boolean isFileOp() {
        return fileOpKind != null;
    }

    /** values() copies the array on every call; these run once per stored or replayed event. */
    private static final EventKind[] ALL = values();

    public static EventKind of(FileOpKind kind) {
        for (EventKind k : ALL) {
            if (k.fileOpKind == kind) {
                return k;
            }
        }
        throw new IllegalArgumentException("unmapped file operation kind " + kind);
    }

    public static EventKind of(Event event) {
        if (event instanceof FileOp f) {
            return of(f.kind());
        } else if (event instanceof ProcessExec) {
            return EXEC;
        } else if (event instanceof ProcessExit) {
            return EXIT;
        } else if (event instanceof OtherRecord) {
            return OTHER;
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass());
    }

    public static EventKind fromCode(int code) {
        for (EventKind k : ALL) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown event kind code " + code + " in case file");
    }
}
