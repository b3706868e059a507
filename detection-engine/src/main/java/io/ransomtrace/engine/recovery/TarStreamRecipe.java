package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.EncryptionCommandParser;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.signal.ToolUse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Folders archived by tar and encrypted as one stream: {@code tar czf - SITE | openssl enc … -out SITE.tgz.enc},
 * {@code tar cf - DIR | gpg -c … -o DIR.tar.gpg} (a compressor may sit between them: {@code tar cf - D | xz | gpg …}), or {@code gpgtar --symmetric -o OUT DIR…} (gpgtar writes the
 * tar archive into the gpg it starts, which the log shows as its child). The encrypting command's own recipe
 * holds the key, the cipher and the encrypted file; tar's operands say what went in and under which member
 * name (as given, without a leading {@code /}). An original comes back by decrypting the stream and extracting
 * its member: {@code sh -c 'f=$1 m=$2; shift 2; "$@" <"$f" | tar -xOf - -- "$m"' sh ENCRYPTED MEMBER DECRYPT…}
 * (with tar's compression flag when the archive was compressed: tar does not guess it on a pipe).
 *
 * @param stream      the encrypting command that read the archive on its standard input
 * @param archiver    the tar or gpgtar command that wrote it
 * @param inputs      tar's operands, each with the member name it is stored under
 * @param compression tar's compression flag to extract with ({@code -z}, {@code -j}, {@code -J}, {@code --zstd}…), or null
 * @param removes     true when tar deleted what it archived ({@code --remove-files})
 */
public record TarStreamRecipe(Recipe stream, LoggedCommand archiver, List<ArchiveInput> inputs, String compression,
                              boolean removes) implements ArchiveRecipe {

    /** How close in pid the tar of a pipeline is to the encrypting tool, and in time (as for a key feeder). */
    private static final int MAX_PID_GAP = 4;
    private static final Duration MAX_TIME_GAP = Duration.ofSeconds(5);

    public TarStreamRecipe {
        inputs = List.copyOf(inputs);
    }

    /**
     * The tar stream {@code stream} encrypted, or null when the log does not show which tar wrote its standard input.
     *
     * @param stream an openssl or gpg recipe that names no input file (it read its standard input)
     */
    static TarStreamRecipe of(Recipe stream, CommandIndex commands) {
        LoggedCommand c = stream.command();
        LoggedCommand parent = commands.parentOf(c);
        if (parent != null && parent.name().equals("gpgtar")) {
            TarStreamRecipe r = read(stream, parent);
            if (r != null) {
                return r;
            }
        }
        // a pipeline's commands are forked left to right under one parent: tar, then maybe a compressor, then c
        String compressor = null;
        for (int gap = 1; gap <= MAX_PID_GAP; gap++) {
            for (LoggedCommand s : commands.withPid(c.pid() - gap)) {
                if (s.ppid() != c.ppid() || c.ppid() <= 0
                        || Duration.between(s.time(), c.time()).abs().compareTo(MAX_TIME_GAP) > 0) {
                    continue;
                }
                String filter = compressor == null ? filterFlag(s) : null;
                if (filter != null) {
                    compressor = filter; // tar c -f - DIR | gzip | openssl …: the archive went through it
                } else if (s.name().equals("tar") || s.name().equals("bsdtar")) {
                    TarStreamRecipe r = read(stream, s);
                    if (r != null) {
                        return compressor == null || r.compression() != null ? r
                                : new TarStreamRecipe(r.stream(), r.archiver(), r.inputs(), compressor, r.removes());
                    }
                }
            }
        }
        return null;
    }

    /**
     * tar's flag for what a compressor in the middle of the pipeline did to the archive, when it compressed its
     * standard input to its standard output (no file operand, no decompression), else null.
     */
    private static String filterFlag(LoggedCommand c) {
        String flag = switch (c.name()) {
            case "gzip", "pigz" -> "-z";
            case "bzip2", "pbzip2" -> "-j";
            case "xz" -> "-J";
            case "zstd" -> "--zstd";
            case "lzip" -> "--lzip";
            default -> null;
        };
        if (flag == null) {
            return null;
        }
        for (String a : c.args()) {
            if (!a.startsWith("-") || a.equals("-d") || a.equals("--decompress") || a.equals("--uncompress")
                    || (!a.startsWith("--") && a.indexOf('d') > 0)) {
                return null; // a file operand, or decompressing
            }
        }
        return flag;
    }

    /** The recipe when {@code archiver} created an archive on its standard output (gpgtar: into its gpg), else null. */
    private static TarStreamRecipe read(Recipe stream, LoggedCommand archiver) {
        ToolUse use = EncryptionCommandParser.parse(archiver.name(), archiver.argv(), archiver.cwd());
        if (use == null || use.targets().isEmpty()) {
            return null;
        }
        boolean gpgtar = archiver.name().equals("gpgtar");
        if (gpgtar ? use.action() != ToolUse.Action.ENCRYPT
                : use.action() != ToolUse.Action.ARCHIVE || !ToolUse.STDOUT.equals(use.output())) {
            return null;
        }
        List<String> args = archiver.args();
        List<ArchiveInput> inputs = new ArrayList<>();
        for (String target : use.targets()) {
            String operand = operandOf(target, args);
            if (operand != null) {
                inputs.add(new ArchiveInput(target, member(operand), operand.indexOf('*') >= 0 || operand.indexOf('?') >= 0));
            }
        }
        if (inputs.isEmpty()) {
            return null;
        }
        return new TarStreamRecipe(stream, archiver, inputs, gpgtar ? null : compression(args),
                !gpgtar && args.contains("--remove-files"));
    }

    /** The operand as typed that resolved to {@code target}: the member name is made from it. */
    private static String operandOf(String target, List<String> args) {
        for (String a : args) {
            if (a.isEmpty() || a.startsWith("-")) {
                continue;
            }
            String trimmed = trimSlashes(a);
            if (trimmed.isEmpty()) {
                continue;
            }
            String normal = PathNames.resolve("/", trimmed);
            if (a.startsWith("/") ? target.equals(normal) : target.endsWith(normal.equals("/") ? "" : normal)) {
                return a;
            }
        }
        return null;
    }

    /** tar stores an operand as given, without leading slashes and without a trailing one ({@code ./b} stays). */
    private static String member(String operand) {
        String m = operand;
        while (m.startsWith("/")) {
            m = m.substring(1);
        }
        return trimSlashes(m);
    }

    private static String trimSlashes(String s) {
        String m = s;
        while (m.length() > 1 && m.endsWith("/")) {
            m = m.substring(0, m.length() - 1);
        }
        return m;
    }

    /** tar's compression option of a create run, to extract with (read from a pipe tar needs to be told). */
    private static String compression(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--gzip", "--gunzip", "--ungzip" -> {
                    return "-z";
                }
                case "--bzip2" -> {
                    return "-j";
                }
                case "--xz" -> {
                    return "-J";
                }
                case "--zstd", "--lzma", "--lzip", "--lzop" -> {
                    return a;
                }
                default -> { }
            }
            boolean cluster = (i == 0 && a.matches("[A-Za-z]+")) || (a.startsWith("-") && !a.startsWith("--"));
            if (!cluster) {
                continue;
            }
            for (int k = a.startsWith("-") ? 1 : 0; k < a.length(); k++) {
                char c = a.charAt(k);
                if (c == 'z' || c == 'j' || c == 'J' || c == 'Z') {
                    return "-" + c;
                }
                if (a.startsWith("-") && "fCTXbHgINKVL".indexOf(c) >= 0) {
                    break; // the rest of the word is that option's value
                }
            }
        }
        return null;
    }

    @Override
    public LoggedCommand command() {
        return stream.command();
    }

    @Override
    public String tool() {
        return archiver.name().equals("gpgtar") ? "gpgtar (" + stream.tool() + ")" : archiver.name() + " | " + stream.tool();
    }

    @Override
    public String cipher() {
        return stream.cipher();
    }

    @Override
    public KeySource key() {
        return stream.key();
    }

    /** The stream the encrypting command wrote: the encrypted tar archive. */
    @Override
    public String archive() {
        return stream.output();
    }

    /** tar takes a named directory with everything below it. */
    @Override
    public boolean recursive() {
        return true;
    }

    @Override
    public boolean keepsOriginals() {
        return !removes;
    }

    @Override
    public DecryptCommand decrypt(Target t) {
        String extract = "tar -x" + (compression == null ? "" : " " + compression) + " -O -f - -- \"$m\"";
        DecryptCommand.Builder b = new DecryptCommand.Builder()
                .add("sh", "-c", "f=$1 m=$2; shift 2; \"$@\" <\"$f\" | " + extract, "sh").input(t.encryptedPath())
                .add(t.member());
        if (stream instanceof OpensslEncRecipe o) {
            b.add("openssl", o.subcommand(), "-d");
            if (o.subcommand().equals("enc")) {
                b.add("-" + o.cipher());
            }
            b.addAll(o.replayed()).addAll(o.keyArgs());
        } else if (stream instanceof GpgRecipe g) {
            b.add(g.name(), "--homedir").scratch("/gnupg").add("--batch", "--quiet", "--no-symkey-cache", "--pinentry-mode",
                    "loopback", "--passphrase", g.key().secret(), "--decrypt");
            b.cleanup(DecryptCommand.Arg.word("gpgconf"), DecryptCommand.Arg.word("--homedir"),
                    DecryptCommand.Arg.slot(DecryptCommand.Slot.SCRATCH, "/gnupg"), DecryptCommand.Arg.word("--kill"),
                    DecryptCommand.Arg.word("gpg-agent"));
        } else {
            throw new IllegalStateException("a tar stream is read only from openssl enc and gpg: " + stream.tool());
        }
        return b.tools("tar", stream instanceof GpgRecipe g ? g.name() : "openssl").toStdout();
    }
}
