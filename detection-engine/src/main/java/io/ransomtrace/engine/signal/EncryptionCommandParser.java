package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.signal.ToolUse.Action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the command line of an encryption or destruction tool the way the tool itself would, to tell
 * encrypting runs (openssl enc -aes-256-cbc, gpg -c, 7z a -p) from harmless ones (decrypting, hashing,
 * certificates, key management, base64). Returns null for programs it does not know.
 */
public final class EncryptionCommandParser {

    private static final Set<String> KNOWN = Set.of("openssl", "gpg", "gpg2", "ccrypt", "ccencrypt", "ccdecrypt", "ccat",
            "7z", "7za", "7zz", "7zr", "zip", "zipcloak", "rar", "age", "aescrypt", "mcrypt", "mdecrypt", "shred", "dd",
            "truncate", "rm", "unlink", "gpgtar", "tar", "bsdtar");

    private static final String[] CIPHER_PREFIXES = {"aes", "aria", "camellia", "des", "bf", "blowfish", "cast",
            "chacha20", "idea", "rc2", "rc4", "rc5", "seed", "sm4"};

    private static final Set<String> GPG_VALUE_OPTIONS = Set.of("-r", "-R", "-u", "-o", "-z", "--recipient",
            "--hidden-recipient", "--output", "--local-user", "--homedir", "--passphrase", "--passphrase-file",
            "--passphrase-fd", "--cipher-algo", "--compress-algo", "--digest-algo", "--default-key", "--trust-model",
            "--pinentry-mode", "--keyring", "--status-fd", "--logger-fd", "--set-filename", "--comment",
            "--default-recipient", "--recipient-file", "--s2k-cipher-algo", "--s2k-digest-algo", "--compress-level");

    private static final Set<String> GPG_NOT_ENCRYPTING = Set.of("-d", "--decrypt", "--decrypt-files", "--verify",
            "--verify-files", "--list-keys", "--list-public-keys", "--list-secret-keys", "--list-sigs", "--check-sigs",
            "--list-packets", "--import", "--export", "--export-secret-keys", "--export-ssh-key", "--gen-key",
            "--generate-key", "--full-gen-key", "--full-generate-key", "--quick-gen-key", "--quick-generate-key",
            "--quick-add-key", "--quick-sign-key", "--edit-key", "--delete-key", "--delete-keys", "--delete-secret-keys",
            "--recv-keys", "--receive-keys", "--send-keys", "--refresh-keys", "--search-keys", "--fingerprint",
            "--card-status", "--card-edit", "--sign-key", "--lsign-key", "--gen-revoke", "--generate-revocation",
            "-k", "-K", "--version", "--help", "--dearmor", "--enarmor", "--print-md", "--gen-random");

    private static final Set<String> CCRYPT_VALUE_OPTIONS = Set.of("-K", "-k", "-E", "-H", "-S", "--key", "--keyfile",
            "--envvar", "--key2", "--suffix", "--prompt");

    private EncryptionCommandParser() {
    }

    /** True when the program name is one this parser reads (cheap, for caching per executable). */
    public static boolean knows(String name) {
        return name != null && KNOWN.contains(name);
    }

    /**
     * Parses one command line.
     *
     * @param name the executable's file name (openssl, gpg2...)
     * @param argv arguments, argv[0] first
     * @param cwd  working directory for resolving relative file operands, or null
     * @return what it does, or null when the program is not an encryption or destruction tool
     */
    public static ToolUse parse(String name, List<String> argv, String cwd) {
        if (name == null || !KNOWN.contains(name)) {
            return null;
        }
        List<String> args = argv.size() > 1 ? argv.subList(1, argv.size()) : List.of();
        return switch (name) {
            case "openssl" -> openssl(args, cwd);
            case "gpg", "gpg2" -> gpg(name, args, cwd);
            case "ccrypt", "ccencrypt" -> ccrypt(name, args, cwd);
            case "ccdecrypt", "ccat" -> other(name, name);
            case "7z", "7za", "7zz", "7zr" -> sevenZip(name, args, cwd);
            case "zip" -> zip(args, cwd);
            case "zipcloak" -> new ToolUse(name, Action.ENCRYPT, "zipcloak", false, operands(args, cwd, Set.of()));
            case "rar" -> rar(args, cwd);
            case "age" -> age(args, cwd);
            case "aescrypt" -> aescrypt(args, cwd);
            case "mcrypt" -> mcrypt(args, cwd);
            case "mdecrypt" -> other(name, name);
            case "shred" -> shred(args, cwd);
            case "dd" -> dd(args, cwd);
            case "truncate" -> truncate(args, cwd);
            case "rm", "unlink" -> remove(name, args, cwd);
            case "gpgtar" -> gpgtar(args, cwd);
            case "tar", "bsdtar" -> tar(name, args, cwd);
            default -> null;
        };
    }

    /**
     * A program in no list whose arguments are openssl's encryption syntax ({@code X enc -aes-256-ctr … -in F -out
     * F.kw}) is a renamed copy of openssl ({@code cp /usr/bin/openssl /dev/shm/.kworker}): the subcommand {@code enc}
     * with a cipher option means nothing to any other program, and a copy of the binary under another name still
     * parses its arguments the same way. Only encrypting runs are returned (a renamed copy decrypting is nothing).
     *
     * @return the encrypting use, labelled with the name it ran under, or null when the arguments are not openssl's
     */
    public static ToolUse parseRenamedOpenssl(String name, List<String> argv, String cwd) {
        if (name == null || KNOWN.contains(name) || argv.size() < 3 || !argv.get(1).equals("enc")) {
            return null;
        }
        boolean cipher = false;
        for (int i = 2; i < argv.size() && !cipher; i++) {
            String a = argv.get(i);
            cipher = a.startsWith("-") && !a.startsWith("--") && isCipherName(a);
        }
        if (!cipher) {
            return null;
        }
        ToolUse use = openssl(argv.subList(1, argv.size()), cwd);
        if (use.action() != Action.ENCRYPT) {
            return null;
        }
        return new ToolUse(use.tool(), use.action(), use.label() + " (openssl renamed " + name + ")", use.recursive(),
                use.targets(), use.output(), use.archive());
    }

    private static ToolUse other(String tool, String label) {
        return new ToolUse(tool, Action.OTHER, label, false, List.of());
    }

    static boolean isCipherName(String s) {
        String n = s.toLowerCase(Locale.ROOT);
        if (n.startsWith("-")) {
            n = n.substring(1);
        }
        if (n.equals("base64") || n.equals("zlib") || n.equals("none")) {
            return false;
        }
        for (String p : CIPHER_PREFIXES) {
            if (n.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static ToolUse openssl(List<String> args, String cwd) {
        if (args.isEmpty()) {
            return other("openssl", "openssl");
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (sub) {
            case "smime", "cms" -> {
                boolean enc = rest.contains("-encrypt");
                return new ToolUse("openssl", enc ? Action.ENCRYPT : Action.OTHER, "openssl " + sub + (enc ? " -encrypt" : ""),
                        false, enc ? valueOf(rest, "-in", cwd) : List.of(), outputOf(rest, "-out", cwd), false);
            }
            case "pkeyutl", "rsautl" -> {
                boolean enc = rest.contains("-encrypt");
                return new ToolUse("openssl", enc ? Action.ENCRYPT : Action.OTHER, "openssl " + sub + (enc ? " -encrypt" : ""),
                        false, enc ? valueOf(rest, "-in", cwd) : List.of(), outputOf(rest, "-out", cwd), false);
            }
            default -> {
                boolean enc = sub.equals("enc");
                boolean cipherSub = !enc && isCipherName(sub);
                if (!enc && !cipherSub) {
                    return other("openssl", "openssl " + sub); // dgst, x509, s_client, req, genrsa, base64...
                }
                boolean cipher = cipherSub;
                boolean decrypt = false;
                boolean none = false;
                for (String a : rest) {
                    switch (a) {
                        case "-d" -> decrypt = true;
                        case "-none" -> none = true;
                        case "-cipher" -> cipher = true;
                        default -> {
                            if (a.startsWith("-") && a.length() > 2 && isCipherName(a)) {
                                cipher = true;
                            }
                        }
                    }
                }
                boolean encrypting = cipher && !decrypt && !none;
                String label = "openssl " + sub + (decrypt ? " -d" : encrypting ? " -e" : "");
                return new ToolUse("openssl", encrypting ? Action.ENCRYPT : Action.OTHER, label, false,
                        encrypting ? valueOf(rest, "-in", cwd) : List.of(), outputOf(rest, "-out", cwd), false);
            }
        }
    }

    private static ToolUse gpg(String tool, List<String> args, String cwd) {
        boolean encrypt = false;
        boolean blocked = false;
        boolean recursive = false;
        String how = null;
        String output = null;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (GPG_VALUE_OPTIONS.contains(a)) {
                if ((a.equals("-o") || a.equals("--output")) && i + 1 < args.size()) {
                    output = outputPath(cwd, args.get(i + 1));
                }
                i++;
                continue;
            }
            if (a.startsWith("--output=")) {
                output = outputPath(cwd, a.substring(9));
                continue;
            }
            if (a.startsWith("--")) {
                String opt = a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) : a;
                if (GPG_NOT_ENCRYPTING.contains(opt)) {
                    blocked = true;
                } else if (opt.equals("--symmetric") || opt.equals("--encrypt")) {
                    encrypt = true;
                    how = how == null ? opt : how;
                } else if (opt.equals("--encrypt-files")) {
                    encrypt = true;
                    recursive = true;
                    how = opt;
                } else if (opt.equals("--multifile")) {
                    recursive = true;
                }
                continue;
            }
            if (a.startsWith("-") && a.length() > 1) {
                if (GPG_NOT_ENCRYPTING.contains(a)) {
                    blocked = true;
                    continue;
                }
                boolean takesValue = false;
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    if (c == 'c' || c == 'e') {
                        encrypt = true;
                        how = how == null ? "-" + c : how;
                    } else if (c == 'd') {
                        blocked = true;
                    } else if (c == 'r' || c == 'R' || c == 'u' || c == 'o' || c == 'z') {
                        takesValue = k == a.length() - 1;
                        if (c == 'o') {
                            String v = takesValue ? (i + 1 < args.size() ? args.get(i + 1) : null) : a.substring(k + 1);
                            output = v == null ? null : outputPath(cwd, v);
                        }
                        break;
                    }
                }
                if (takesValue) {
                    i++;
                }
                continue;
            }
            targets.add(PathNames.resolve(cwd, a));
        }
        boolean encrypting = encrypt && !blocked;
        return new ToolUse(tool, encrypting ? Action.ENCRYPT : Action.OTHER,
                tool + (how != null ? " " + how : ""), recursive && encrypting, encrypting ? targets : List.of(), output, false);
    }

    private static ToolUse ccrypt(String tool, List<String> args, String cwd) {
        boolean blocked = false;
        boolean recursive = false;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (CCRYPT_VALUE_OPTIONS.contains(a)) {
                i++;
                continue;
            }
            switch (a) {
                case "-d", "--decrypt", "-c", "--cat", "-x", "--keychange", "-u", "--unixcrypt" -> blocked = true;
                case "-r", "-R", "--recursive", "--rec-symlinks" -> recursive = true;
                case "-e", "--encrypt" -> { }
                default -> {
                    if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1) {
                        for (int k = 1; k < a.length(); k++) {
                            char c = a.charAt(k);
                            if (c == 'd' || c == 'c' || c == 'x' || c == 'u') {
                                blocked = true;
                            } else if (c == 'r' || c == 'R') {
                                recursive = true;
                            }
                        }
                    } else if (!a.startsWith("-")) {
                        targets.add(PathNames.resolve(cwd, a));
                    }
                }
            }
        }
        boolean encrypting = !blocked;
        return new ToolUse(tool, encrypting ? Action.ENCRYPT : Action.OTHER, tool + (recursive ? " -r" : ""),
                recursive && encrypting, encrypting ? targets : List.of());
    }

    private static ToolUse sevenZip(String tool, List<String> args, String cwd) {
        String command = null;
        boolean password = false;
        boolean recursive = false;
        List<String> operands = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) {
                if (a.startsWith("-p") && !a.equals("-p-")) {
                    password = true;
                } else if (a.equals("-r") || a.equals("-r0")) {
                    recursive = true;
                }
            } else if (command == null) {
                command = a;
            } else {
                operands.add(PathNames.resolve(cwd, a));
            }
        }
        boolean adds = "a".equals(command) || "u".equals(command);
        boolean encrypting = adds && password;
        List<String> targets = encrypting && operands.size() > 1 ? operands.subList(1, operands.size()) : List.of();
        return new ToolUse(tool, encrypting ? Action.ENCRYPT : Action.OTHER,
                tool + (command != null ? " " + command : "") + (password ? " -p" : ""), recursive && encrypting, targets,
                adds && !operands.isEmpty() ? operands.get(0) : null, adds);
    }

    private static ToolUse zip(List<String> args, String cwd) {
        boolean encrypt = false;
        boolean recursive = false;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-P") || a.equals("--password")) {
                encrypt = true;
                i++;
            } else if (a.equals("--encrypt")) {
                encrypt = true;
            } else if (a.equals("--recurse-paths")) {
                recursive = true;
            } else if (a.startsWith("--")) {
                continue;
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    if (c == 'e') {
                        encrypt = true;
                    } else if (c == 'r' || c == 'R') {
                        recursive = true;
                    } else if (c == 'P') {
                        encrypt = true;
                        if (k == a.length() - 1) {
                            i++;
                        }
                        break;
                    }
                }
            } else {
                operands.add(PathNames.resolve(cwd, a));
            }
        }
        List<String> targets = encrypt && operands.size() > 1 ? operands.subList(1, operands.size()) : List.of();
        return new ToolUse("zip", encrypt ? Action.ENCRYPT : Action.OTHER, encrypt ? "zip -e" : "zip",
                recursive && encrypt, targets, operands.isEmpty() ? null : withSuffix(operands.get(0), ".zip"), true);
    }

    private static ToolUse rar(List<String> args, String cwd) {
        boolean password = false;
        boolean recursive = false;
        String command = null;
        List<String> operands = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) {
                if ((a.startsWith("-p") && !a.equals("-p-")) || a.startsWith("-hp")) {
                    password = true;
                } else if (a.equals("-r")) {
                    recursive = true;
                }
            } else if (command == null) {
                command = a;
            } else {
                operands.add(PathNames.resolve(cwd, a));
            }
        }
        boolean adds = command != null && (command.equals("a") || command.equals("u") || command.equals("m"));
        boolean encrypting = adds && password;
        List<String> targets = encrypting && operands.size() > 1 ? operands.subList(1, operands.size()) : List.of();
        return new ToolUse("rar", encrypting ? Action.ENCRYPT : Action.OTHER,
                "rar" + (command != null ? " " + command : "") + (password ? " -p" : ""), recursive && encrypting, targets,
                adds && !operands.isEmpty() ? withSuffix(operands.get(0), ".rar") : null, adds);
    }

    private static ToolUse age(List<String> args, String cwd) {
        boolean decrypt = false;
        boolean keyed = false;
        String output = null;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-d", "--decrypt" -> decrypt = true;
                case "-e", "--encrypt", "-p", "--passphrase" -> keyed = true;
                case "-r", "--recipient", "-R", "--recipients-file" -> {
                    keyed = true;
                    i++;
                }
                case "-o", "--output" -> {
                    if (i + 1 < args.size()) {
                        output = outputPath(cwd, args.get(i + 1));
                    }
                    i++;
                }
                case "-i", "--identity" -> i++;
                default -> {
                    if (!a.startsWith("-")) {
                        targets.add(PathNames.resolve(cwd, a));
                    }
                }
            }
        }
        boolean encrypting = keyed && !decrypt;
        return new ToolUse("age", encrypting ? Action.ENCRYPT : Action.OTHER, decrypt ? "age -d" : "age -e", false,
                encrypting ? targets : List.of(), output, false);
    }

    private static ToolUse aescrypt(List<String> args, String cwd) {
        boolean encrypt = args.contains("-e");
        boolean decrypt = args.contains("-d");
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-p") || a.equals("-k") || a.equals("-o")) {
                i++;
            } else if (!a.startsWith("-")) {
                targets.add(PathNames.resolve(cwd, a));
            }
        }
        boolean encrypting = encrypt && !decrypt;
        return new ToolUse("aescrypt", encrypting ? Action.ENCRYPT : Action.OTHER, encrypting ? "aescrypt -e" : "aescrypt",
                false, encrypting ? targets : List.of());
    }

    private static ToolUse mcrypt(List<String> args, String cwd) {
        boolean decrypt = args.contains("-d") || args.contains("--decrypt");
        List<String> targets = decrypt ? List.of() : operands(args, cwd, Set.of("-k", "-f", "-a", "-m", "-s", "-o", "-h",
                "--key", "--keyfile", "--algorithm", "--mode", "--keysize", "--keymode", "--hash"));
        return new ToolUse("mcrypt", decrypt ? Action.OTHER : Action.ENCRYPT, decrypt ? "mcrypt -d" : "mcrypt", false, targets);
    }

    private static ToolUse shred(List<String> args, String cwd) {
        List<String> targets = operands(args, cwd, Set.of("-n", "-s", "--iterations", "--size", "--random-source"));
        if (targets.isEmpty()) {
            return other("shred", "shred");
        }
        boolean remove = false;
        for (String a : args) {
            if (a.equals("--remove") || a.startsWith("--remove=") || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('u') > 0)) {
                remove = true;
            }
        }
        return new ToolUse("shred", Action.DESTROY, remove ? "shred -u" : "shred", targets.size() > 1, targets);
    }

    private static ToolUse dd(List<String> args, String cwd) {
        String in = null;
        String out = null;
        for (String a : args) {
            if (a.startsWith("if=")) {
                in = a.substring(3);
            } else if (a.startsWith("of=")) {
                out = a.substring(3);
            }
        }
        boolean junkSource = in != null && (in.equals("/dev/zero") || in.equals("/dev/urandom") || in.equals("/dev/random"));
        if (out == null || !junkSource) {
            return other("dd", "dd");
        }
        return new ToolUse("dd", Action.DESTROY, "dd if=" + in + " of=", false, List.of(PathNames.resolve(cwd, out)));
    }

    private static ToolUse truncate(List<String> args, String cwd) {
        String size = null;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-s") || a.equals("--size") || a.equals("-r") || a.equals("--reference")) {
                if (i + 1 < args.size() && (a.equals("-s") || a.equals("--size"))) {
                    size = args.get(i + 1);
                }
                i++;
            } else if (a.startsWith("--size=")) {
                size = a.substring(7);
            } else if (a.startsWith("-s") && a.length() > 2) {
                size = a.substring(2);
            } else if (!a.startsWith("-")) {
                targets.add(PathNames.resolve(cwd, a));
            }
        }
        boolean grows = size != null && (size.startsWith("+") || size.startsWith(">"));
        if (targets.isEmpty() || grows) {
            return other("truncate", "truncate");
        }
        return new ToolUse("truncate", Action.DESTROY, "truncate" + (size != null ? " -s " + size : ""), targets.size() > 1, targets);
    }

    private static ToolUse remove(String tool, List<String> args, String cwd) {
        List<String> targets = operands(args, cwd, Set.of());
        boolean recursive = false;
        for (String a : args) {
            if (a.equals("--recursive") || (a.startsWith("-") && !a.startsWith("--") && (a.indexOf('r') > 0 || a.indexOf('R') > 0))) {
                recursive = true;
            }
        }
        return new ToolUse(tool, targets.isEmpty() ? Action.OTHER : Action.DELETE, tool, recursive, targets);
    }

    private static final Set<String> GPGTAR_VALUE_OPTIONS = Set.of("-r", "--recipient", "-u", "--local-user", "-o",
            "--output", "-C", "--directory", "-T", "--files-from", "--gpg", "--gpg-args", "--set-filename");

    /**
     * gpgtar: a tar archive of files and directories, encrypted by gpg ({@code -e}/{@code --encrypt} for
     * recipients, {@code -c}/{@code --symmetric} for a passphrase). Listing, decrypting and extracting never count.
     */
    private static ToolUse gpgtar(List<String> args, String cwd) {
        boolean encrypt = false;
        boolean blocked = false;
        String output = null;
        String dir = cwd;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (GPGTAR_VALUE_OPTIONS.contains(a)) {
                String v = i + 1 < args.size() ? args.get(i + 1) : null;
                if (v != null && (a.equals("-o") || a.equals("--output"))) {
                    output = outputPath(cwd, v);
                } else if (v != null && (a.equals("-C") || a.equals("--directory"))) {
                    dir = PathNames.resolve(cwd, v);
                }
                i++;
            } else if (a.startsWith("--output=")) {
                output = outputPath(cwd, a.substring(9));
            } else if (a.equals("--encrypt") || a.equals("--symmetric")) {
                encrypt = true;
            } else if (a.equals("--decrypt") || a.equals("--extract") || a.equals("--list-archive")) {
                blocked = true;
            } else if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    if (c == 'e' || c == 'c') {
                        encrypt = true;
                    } else if (c == 'd' || c == 't') {
                        blocked = true;
                    }
                }
            } else if (!a.startsWith("-")) {
                operands.add(a);
            }
        }
        boolean encrypting = encrypt && !blocked;
        List<String> targets = new ArrayList<>();
        if (encrypting) {
            for (String o : operands) {
                targets.add(PathNames.resolve(dir, o));
            }
        }
        return new ToolUse("gpgtar", encrypting ? Action.ENCRYPT : Action.OTHER, encrypting ? "gpgtar --encrypt" : "gpgtar",
                false, targets, output != null ? output : ToolUse.STDOUT, true);
    }

    private static final Set<String> TAR_VALUE_OPTIONS = Set.of("-f", "--file", "-C", "--directory", "-T",
            "--files-from", "-X", "--exclude-from", "-b", "--blocking-factor", "-H", "--format", "-g",
            "--listed-incremental", "-I", "--use-compress-program", "-N", "--newer", "-K", "--starting-file", "-V",
            "--label", "-L", "--tape-length", "--owner", "--group", "--mode", "--mtime");

    /**
     * tar: {@code c} / {@code --create} is an ARCHIVE run (not encryption): its operands go into the archive named
     * by {@code f} / {@code --file}, or to stdout. Other tar runs (extract, list) are OTHER. Both the traditional
     * form ({@code tar czf out.tgz dir}) and the dashed one ({@code tar -c -z -f out.tgz dir}) are read.
     */
    private static ToolUse tar(String tool, List<String> args, String cwd) {
        boolean create = false;
        String file = null;
        String dir = cwd;
        List<String> operands = new ArrayList<>();
        int pendingFile = 0; // traditional cluster letters waiting for their operand: f, C, T, X, b...
        List<Character> pending = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i == 0 && !a.startsWith("-") && a.matches("[A-Za-z]+")) {
                for (char c : a.toCharArray()) {
                    if (c == 'c') {
                        create = true;
                    } else if ("fCTXbHgINKVL".indexOf(c) >= 0) {
                        pending.add(c);
                    }
                }
                continue;
            }
            if (!pending.isEmpty() && pendingFile < pending.size()) {
                char c = pending.get(pendingFile++);
                if (c == 'f') {
                    file = a;
                } else if (c == 'C') {
                    dir = PathNames.resolve(cwd, a);
                }
                continue;
            }
            if (TAR_VALUE_OPTIONS.contains(a)) {
                String v = i + 1 < args.size() ? args.get(i + 1) : null;
                if (v != null && (a.equals("-f") || a.equals("--file"))) {
                    file = v;
                } else if (v != null && (a.equals("-C") || a.equals("--directory"))) {
                    dir = PathNames.resolve(dir, v);
                }
                i++;
            } else if (a.startsWith("--file=")) {
                file = a.substring(7);
            } else if (a.startsWith("--directory=")) {
                dir = PathNames.resolve(dir, a.substring(12));
            } else if (a.equals("--create")) {
                create = true;
            } else if (a.startsWith("--")) {
                continue;
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    if (c == 'c') {
                        create = true;
                    } else if (c == 'f' || c == 'C') {
                        String v = k < a.length() - 1 ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (c == 'f') {
                            file = v;
                        } else if (v != null) {
                            dir = PathNames.resolve(dir, v);
                        }
                        break;
                    } else if ("TXbHgINKVL".indexOf(c) >= 0) {
                        if (k == a.length() - 1) {
                            i++;
                        }
                        break;
                    }
                }
            } else {
                operands.add(PathNames.resolve(dir, a));
            }
        }
        if (!create) {
            return other(tool, tool);
        }
        String output = file == null || file.equals("-") ? ToolUse.STDOUT : PathNames.resolve(cwd, file);
        return new ToolUse(tool, Action.ARCHIVE, tool + " -c", false, operands, output, true);
    }

    /** The value of an output option, resolved; {@value ToolUse#STDOUT} stays stdout. */
    private static String outputOf(List<String> args, String option, String cwd) {
        int i = args.indexOf(option);
        return i >= 0 && i + 1 < args.size() ? outputPath(cwd, args.get(i + 1)) : null;
    }

    private static String outputPath(String cwd, String value) {
        return value.equals("-") ? ToolUse.STDOUT : PathNames.resolve(cwd, value);
    }

    /** zip and rar add their suffix when the archive name has none. */
    private static String withSuffix(String archive, String suffix) {
        return PathNames.suffixDot(archive) < 0 ? archive + suffix : archive;
    }

    private static List<String> valueOf(List<String> args, String option, String cwd) {
        int i = args.indexOf(option);
        if (i >= 0 && i + 1 < args.size()) {
            return List.of(PathNames.resolve(cwd, args.get(i + 1)));
        }
        return List.of();
    }

    private static List<String> operands(List<String> args, String cwd, Set<String> valueOptions) {
        List<String> out = new ArrayList<>();
        boolean endOfOptions = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!endOfOptions && a.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && valueOptions.contains(a)) {
                i++;
            } else if (endOfOptions || !a.startsWith("-")) {
                out.add(PathNames.resolve(cwd, a));
            }
        }
        return out;
    }
}
