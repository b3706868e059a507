package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.PathNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code openssl enc -aes-256-cbc …} (or {@code openssl aes-256-cbc …}). Undone by the same command with
 * {@code -d} and every flag that changes how the key is derived or the data encoded: {@code -pbkdf2},
 * {@code -iter}, {@code -md} (without it each openssl uses its own default: sha256 since 1.1.0), {@code -nosalt},
 * {@code -a}/{@code -base64}, {@code -A}, {@code -nopad}, {@code -z}, {@code -saltlen} and the provider options;
 * the key options exactly as given ({@code -pass}, {@code -k}, {@code -K}/{@code -iv}). {@code -S} is dropped:
 * a salted file carries its salt in its header.
 */
public record OpensslEncRecipe(LoggedCommand command, String subcommand, String cipher, KeySource key,
                               List<String> keyArgs, List<String> replayed, String in, String out,
                               String redirectedOut) implements Recipe {

    private static final Set<String> VALUE_OPTIONS = Set.of("-in", "-out", "-pass", "-k", "-kfile", "-K", "-S", "-iv",
            "-md", "-iter", "-bufsize", "-engine", "-rand", "-writerand", "-provider", "-provider-path", "-propquery",
            "-saltlen", "-skeymgmt", "-skeyopt");
    private static final Set<String> REPLAYED_FLAGS = Set.of("-pbkdf2", "-nosalt", "-a", "-base64", "-A", "-nopad", "-z");
    private static final Set<String> REPLAYED_VALUES = Set.of("-md", "-iter", "-saltlen", "-provider", "-provider-path",
            "-propquery");

    public OpensslEncRecipe {
        keyArgs = List.copyOf(keyArgs);
        replayed = List.copyOf(replayed);
    }

    static OpensslEncRecipe read(LoggedCommand c, PipedInput piped) {
        List<String> args = c.args();
        String sub = args.get(0);
        String cipher = sub.equals("enc") ? null : sub;
        List<String> replayed = new ArrayList<>();
        List<String> keyArgs = new ArrayList<>();
        KeySource key = null;
        KeySource rawKey = null;
        String in = null;
        String out = null;
        String iv = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i).startsWith("--") ? args.get(i).substring(1) : args.get(i);
            String v = VALUE_OPTIONS.contains(a) && i + 1 < args.size() ? args.get(++i) : null;
            if (v == null && VALUE_OPTIONS.contains(a)) {
                break; // an option without its value: openssl would have refused to run
            }
            switch (a) {
                case "-in" -> in = file(c, v);
                case "-out" -> out = file(c, v);
                case "-pass" -> {
                    KeySource k = passArg(c, v, piped);
                    key = key == null || !key.known() ? k : key;
                    keyArgs.add("-pass");
                    keyArgs.add(k.known() ? "pass:" + k.secret() : v);
                }
                case "-k" -> {
                    key = new KeySource(KeySource.Kind.PASSPHRASE, v, null, "-k", c.eventId());
                    keyArgs.add("-k");
                    keyArgs.add(v);
                }
                case "-kfile" -> {
                    key = new KeySource(KeySource.Kind.FILE, null, PathNames.resolve(c.cwd(), v), "-kfile", c.eventId());
                    keyArgs.add("-kfile");
                    keyArgs.add(v);
                }
                case "-K" -> {
                    rawKey = new KeySource(KeySource.Kind.RAW_KEY, v, null, "-K", c.eventId());
                    keyArgs.add("-K");
                    keyArgs.add(v);
                }
                case "-iv" -> {
                    iv = v;
                    keyArgs.add("-iv");
                    keyArgs.add(v);
                }
                default -> {
                    if (REPLAYED_FLAGS.contains(a)) {
                        replayed.add(a);
                    } else if (REPLAYED_VALUES.contains(a)) {
                        replayed.add(a);
                        replayed.add(v);
                    } else if (cipher == null && a.startsWith("-") && a.length() > 2 && !VALUE_OPTIONS.contains(a)
                            && isCipher(a)) {
                        cipher = a.substring(1);
                    }
                }
            }
        }
        if (cipher == null) {
            return null;
        }
        // -K sets the key whatever a password would derive (openssl enc applies it last)
        KeySource k = rawKey != null ? rawKey : key != null ? key
                : new KeySource(KeySource.Kind.PROMPT, null, null, "no key option", c.eventId());
        String redirected = null;
        if (out == null) {
            for (String f : c.createdFiles()) {
                if (!f.equals(in)) {
                    redirected = f;
                }
            }
        }
        return new OpensslEncRecipe(c, sub, cipher.toLowerCase(Locale.ROOT), k, keyArgs, replayed, in, out, redirected);
    }

    static boolean isCipher(String option) {
        String n = option.substring(1).toLowerCase(Locale.ROOT);
        for (String p : new String[]{"aes", "aria", "camellia", "des", "bf", "blowfish", "cast", "chacha20", "idea",
                "rc2", "rc4", "rc5", "seed", "sm4"}) {
            if (n.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String file(LoggedCommand c, String v) {
        return v == null || v.equals("-") ? null : PathNames.resolve(c.cwd(), v);
    }

    /** openssl's pass phrase argument: pass:, env:, file:, fd:, stdin. */
    private static KeySource passArg(LoggedCommand c, String v, PipedInput piped) {
        long id = c.eventId();
        if (v.startsWith("pass:")) {
            return new KeySource(KeySource.Kind.PASSPHRASE, v.substring(5), null, "-pass pass:", id);
        }
        if (v.startsWith("env:")) {
            return new KeySource(KeySource.Kind.ENVIRONMENT, null, v.substring(4), "-pass env:", id);
        }
        if (v.startsWith("file:")) {
            return new KeySource(KeySource.Kind.FILE, null, PathNames.resolve(c.cwd(), v.substring(5)), "-pass file:", id);
        }
        if (v.equals("stdin") || v.equals("fd:0")) {
            PipedInput.Fed fed = piped.of(c);
            if (fed != null && !fed.firstLine().isEmpty()) {
                return new KeySource(KeySource.Kind.PASSPHRASE, fed.firstLine(), null, fed.how() + " (-pass " + v + ")",
                        fed.eventId());
            }
            return new KeySource(KeySource.Kind.STREAM, null, "standard input", "-pass " + v, id);
        }
        if (v.startsWith("fd:")) {
            return new KeySource(KeySource.Kind.STREAM, null, "file descriptor " + v.substring(3), "-pass " + v, id);
        }
        return new KeySource(KeySource.Kind.PROMPT, null, null, "-pass " + v, id);
    }

    @Override
    public String tool() {
        return "openssl " + subcommand;
    }

    @Override
    public Target target(String original, String newName) {
        String written = out != null ? out : redirectedOut;
        if (in != null) {
            return in.equals(original) ? new Target(written != null ? written : newName, null) : null;
        }
        return written != null && written.equals(newName) ? new Target(written, null) : null;
    }

    @Override
    public List<String> namedInputs() {
        return in == null ? List.of() : List.of(in);
    }

    @Override
    public String output() {
        return out != null ? out : redirectedOut;
    }

    @Override
    public DecryptCommand decrypt(Target t) {
        DecryptCommand.Builder b = new DecryptCommand.Builder().add("openssl", subcommand, "-d");
        if (subcommand.equals("enc")) {
            b.add("-" + cipher);
        }
        return b.addAll(replayed).addAll(keyArgs).add("-in").input(t.encryptedPath()).add("-out").output().toFile();
    }
}
