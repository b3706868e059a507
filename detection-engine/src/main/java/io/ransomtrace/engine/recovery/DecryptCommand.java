package io.ransomtrace.engine.recovery;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that undoes one file's encryption: the attacker's tool with the same key and flags, inverted. The
 * arguments are literal words except three slots the plan's script fills in: the encrypted file
 * ({@link Slot#INPUT}: read where the script is told the evidence is, the live system or a mounted copy), where
 * the recovered bytes go ({@link Slot#OUTPUT}, a fresh file the script then moves into place) and a private
 * scratch directory ({@link Slot#SCRATCH}, gpg's home). With {@code toStdout} the tool writes the original to
 * its standard output instead (7z, unzip, ccrypt -c), and the script redirects that to the output file.
 *
 * @param args     argv, argv[0] first
 * @param input    the encrypted file's path on the attacked host (what {@link Slot#INPUT} stands for)
 * @param toStdout true when the recovered bytes come on standard output
 * @param cleanup  a command to run once after all files (gpg's agent in the scratch home), or empty
 * @param tools    the programs the command needs on the recovering machine (argv[0], or those of a pipeline)
 */
public record DecryptCommand(List<Arg> args, String input, boolean toStdout, List<Arg> cleanup, List<String> tools) {

    public enum Slot { INPUT, OUTPUT, SCRATCH }

    /** One word: a literal, or a slot, or a literal glued to a slot ({@code --homedir=} + scratch). */
    public record Arg(String prefix, Slot slot, String suffix) {
        public static Arg word(String s) {
            return new Arg(s, null, "");
        }

        public static Arg slot(Slot slot) {
            return new Arg("", slot, "");
        }

        public static Arg slot(Slot slot, String suffix) {
            return new Arg("", slot, suffix);
        }
    }

    public DecryptCommand {
        args = List.copyOf(args);
        cleanup = List.copyOf(cleanup);
        tools = tools == null || tools.isEmpty() ? args.isEmpty() ? List.of() : List.of(args.get(0).prefix()) : List.copyOf(tools);
    }

    public DecryptCommand(List<Arg> args, String input, boolean toStdout, List<Arg> cleanup) {
        this(args, input, toStdout, cleanup, List.of());
    }

    /**
     * The command as words, the encrypted file by its path and the other slots as {@code <output>} and
     * {@code <scratch>} (for reading, not running: no quoting).
     */
    public String display() {
        List<String> words = new ArrayList<>();
        for (Arg a : args) {
            String slot = a.slot() == null ? "" : a.slot() == Slot.INPUT ? input
                    : "<" + a.slot().name().toLowerCase(java.util.Locale.ROOT) + ">";
            words.add(a.prefix() + slot + a.suffix());
        }
        return String.join(" ", words) + (toStdout ? " > <output>" : "");
    }

    static final class Builder {
        private final List<Arg> args = new ArrayList<>();
        private final List<Arg> cleanup = new ArrayList<>();
        private String input;
        private List<String> tools = List.of();

        Builder add(String... words) {
            for (String w : words) {
                args.add(Arg.word(w));
            }
            return this;
        }

        Builder addAll(List<String> words) {
            words.forEach(w -> args.add(Arg.word(w)));
            return this;
        }

        /** The encrypted file. */
        Builder input(String path) {
            input = path;
            args.add(Arg.slot(Slot.INPUT));
            return this;
        }

        Builder output() {
            args.add(Arg.slot(Slot.OUTPUT));
            return this;
        }

        Builder scratch(String suffix) {
            args.add(Arg.slot(Slot.SCRATCH, suffix));
            return this;
        }

        Builder cleanup(Arg... words) {
            cleanup.addAll(List.of(words));
            return this;
        }

        /** The programs needed, when argv[0] is not the only one (a shell running a pipeline). */
        Builder tools(String... names) {
            tools = List.of(names);
            return this;
        }

        DecryptCommand toFile() {
            return new DecryptCommand(args, input, false, cleanup, tools);
        }

        DecryptCommand toStdout() {
            return new DecryptCommand(args, input, true, cleanup, tools);
        }
    }
}
