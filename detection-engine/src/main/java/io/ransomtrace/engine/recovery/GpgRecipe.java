package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.PathNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code gpg --symmetric} / {@code gpg -c} (and {@code gpg --encrypt} to a recipient). A symmetric file is undone
 * with {@code gpg --decrypt} and the same passphrase; the cipher is recorded in the file, so {@code --cipher-algo}
 * needs no replay. Output names follow gpg: {@code -o FILE}, else the input plus {@code .gpg} ({@code .asc}
 * with {@code --armor}), one per input with {@code --encrypt-files}/{@code --multifile}.
 */
public record GpgRecipe(LoggedCommand command, String name, String mode, String cipher, KeySource key,
                        List<String> inputs, String out, boolean armor) implements Recipe {

    private static final Set<String> VALUE_OPTIONS = Set.of("-r", "-R", "-u", "-o", "-z", "--recipient",
            "--hidden-recipient", "--output", "--local-user", "--homedir", "--passphrase", "--passphrase-file",
            "--passphrase-fd", "--cipher-algo", "--compress-algo", "--digest-algo", "--default-key", "--trust-model",
            "--pinentry-mode", "--keyring", "--status-fd", "--logger-fd", "--set-filename", "--comment",
            "--default-recipient", "--recipient-file", "--s2k-cipher-algo", "--s2k-digest-algo", "--compress-level",
            "--s2k-mode", "--s2k-count", "--command-fd", "--attribute-fd", "--personal-cipher-preferences");

    public GpgRecipe {
        inputs = List.copyOf(inputs);
    }

    static GpgRecipe read(LoggedCommand c, PipedInput piped) {
        List<String> args = c.args();
        boolean symmetric = false;
        boolean armor = false;
        String cipher = null;
        String out = null;
        String recipient = null;
        KeySource pass = null;
        List<String> inputs = new ArrayList<>();
        boolean operandsOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (operandsOnly || !a.startsWith("-") || a.equals("-")) {
                if (!a.equals("-")) {
                    inputs.add(PathNames.resolve(c.cwd(), a));
                }
                continue;
            }
            if (a.equals("--")) {
                operandsOnly = true;
                continue;
            }
            String opt = a;
            String v = null;
            if (a.startsWith("--") && a.indexOf('=') > 0) {
                opt = a.substring(0, a.indexOf('='));
                v = a.substring(a.indexOf('=') + 1);
            } else if (a.startsWith("--") && VALUE_OPTIONS.contains(a)) {
                v = i + 1 < args.size() ? args.get(++i) : null;
            }
            if (a.startsWith("--")) {
                switch (opt) {
                    case "--symmetric" -> symmetric = true;
                    case "--armor" -> armor = true;
                    case "--output" -> out = v == null || v.equals("-") ? null : PathNames.resolve(c.cwd(), v);
                    case "--cipher-algo" -> cipher = v;
                    case "--recipient", "--hidden-recipient" -> recipient = v;
                    case "--passphrase" -> pass = v == null ? pass
                            : new KeySource(KeySource.Kind.PASSPHRASE, v, null, "--passphrase", c.eventId());
                    case "--passphrase-file" -> pass = v == null ? pass
                            : new KeySource(KeySource.Kind.FILE, null, PathNames.resolve(c.cwd(), v), "--passphrase-file",
                            c.eventId());
                    case "--passphrase-fd" -> pass = v == null ? pass : fd(c, v, piped);
                    default -> { }
                }
                continue;
            }
            // short options, possibly bundled (-ac, -co FILE)
            for (int k = 1; k < a.length(); k++) {
                char f = a.charAt(k);
                if (f == 'c') {
                    symmetric = true;
                } else if (f == 'a') {
                    armor = true;
                } else if ("ruozR".indexOf(f) >= 0) {
                    String value = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    if (f == 'o' && value != null && !value.equals("-")) {
                        out = PathNames.resolve(c.cwd(), value);
                    } else if (f == 'r' || f == 'R') {
                        recipient = value;
                    }
                    break;
                }
            }
        }
        KeySource key;
        if (symmetric) {
            key = pass != null ? pass : new KeySource(KeySource.Kind.PROMPT, null, null, "gpg -c without a passphrase option",
                    c.eventId());
        } else {
            key = new KeySource(KeySource.Kind.KEY_PAIR, null, recipient == null ? null : "the private key of recipient "
                    + recipient, "--encrypt", c.eventId());
        }
        return new GpgRecipe(c, c.name(), symmetric ? "--symmetric" : "--encrypt",
                cipher != null ? cipher : "gpg default (AES-256 in GnuPG 2.2+)", key, inputs, out, armor);
    }

    private static KeySource fd(LoggedCommand c, String v, PipedInput piped) {
        if (v.equals("0")) {
            PipedInput.Fed fed = piped.of(c);
            if (fed != null && !fed.firstLine().isEmpty()) {
                return new KeySource(KeySource.Kind.PASSPHRASE, fed.firstLine(), null, fed.how() + " (--passphrase-fd 0)",
                        fed.eventId());
            }
            return new KeySource(KeySource.Kind.STREAM, null, "standard input", "--passphrase-fd 0", c.eventId());
        }
        return new KeySource(KeySource.Kind.STREAM, null, "file descriptor " + v, "--passphrase-fd " + v, c.eventId());
    }

    @Override
    public String tool() {
        return name + " " + mode;
    }

    private String outputOf(String input) {
        if (out != null && inputs.size() <= 1) {
            return out;
        }
        return input + (armor ? ".asc" : ".gpg");
    }

    @Override
    public Target target(String original, String newName) {
        if (inputs.contains(original)) {
            return new Target(outputOf(original), null);
        }
        if (inputs.isEmpty() && out != null && out.equals(newName)) {
            return new Target(out, null);
        }
        return null;
    }

    @Override
    public List<String> namedInputs() {
        return inputs;
    }

    @Override
    public String output() {
        return inputs.size() <= 1 ? out : null;
    }

    @Override
    public DecryptCommand decrypt(Target t) {
        DecryptCommand.Builder b = new DecryptCommand.Builder().add(name, "--homedir").scratch("/gnupg")
                .add("--batch", "--quiet", "--no-symkey-cache", "--pinentry-mode", "loopback", "--passphrase",
                        key.secret(), "--output").output().add("--decrypt", "--").input(t.encryptedPath());
        b.cleanup(DecryptCommand.Arg.word("gpgconf"), DecryptCommand.Arg.word("--homedir"),
                DecryptCommand.Arg.slot(DecryptCommand.Slot.SCRATCH, "/gnupg"), DecryptCommand.Arg.word("--kill"),
                DecryptCommand.Arg.word("gpg-agent"));
        return b.toFile();
    }
}
