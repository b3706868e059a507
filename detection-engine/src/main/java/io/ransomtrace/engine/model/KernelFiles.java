package io.ransomtrace.engine.model;

/**
 * Paths that name no stored data: device nodes under {@code /dev} and the kernel's views under {@code /proc} and
 * {@code /sys}. A shell's {@code > /dev/null} or {@code 2> /dev/tty} opens a character device for writing with
 * O_CREAT|O_TRUNC, which the audit log records like any file creation, but nothing is written to a disk: it is not
 * a file a campaign changed. {@code /dev/shm} is the exception: a tmpfs where programs store real files (a locker
 * stages copies there).
 */
public final class KernelFiles {
    private KernelFiles() {
    }

    /** True when {@code path} is a device node or a kernel view rather than a file that holds data. */
    public static boolean isKernelFile(String path) {
        if (path == null) {
            return false;
        }
        if (path.startsWith("/dev/")) {
            return !path.startsWith("/dev/shm/");
        }
        return path.startsWith("/proc/") || path.startsWith("/sys/");
    }
}
