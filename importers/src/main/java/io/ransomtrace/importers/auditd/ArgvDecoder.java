package io.ransomtrace.importers.auditd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a program's argument list from EXECVE records (arguments {@code aN}, hex-encoded when they hold
 * spaces or special bytes; long arguments split as {@code aN_len=… aN[0]=… aN[1]=…}, possibly across several
 * EXECVE records), or from a PROCTITLE (NUL-separated, capped by the kernel at 128 bytes).
 */
final class ArgvDecoder {
    /** The kernel truncates PROCTITLE to this many bytes. */
    static final int PROCTITLE_CAP = 128;
    /** Guard against absurd argc values in damaged logs. */
    static final int MAX_ARGS = 16_384;

    record Argv(List<String> args, boolean truncated) {
    }

    private ArgvDecoder() {
    }

    /** One piece of a long argument: {@code aN[k]}. Pieces are put together by k, whatever order they came in. */
    private record Piece(int argIndex, int pieceIndex, byte[] bytes) {
    }

    static Argv fromExecve(List<AuditRecord> execveRecords) {
        long argc = -1;
        List<ByteArrayOutputStream> args = new ArrayList<>();
        List<Piece> pieces = null;
        boolean truncated = false;
        for (AuditRecord rec : execveRecords) {
            AuditFields f = rec.fields();
            for (int i = 0; i < f.size(); i++) {
                String key = f.key(i);
                if (key.equals("argc")) {
                    argc = f.number("argc", -1);
                    continue;
                }
                if (key.length() < 2 || key.charAt(0) != 'a' || !Character.isDigit(key.charAt(1))) {
                    continue;
                }
                int k = 1;
                int index = 0;
                while (k < key.length() && Character.isDigit(key.charAt(k)) && index < MAX_ARGS) {
                    index = index * 10 + (key.charAt(k) - '0');
                    k++;
                }
                if (index >= MAX_ARGS) {
                    truncated = true;
                    continue;
                }
                String rest = key.substring(k);
                if (rest.equals("_len")) {
                    continue;
                }
                if (!rest.isEmpty()) {
                    int piece = pieceIndex(rest);
                    if (piece < 0) continue;
                    if (pieces == null) pieces = new ArrayList<>();
                    byte[] v = f.decodedBytes(i);
                    pieces.add(new Piece(index, piece, v == null ? new byte[0] : v));
                    while (args.size() <= index) args.add(null);
                    if (args.get(index) == null) args.set(index, new ByteArrayOutputStream());
                    continue;
                }
                while (args.size() <= index) {
                    args.add(null);
                }
                byte[] value = f.decodedBytes(i);
                ByteArrayOutputStream arg = args.get(index);
                if (arg == null) {
                    arg = new ByteArrayOutputStream(value == null ? 0 : value.length);
                    args.set(index, arg);
                }
                if (value != null) {
                    arg.write(value, 0, value.length);
                }
            }
        }
        if (pieces != null) {
            pieces.sort(java.util.Comparator.comparingInt(Piece::argIndex).thenComparingInt(Piece::pieceIndex));
            for (Piece p : pieces) {
                args.get(p.argIndex()).write(p.bytes(), 0, p.bytes().length);
            }
        }
        List<String> out = new ArrayList<>(args.size());
        for (ByteArrayOutputStream a : args) {
            if (a == null) {
                truncated = true; // an argument record went missing
                out.add("");
            } else {
                out.add(a.toString(StandardCharsets.UTF_8));
            }
        }
        if (argc > out.size()) {
            truncated = true;
        }
        return new Argv(out, truncated);
    }

    /** k of "[k]", or -1. */
    private static int pieceIndex(String s) {
        if (s.length() < 3 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') return -1;
        try {
            return Integer.parseInt(s.substring(1, s.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** PROCTITLE as argv: raw logs hex-encode it with NUL separators; ausearch -i shows it space-separated. */
    static Argv fromProctitle(AuditRecord proctitle) {
        AuditFields f = proctitle.fields();
        int i = f.indexOf("proctitle");
        if (i < 0) {
            return new Argv(List.of(), true);
        }
        byte[] bytes = f.decodedBytes(i);
        if (bytes == null) {
            return new Argv(List.of(), true);
        }
        byte sep = proctitle.interpreted ? (byte) ' ' : 0;
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int k = 0; k <= bytes.length; k++) {
            if (k == bytes.length || bytes[k] == sep) {
                if (k > start || (k < bytes.length && !proctitle.interpreted)) {
                    args.add(new String(bytes, start, k - start, StandardCharsets.UTF_8));
                }
                start = k + 1;
            }
        }
        // trailing empty argument from a terminating NUL is not a real argument
        if (!args.isEmpty() && args.get(args.size() - 1).isEmpty()) {
            args.remove(args.size() - 1);
        }
        return new Argv(args, bytes.length >= PROCTITLE_CAP);
    }
}
