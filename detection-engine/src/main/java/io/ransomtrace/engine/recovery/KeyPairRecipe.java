package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.PathNames;

import java.util.List;

/**
 * {@code openssl pkeyutl -encrypt} / {@code openssl rsautl -encrypt} with {@code -inkey FILE}: public-key
 * encryption. The log never holds the private key, but the command names the key file: seize it (without
 * {@code -pubin}/{@code -certin} it is the private key itself, and decrypts).
 */
public record KeyPairRecipe(LoggedCommand command, String subcommand, KeySource key, String in, String out,
                            boolean privateKeyFile) implements Recipe {

    static KeyPairRecipe read(LoggedCommand c) {
        List<String> args = c.args();
        String sub = args.get(0);
        String keyFile = null;
        String in = null;
        String out = null;
        boolean publicOnly = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "-inkey" -> {
                    keyFile = v == null ? null : PathNames.resolve(c.cwd(), v);
                    i++;
                }
                case "-in" -> {
                    in = v == null || v.equals("-") ? null : PathNames.resolve(c.cwd(), v);
                    i++;
                }
                case "-out" -> {
                    out = v == null || v.equals("-") ? null : PathNames.resolve(c.cwd(), v);
                    i++;
                }
                case "-pubin", "-certin" -> publicOnly = true;
                default -> { }
            }
        }
        String location = keyFile == null ? null : keyFile + (publicOnly
                ? " (the public key: its private key decrypts)" : " (holds the private key that decrypts)");
        KeySource key = new KeySource(KeySource.Kind.KEY_PAIR, null, keyFile == null ? null : location, "-inkey", c.eventId());
        return new KeyPairRecipe(c, sub, key, in, out, !publicOnly);
    }

    @Override
    public String tool() {
        return "openssl " + subcommand + " -encrypt";
    }

    @Override
    public String cipher() {
        return "RSA (openssl " + subcommand + ")";
    }

    @Override
    public Target target(String original, String newName) {
        if (in != null) {
            return in.equals(original) ? new Target(out != null ? out : newName, null) : null;
        }
        return out != null && out.equals(newName) ? new Target(out, null) : null;
    }

    @Override
    public List<String> namedInputs() {
        return in == null ? List.of() : List.of(in);
    }

    @Override
    public String output() {
        return out;
    }

    @Override
    public DecryptCommand decrypt(Target t) {
        throw new IllegalStateException("the private key is not in the log");
    }
}
