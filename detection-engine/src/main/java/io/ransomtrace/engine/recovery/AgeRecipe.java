package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.PathNames;

import java.util.List;

/**
 * {@code age -r RECIPIENT [-o OUT] FILE} (or {@code -R recipients-file}, {@code -p}). Public-key encryption: the
 * private key is the attacker's and never on the command line, so the plan names the recipient; a passphrase
 * ({@code -p}) is typed at a prompt and the log cannot show it either.
 */
public record AgeRecipe(LoggedCommand command, KeySource key, String in, String out) implements Recipe {

    static AgeRecipe read(LoggedCommand c) {
        List<String> args = c.args();
        String recipient = null;
        String recipientsFile = null;
        boolean passphrase = false;
        String in = null;
        String out = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "-r", "--recipient" -> {
                    recipient = v;
                    i++;
                }
                case "-R", "--recipients-file" -> {
                    recipientsFile = v == null ? null : PathNames.resolve(c.cwd(), v);
                    i++;
                }
                case "-o", "--output" -> {
                    out = v == null || v.equals("-") ? null : PathNames.resolve(c.cwd(), v);
                    i++;
                }
                case "-i", "--identity" -> i++;
                case "-p", "--passphrase" -> passphrase = true;
                default -> {
                    if (!a.startsWith("-")) {
                        in = PathNames.resolve(c.cwd(), a);
                    }
                }
            }
        }
        KeySource key = passphrase
                ? new KeySource(KeySource.Kind.PROMPT, null, null, "-p (typed at age's prompt)", c.eventId())
                : new KeySource(KeySource.Kind.KEY_PAIR, null, recipient != null ? "the private key of age recipient " + recipient
                : recipientsFile != null ? "the private keys of the recipients in " + recipientsFile : null,
                recipient != null ? "-r" : "-R", c.eventId());
        return new AgeRecipe(c, key, in, out);
    }

    @Override
    public String tool() {
        return "age";
    }

    @Override
    public String cipher() {
        return key.kind() == KeySource.Kind.PROMPT ? "ChaCha20-Poly1305, scrypt passphrase (age)" : "X25519 + ChaCha20-Poly1305 (age)";
    }

    @Override
    public Target target(String original, String newName) {
        if (in != null) {
            return in.equals(original) ? new Target(out != null ? out : newName, null) : null;
        }
        return out != null && out.equals(newName) ? new Target(out, null) : null;
    }

    @Override
    public String output() {
        return out;
    }

    @Override
    public List<String> namedInputs() {
        return in == null ? List.of() : List.of(in);
    }

    @Override
    public DecryptCommand decrypt(Target target) {
        throw new IllegalStateException("the log never holds an age private key or a prompted passphrase");
    }
}
