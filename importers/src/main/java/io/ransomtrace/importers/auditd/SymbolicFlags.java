package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.OpenFlags;

/** open(2) flags as ausearch -i prints them ({@code O_WRONLY|O_CREAT|O_TRUNC}) back to bits. */
final class SymbolicFlags {
    private SymbolicFlags() {
    }

    /** The flag bits, or -1 when the text names no open flag at all. */
    static int openFlags(String text) {
        int flags = 0;
        boolean any = false;
        for (String part : text.split("\\|")) {
            int bit = switch (part.trim()) {
                case "O_RDONLY" -> OpenFlags.O_RDONLY;
                case "O_WRONLY" -> OpenFlags.O_WRONLY;
                case "O_RDWR" -> OpenFlags.O_RDWR;
                case "O_CREAT" -> OpenFlags.O_CREAT;
                case "O_EXCL" -> OpenFlags.O_EXCL;
                case "O_TRUNC" -> OpenFlags.O_TRUNC;
                case "O_APPEND" -> OpenFlags.O_APPEND;
                case "O_DIRECTORY" -> OpenFlags.O_DIRECTORY;
                case "O_TMPFILE" -> OpenFlags.O_TMPFILE;
                case "O_NOCTTY" -> 0x100;
                case "O_NONBLOCK" -> 0x800;
                case "O_DSYNC" -> 0x1000;
                case "O_NOFOLLOW" -> 0x20000;
                case "O_NOATIME" -> 0x40000;
                case "O_CLOEXEC" -> 0x80000;
                case "O_SYNC" -> 0x101000;
                case "O_PATH" -> 0x200000;
                case "O_LARGEFILE" -> 0;
                default -> -1;
            };
            if (bit >= 0) {
                flags |= bit;
                any = true;
            }
        }
        return any ? flags : -1;
    }
}
