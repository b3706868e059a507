package io.ransomtrace.app.recovery;

import io.ransomtrace.engine.recovery.DecryptCommand;
import io.ransomtrace.engine.recovery.FileRecovery;
import io.ransomtrace.engine.recovery.RecoveryMethod;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a plan's {@code decrypt.sh}: POSIX sh, one command per decryptable file, the attacker's tool with the
 * same key and flags inverted. {@code sh decrypt.sh RESTORE_ROOT [EVIDENCE_ROOT]} writes each original at
 * RESTORE_ROOT + its original absolute path, never over an existing file (the last step is a hard link or a
 * no-clobber copy, both of which fail on an existing name), reads the encrypted files at EVIDENCE_ROOT + their
 * path and never writes them, and prints a line per file: {@code ok} or {@code failed} with the reason. Every
 * word from the log (paths are the attacker's to choose) is single-quoted.
 */
public final class DecryptScript {

    private DecryptScript() {
    }

    public static String render(String caseName, List<FindingRecovery> plans, Instant generated) {
        StringBuilder b = new StringBuilder(4096);
        Set<String> tools = new TreeSet<>();
        Set<String> cleanup = new LinkedHashSet<>();
        int files = 0;
        StringBuilder body = new StringBuilder();
        for (FindingRecovery fr : plans) {
            body.append("\n# ").append(oneLine("finding " + fr.findingId() + " on " + fr.host() + ": " + fr.title())).append('\n');
            body.append("# ").append(oneLine(fr.plan().summary())).append('\n');
            for (FileRecovery f : fr.plan().files()) {
                if (f.method() != RecoveryMethod.DECRYPT) {
                    continue;
                }
                DecryptCommand c = f.decryptCommand();
                tools.addAll(c.tools());
                if (!c.cleanup().isEmpty()) {
                    cleanup.add(words(c.cleanup()));
                }
                body.append("if begin ").append(quote(f.original())).append(' ').append(quote(c.input()))
                        .append("; then ").append(words(c.args()));
                body.append(c.toStdout() ? " </dev/null >\"$OUT\" 2>\"$ERR\"" : " </dev/null >/dev/null 2>\"$ERR\"");
                body.append("; finish $?; fi\n");
                files++;
            }
        }
        b.append("#!/bin/sh\n");
        b.append("# Ransomtrace recovery plan for case ").append(oneLine(caseName)).append(", generated ").append(generated)
                .append(".\n");
        b.append("# ").append(files).append(" file").append(files == 1 ? "" : "s")
                .append(" to decrypt with keys taken from the audit trail. THIS FILE HOLDS THOSE KEYS IN FULL:\n");
        b.append("# keep it as confidential as the data it restores.\n#\n");
        b.append("#   sh decrypt.sh RESTORE_ROOT [EVIDENCE_ROOT]\n#\n");
        b.append("# Each original is written to RESTORE_ROOT + its original absolute path, never over an existing file.\n");
        b.append("# The encrypted files are read at EVIDENCE_ROOT + their path (default: this machine's own file system;\n");
        b.append("# give the mount point of a forensic copy instead) and never written. One line per file: ok or failed.\n");
        b.append("# Tools needed: ").append(tools.isEmpty() ? "none" : String.join(", ", tools)).append(".\n");
        b.append("set -u\n");
        b.append("umask 077\n");
        b.append("if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z \"$1\" ]; then\n");
        b.append("    echo 'usage: sh decrypt.sh RESTORE_ROOT [EVIDENCE_ROOT]' >&2\n");
        b.append("    exit 2\n");
        b.append("fi\n");
        b.append("ROOT=${1%/}\n");
        b.append("EVIDENCE=${2:-}\n");
        b.append("EVIDENCE=${EVIDENCE%/}\n");
        b.append("mkdir -p -- \"$ROOT/\" || exit 2\n");
        b.append("WORK=$(mktemp -d \"$ROOT/.ransomtrace-recover.XXXXXX\") || exit 2\n");
        b.append("mkdir -m 700 \"$WORK/gnupg\" || exit 2\n");
        b.append("N=0 OK=0 FAILED=0\n");
        b.append("cleanup() {\n");
        for (String c : cleanup) {
            b.append("    ").append(c).append(" >/dev/null 2>&1\n");
        }
        b.append("    rm -rf -- \"$WORK\"\n");
        b.append("}\n");
        b.append("trap cleanup EXIT\n");
        b.append("trap 'exit 130' INT TERM\n");
        b.append("fail() {\n");
        b.append("    FAILED=$((FAILED + 1))\n");
        b.append("    printf 'failed  %s: %s\\n' \"$1\" \"$2\"\n");
        b.append("}\n");
        b.append("# begin ORIGINAL ENCRYPTED: where this file goes (DEST), where it is read (SRC), scratch output (OUT)\n");
        b.append("begin() {\n");
        b.append("    N=$((N + 1))\n");
        b.append("    ORIGINAL=$1 DEST=$ROOT$1 SRC=$EVIDENCE$2 OUT=$WORK/out.$N ERR=$WORK/err.$N\n");
        b.append("    if [ -e \"$DEST\" ] || [ -h \"$DEST\" ]; then fail \"$ORIGINAL\" \"$DEST already exists, not overwritten\"; return 1; fi\n");
        b.append("    if [ ! -f \"$SRC\" ]; then fail \"$ORIGINAL\" \"encrypted file $SRC not found\"; return 1; fi\n");
        b.append("    DIR=${DEST%/*}\n");
        b.append("    if ! mkdir -p -- \"${DIR:-/}\"; then fail \"$ORIGINAL\" \"cannot create ${DIR:-/}\"; return 1; fi\n");
        b.append("    return 0\n");
        b.append("}\n");
        b.append("# finish STATUS: moves the output into place without ever replacing a file\n");
        b.append("finish() {\n");
        b.append("    if [ \"$1\" -ne 0 ] || [ ! -f \"$OUT\" ]; then\n");
        b.append("        fail \"$ORIGINAL\" \"the tool failed (exit $1): $(tail -n 1 \"$ERR\" 2>/dev/null | tr -d '\\r')\"\n");
        b.append("    elif ln -- \"$OUT\" \"$DEST\" 2>/dev/null || (set -C; cat -- \"$OUT\" >\"$DEST\") 2>/dev/null; then\n");
        b.append("        OK=$((OK + 1))\n");
        b.append("        printf 'ok      %s\\n' \"$DEST\"\n");
        b.append("    else\n");
        b.append("        fail \"$ORIGINAL\" \"cannot write $DEST (it appeared meanwhile, or the directory is not writable)\"\n");
        b.append("    fi\n");
        b.append("    rm -f -- \"$OUT\" \"$ERR\"\n");
        b.append("}\n");
        b.append(body);
        b.append("\nprintf '%d recovered, %d failed, of %d\\n' \"$OK\" \"$FAILED\" \"$N\"\n");
        b.append("[ \"$FAILED\" -eq 0 ]\n");
        return b.toString();
    }

    /** The words of a command, each single-quoted; slots become the script's variables. */
    static String words(List<DecryptCommand.Arg> args) {
        StringBuilder b = new StringBuilder();
        for (DecryptCommand.Arg a : args) {
            if (b.length() > 0) {
                b.append(' ');
            }
            if (!a.prefix().isEmpty() || a.slot() == null) {
                b.append(quote(a.prefix()));
            }
            if (a.slot() != null) {
                b.append(switch (a.slot()) {
                    case INPUT -> "\"$SRC\"";
                    case OUTPUT -> "\"$OUT\"";
                    case SCRATCH -> "\"$WORK\"";
                });
            }
            if (!a.suffix().isEmpty()) {
                b.append(quote(a.suffix()));
            }
        }
        return b.toString();
    }

    /** A word for sh: inside single quotes nothing is special, and a quote is closed, escaped and reopened. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** A comment line never spans lines, whatever the log's strings hold. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
