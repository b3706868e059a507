package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.model.FileOpKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The file operations a command performs by what its arguments mean, for a host whose log shows no file
 * events at all (audit rules on execve only, an EDR export of process starts): there the command lines are
 * the only account of what happened to files. Only commands whose effect on their operands is fixed by the
 * tool itself, whatever the files hold:
 * <ul>
 *   <li>{@code mv SRC DST}, {@code mv SRC… DIR/}, {@code mv -t DIR SRC…}: renames;</li>
 *   <li>{@code cp SRC… DIR/} and the like: a copy created at the destination (what tells an ingest job's
 *       {@code cp -p F /archive/ && mv F F.processed} from a locker's renames when file events exist);</li>
 *   <li>{@code ccrypt}/{@code ccencrypt} encrypting named files: each is overwritten where it lies and renamed to
 *       {@code F.cpt} (or the {@code -S} suffix) — ccrypt's documented behaviour. With {@code -r} on a folder the
 *       files are not named, and nothing is implied;</li>
 *   <li>{@code tee FILE…} and {@code dd of=FILE} write FILE ({@code dd conv=notrunc} in place, without truncating);</li>
 *   <li>an encrypting archiver told to remove what it archived ({@code zip -e -m}, {@code 7z a -p -sdel},
 *       {@code rar m -p}): each operand deleted after the archive is written.</li>
 * </ul>
 * Deletions by rm/unlink and encrypted copies by openssl/gpg are paired from the commands elsewhere
 * ({@code Campaign.onTool}).
 */
public final class CommandFileOps {

    /** One implied operation: a rename has a target, the others not; a write overwrites without truncating. */
    public record Implied(FileOpKind kind, String path, String target) {
    }

    private static final Set<String> MV_CP_VALUE_OPTIONS = Set.of("-t", "--target-directory", "-S", "--suffix",
            "--backup", "--sparse", "--reflink", "--preserve", "--no-preserve", "-Z", "--context");

    private static final Set<String> CCRYPT_VALUE_OPTIONS = Set.of("-K", "-k", "-E", "-H", "--key", "--keyfile",
            "--envvar", "--key2", "--prompt");

    private CommandFileOps() {
    }

    /**
     * @param name program name (mv, cp, ccrypt…)
     * @param argv arguments, argv[0] first
     * @param cwd  working directory for relative operands, or null
     * @param use  what {@link EncryptionCommandParser} made of the command, or null
     * @return the implied operations in the order the tool performs them; empty when nothing is certain
     */
    public static List<Implied> of(String name, List<String> argv, String cwd, ToolUse use) {
        if (name == null || argv.size() < 2) {
            return List.of();
        }
        return switch (name) {
            case "mv" -> moves(argv, cwd, FileOpKind.RENAME);
            case "cp" -> moves(argv, cwd, FileOpKind.CREATE);
            case "ccrypt", "ccencrypt" -> use != null && use.encrypts() && !use.recursive() ? ccrypt(argv, cwd) : List.of();
            case "tee" -> tee(argv, cwd);
            case "dd" -> use == null || !use.destroys() ? dd(argv, cwd) : List.of();
            case "zip", "7z", "7za", "7zz", "7zr", "rar" -> use != null && use.encrypts() && use.archive()
                    && removesInputs(name, argv) ? deletes(use.targets()) : List.of();
            default -> List.of();
        };
    }

    /** mv and cp share their operand grammar: SRC DST, SRC… DIR, -t DIR SRC…, -T SRC DST. */
    private static List<Implied> moves(List<String> argv, String cwd, FileOpKind kind) {
        List<String> operands = new ArrayList<>();
        String targetDir = null;
        boolean noTargetDir = false;
        boolean endOfOptions = false;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (endOfOptions || !a.startsWith("-") || a.equals("-")) {
                operands.add(a);
            } else if (a.equals("--")) {
                endOfOptions = true;
            } else if (a.equals("-t") || a.equals("--target-directory")) {
                if (i + 1 < argv.size()) {
                    targetDir = argv.get(++i);
                }
            } else if (a.startsWith("--target-directory=")) {
                targetDir = a.substring("--target-directory=".length());
            } else if (a.equals("-T") || a.equals("--no-target-directory")) {
                noTargetDir = true;
            } else if (MV_CP_VALUE_OPTIONS.contains(a)) {
                i++;
            } else if (!a.startsWith("--") && a.length() > 2 && a.charAt(1) != '-' && a.indexOf('t') > 0) {
                return List.of(); // -vt DIR and other clusters carrying a value: not worth guessing
            }
        }
        List<Implied> out = new ArrayList<>();
        if (targetDir != null) {
            for (String src : operands) {
                out.add(intoDirectory(kind, cwd, src, targetDir));
            }
        } else if (operands.size() == 2 && (noTargetDir || !operands.get(1).endsWith("/"))) {
            // mv a b: b may be an existing folder (then a lands inside it); a rename to a name without its
            // suffix is nothing the signals count either way
            String src = PathNames.resolve(cwd, operands.get(0));
            String dst = PathNames.resolve(cwd, operands.get(1));
            out.add(implied(kind, src, dst));
        } else if (operands.size() >= 2) {
            String dir = operands.get(operands.size() - 1);
            for (String src : operands.subList(0, operands.size() - 1)) {
                out.add(intoDirectory(kind, cwd, src, dir));
            }
        }
        return out;
    }

    private static Implied intoDirectory(FileOpKind kind, String cwd, String src, String dir) {
        String from = PathNames.resolve(cwd, src);
        String base = from.substring(from.lastIndexOf('/') + 1);
        String d = PathNames.resolve(cwd, dir);
        return implied(kind, from, d.endsWith("/") ? d + base : d + "/" + base);
    }

    private static Implied implied(FileOpKind kind, String src, String dst) {
        return kind == FileOpKind.RENAME ? new Implied(FileOpKind.RENAME, src, dst) : new Implied(FileOpKind.CREATE, dst, null);
    }

    /**
     * The archiver deletes what it archived once the archive is written: {@code zip -m}/{@code --move},
     * {@code 7z a -sdel}, {@code rar m}/{@code mf} or {@code -df}.
     */
    private static boolean removesInputs(String name, List<String> argv) {
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (name) {
                case "zip" -> {
                    if (a.equals("--move") || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('m') > 0
                            && a.chars().allMatch(c -> c == '-' || Character.isLetter(c)))) {
                        return true;
                    }
                }
                case "rar" -> {
                    if (a.equals("-df") || (i == 1 && (a.equals("m") || a.equals("mf")))) {
                        return true;
                    }
                }
                default -> {
                    if (a.equals("-sdel")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<Implied> deletes(List<String> targets) {
        List<Implied> out = new ArrayList<>();
        for (String t : targets) {
            out.add(new Implied(FileOpKind.DELETE, t, null));
        }
        return out;
    }

    /**
     * The files a {@code find … -exec CMD … {} … ; -delete} deletes once CMD succeeded on them: find runs the
     * actions of its expression left to right for each file, so a {@code -delete} after the {@code -exec} removes
     * the file the command was just handed. The file is read from the child's arguments at the place of
     * {@code {}} in the template ({@code {} +}: every argument the template's tail received).
     *
     * @param findArgv  the find's command line (the child's parent)
     * @param childArgv the command find started
     * @param childCwd  the child's working directory ({@code -execdir} runs it in the file's folder)
     * @return deletions, empty unless a -delete follows the -exec that started this child
     */
    public static List<Implied> findDeletes(List<String> findArgv, List<String> childArgv, String childCwd) {
        if (childArgv.isEmpty()) {
            return List.of();
        }
        String child = childArgv.get(0).substring(childArgv.get(0).lastIndexOf('/') + 1);
        for (int i = 1; i < findArgv.size(); i++) {
            String a = findArgv.get(i);
            if (!(a.equals("-exec") || a.equals("-execdir")) || i + 1 >= findArgv.size()) {
                continue;
            }
            String program = findArgv.get(i + 1);
            int end = i + 1;
            while (end < findArgv.size() && !findArgv.get(end).equals(";") && !findArgv.get(end).equals("+")) {
                end++;
            }
            if (end >= findArgv.size() || !program.substring(program.lastIndexOf('/') + 1).equals(child)
                    || !findArgv.subList(end + 1, findArgv.size()).contains("-delete")) {
                i = end;
                continue;
            }
            List<String> template = findArgv.subList(i + 1, end);
            List<Implied> out = new ArrayList<>();
            if (findArgv.get(end).equals("+")) {
                // -exec CMD args {} +: the files are the child's arguments from the template's last place on
                if (template.isEmpty() || !template.get(template.size() - 1).equals("{}")) {
                    return List.of();
                }
                for (int k = template.size() - 1; k < childArgv.size(); k++) {
                    out.add(new Implied(FileOpKind.DELETE, PathNames.resolve(childCwd, childArgv.get(k)), null));
                }
            } else {
                int at = template.indexOf("{}");
                if (at < 0 || template.size() != childArgv.size()) {
                    return List.of(); // the shell did not run it as the template says: not worth guessing
                }
                out.add(new Implied(FileOpKind.DELETE, PathNames.resolve(childCwd, childArgv.get(at)), null));
            }
            return out;
        }
        return List.of();
    }

    /** tee FILE…: each file written with what tee reads (created, or truncated; appended to with -a). */
    private static List<Implied> tee(List<String> argv, String cwd) {
        boolean append = false;
        List<String> files = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-a") || a.equals("--append")) {
                append = true;
            } else if (a.startsWith("--output-error")) {
                continue;
            } else if (!a.startsWith("-") || a.equals("-")) {
                if (!a.equals("-")) {
                    files.add(PathNames.resolve(cwd, a));
                }
            } else if (a.indexOf('a') > 0 && !a.startsWith("--")) {
                append = true;
            }
        }
        List<Implied> out = new ArrayList<>();
        for (String f : files) {
            out.add(new Implied(append ? FileOpKind.WRITE : FileOpKind.CREATE, f, null));
        }
        return out;
    }

    /**
     * dd of=FILE (not a device): FILE written; truncated first unless {@code conv=notrunc} or a {@code seek=} keeps
     * what is before. ({@code dd if=/dev/urandom of=F} is destruction, told by {@link EncryptionCommandParser}.)
     */
    private static List<Implied> dd(List<String> argv, String cwd) {
        String of = null;
        boolean keeps = false;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("of=")) {
                of = a.substring(3);
            } else if (a.startsWith("conv=") && List.of(a.substring(5).split(",")).contains("notrunc")) {
                keeps = true;
            } else if (a.startsWith("seek=") || a.startsWith("oseek=")) {
                keeps = true;
            }
        }
        if (of == null || of.isEmpty() || of.startsWith("/dev/") || of.startsWith("/proc/")) {
            return List.of();
        }
        return List.of(new Implied(keeps ? FileOpKind.WRITE : FileOpKind.TRUNCATE, PathNames.resolve(cwd, of), null));
    }

    private static List<Implied> ccrypt(List<String> argv, String cwd) {
        String suffix = ".cpt";
        List<String> files = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-S") || a.equals("--suffix")) {
                if (i + 1 < argv.size()) {
                    suffix = argv.get(++i);
                }
            } else if (a.startsWith("--suffix=")) {
                suffix = a.substring("--suffix=".length());
            } else if (CCRYPT_VALUE_OPTIONS.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                files.add(PathNames.resolve(cwd, a));
            }
        }
        List<Implied> out = new ArrayList<>();
        for (String f : files) {
            if (suffix.isEmpty() || f.endsWith(suffix)) {
                continue; // ccrypt leaves a file that already carries the suffix alone
            }
            out.add(new Implied(FileOpKind.WRITE, f, null));
            out.add(new Implied(FileOpKind.RENAME, f, f + suffix));
        }
        return out;
    }
}
