package io.ransomtrace.engine.model;

/** Linux open(2) flag bits as the generic (x86_64, aarch64, i386) ABI defines them. */
public final class OpenFlags {
    public static final int O_ACCMODE = 0x3;
    public static final int O_RDONLY = 0x0;
    public static final int O_WRONLY = 0x1;
    public static final int O_RDWR = 0x2;
    public static final int O_CREAT = 0x40;
    public static final int O_EXCL = 0x80;
    public static final int O_TRUNC = 0x200;
    public static final int O_APPEND = 0x400;
    public static final int O_DIRECTORY = 0x10000;
    public static final int O_TMPFILE = 0x410000;

    private OpenFlags() {
    }

    public static boolean writes(int flags) {
        int acc = flags & O_ACCMODE;
        return acc == O_WRONLY || acc == O_RDWR;
    }

    public static boolean creates(int flags) {
        return (flags & O_CREAT) != 0;
    }

    public static boolean truncates(int flags) {
        return (flags & O_TRUNC) != 0;
    }

    /** A readable rendering such as {@code O_WRONLY|O_CREAT|O_TRUNC}. */
    public static String describe(int flags) {
        StringBuilder sb = new StringBuilder();
        int acc = flags & O_ACCMODE;
        sb.append(acc == O_WRONLY ? "O_WRONLY" : acc == O_RDWR ? "O_RDWR" : "O_RDONLY");
        if ((flags & O_CREAT) != 0) sb.append("|O_CREAT");
        if ((flags & O_EXCL) != 0) sb.append("|O_EXCL");
        if ((flags & O_TRUNC) != 0) sb.append("|O_TRUNC");
        if ((flags & O_APPEND) != 0) sb.append("|O_APPEND");
        if ((flags & O_TMPFILE) == O_TMPFILE) sb.append("|O_TMPFILE");
        else if ((flags & O_DIRECTORY) != 0) sb.append("|O_DIRECTORY");
        return sb.toString();
    }
}
