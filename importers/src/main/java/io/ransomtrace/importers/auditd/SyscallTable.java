package io.ransomtrace.importers.auditd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Syscall number to name, per audit architecture. The tables are resources generated with
 * {@code ausyscall <arch> --dump} (see importers/scripts/regen-syscall-tables.sh), loaded once.
 */
final class SyscallTable {
    static final long ARCH_X86_64 = 0xc000003eL;
    static final long ARCH_I386 = 0x40000003L;
    static final long ARCH_AARCH64 = 0xc00000b7L;

    private static final String[] X86_64 = load("x86_64");
    private static final String[] I386 = load("i386");
    private static final String[] AARCH64 = load("aarch64");

    private SyscallTable() {
    }

    /** The syscall's name, or null when the architecture or number is unknown. */
    static String name(long arch, long number) {
        String[] table = table(arch);
        if (table == null || number < 0 || number >= table.length) {
            return null;
        }
        return table[(int) number];
    }

    static boolean knownArch(long arch) {
        return table(arch) != null;
    }

    /** The name ausearch -i uses for an audit arch code. */
    static String archName(long arch) {
        if (arch == ARCH_X86_64) return "x86_64";
        if (arch == ARCH_I386) return "i386";
        if (arch == ARCH_AARCH64) return "aarch64";
        return null;
    }

    private static String[] table(long arch) {
        if (arch == ARCH_X86_64) return X86_64;
        if (arch == ARCH_I386) return I386;
        if (arch == ARCH_AARCH64) return AARCH64;
        return null;
    }

    private static String[] load(String arch) {
        String resource = "syscalls-" + arch + ".tsv";
        try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String[] names = new String[1024];
            int max = -1;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (tab <= 0) continue;
                int nr = Integer.parseInt(line.substring(0, tab).trim());
                if (nr >= 0 && nr < names.length) {
                    names[nr] = line.substring(tab + 1).trim().intern();
                    max = Math.max(max, nr);
                }
            }
            return java.util.Arrays.copyOf(names, max + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
