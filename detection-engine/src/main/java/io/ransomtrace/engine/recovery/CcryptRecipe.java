package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.PathNames;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ccrypt -e [-r] -K KEY FILES…} (and ccencrypt): each file is overwritten in place with its encryption and
 * renamed with the suffix ({@code .cpt}, or {@code -S}). Undone by {@code ccrypt -d -c -K KEY -- FILE.cpt}, which
 * writes the original to standard output and leaves the encrypted file as it is.
 */
public record CcryptRecipe(LoggedCommand command, KeySource key, List<String> inputs, String suffix, boolean recursive)
        implements Recipe {

    public CcryptRecipe {
        inputs = List.copyOf(inputs);
    }

    static CcryptRecipe read(LoggedCommand c, PipedInput piped) {
        List<String> args = c.args();
        KeySource key = null;
        String suffix = ".cpt";
        boolean recursive = false;
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
            if (a.startsWith("--")) {
                String opt = a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) : a;
                boolean takes = opt.equals("--key") || opt.equals("--keyfile") || opt.equals("--envvar")
                        || opt.equals("--suffix") || opt.equals("--key2") || opt.equals("--prompt");
                String v = a.indexOf('=') > 0 ? a.substring(a.indexOf('=') + 1) : takes && i + 1 < args.size() ? args.get(++i) : null;
                switch (opt) {
                    case "--key" -> key = keyword(c, v, "--key");
                    case "--keyfile" -> key = keyFile(c, v, piped);
                    case "--envvar" -> key = new KeySource(KeySource.Kind.ENVIRONMENT, null, v, "--envvar", c.eventId());
                    case "--suffix" -> suffix = v == null ? suffix : v;
                    case "--recursive", "--rec-symlinks" -> recursive = true;
                    default -> { }
                }
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char f = a.charAt(k);
                if (f == 'r' || f == 'R') {
                    recursive = true;
                } else if ("KkESHP".indexOf(f) >= 0) {
                    String v = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    switch (f) {
                        case 'K' -> key = keyword(c, v, "-K");
                        case 'k' -> key = keyFile(c, v, piped);
                        case 'E' -> key = new KeySource(KeySource.Kind.ENVIRONMENT, null, v, "-E", c.eventId());
                        case 'S' -> suffix = v == null ? suffix : v;
                        default -> { }
                    }
                    break;
                }
            }
        }
        if (key == null) {
            key = new KeySource(KeySource.Kind.PROMPT, null, null, "no key option (asked at a prompt)", c.eventId());
        }
        return new CcryptRecipe(c, key, inputs, suffix, recursive);
    }

    private static KeySource keyword(LoggedCommand c, String v, String how) {
        return v == null ? null : new KeySource(KeySource.Kind.PASSPHRASE, v, null, how, c.eventId());
    }

    private static KeySource keyFile(LoggedCommand c, String v, PipedInput piped) {
        if (v == null) {
            return null;
        }
        if (v.equals("-")) {
            PipedInput.Fed fed = piped.of(c);
            if (fed != null && !fed.firstLine().isEmpty()) {
                return new KeySource(KeySource.Kind.PASSPHRASE, fed.firstLine(), null, fed.how() + " (-k -)", fed.eventId());
            }
            return new KeySource(KeySource.Kind.STREAM, null, "standard input", "-k -", c.eventId());
        }
        return new KeySource(KeySource.Kind.FILE, null, PathNames.resolve(c.cwd(), v), "-k", c.eventId());
    }

    @Override
    public String tool() {
        return "ccrypt";
    }

    @Override
    public String cipher() {
        return "Rijndael-256 (ccrypt)";
    }

    @Override
    public Target target(String original, String newName) {
        for (String in : inputs) {
            if (original.equals(in) || (recursive && original.startsWith(in.endsWith("/") ? in : in + "/"))) {
                return new Target(newName != null ? newName : original + suffix, null);
            }
        }
        return null;
    }

    @Override
    public List<String> namedInputs() {
        return inputs;
    }

    @Override
    public boolean takesDirectories() {
        return recursive;
    }

    @Override
    public DecryptCommand decrypt(Target t) {
        return new DecryptCommand.Builder().add("ccrypt", "-d", "-c", "-K", key.secret(), "--").input(t.encryptedPath())
                .toStdout();
    }
}
