package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.PathNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code zip -P PASSWORD [-m] [-r] [-j] ARCHIVE FILES…}. Each original is undone by {@code unzip -p -P PASSWORD
 * ARCHIVE MEMBER} (the member written to standard output; wildcard characters in its name are bracketed so
 * unzip matches it literally). Without {@code -m} zip leaves the originals where they were.
 */
public record ZipRecipe(LoggedCommand command, String archive, KeySource key, List<ArchiveInput> inputs,
                        boolean deletesOriginals, boolean recursive, boolean junkPaths) implements ArchiveRecipe {

    private static final Set<String> VALUE_OPTIONS = Set.of("-P", "-b", "-n", "-t", "-tt", "-s", "-sp", "-O", "-Z",
            "--password", "--temp-path", "--suffixes", "--output-file", "--compression-method", "--split-size",
            "--from-date", "--before-date", "-ds", "-lf", "-la", "-li", "-sb", "-sc");

    public ZipRecipe {
        inputs = List.copyOf(inputs);
    }

    static ZipRecipe read(LoggedCommand c) {
        List<String> args = c.args();
        KeySource key = null;
        boolean move = false;
        boolean recursive = false;
        boolean junk = false;
        String archive = null;
        String outFile = null;
        List<String> operands = new ArrayList<>();
        boolean operandsOnly = false;
        boolean inList = false; // after -x / -i everything up to the next option is a pattern, not a file
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (operandsOnly || !a.startsWith("-") || a.equals("-")) {
                if (inList) {
                    continue;
                }
                if (archive == null) {
                    archive = PathNames.resolve(c.cwd(), a);
                } else if (!a.equals("-")) {
                    operands.add(a);
                }
                continue;
            }
            inList = false;
            if (a.equals("--")) {
                operandsOnly = true;
                continue;
            }
            if (a.startsWith("--")) {
                String opt = a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) : a;
                String v = a.indexOf('=') > 0 ? a.substring(a.indexOf('=') + 1)
                        : VALUE_OPTIONS.contains(a) && i + 1 < args.size() ? args.get(++i) : null;
                switch (opt) {
                    case "--password" -> key = new KeySource(KeySource.Kind.PASSPHRASE, v, null, "--password", c.eventId());
                    case "--encrypt" -> key = key != null ? key
                            : new KeySource(KeySource.Kind.PROMPT, null, null, "--encrypt (asked at a prompt)", c.eventId());
                    case "--move" -> move = true;
                    case "--recurse-paths", "--recurse-patterns" -> recursive = true;
                    case "--junk-paths" -> junk = true;
                    case "--output-file" -> outFile = v == null ? null : PathNames.resolve(c.cwd(), v);
                    case "--exclude", "--include" -> inList = true;
                    default -> { }
                }
                continue;
            }
            if (VALUE_OPTIONS.contains(a)) {
                String v = i + 1 < args.size() ? args.get(++i) : null;
                if (a.equals("-P") && v != null) {
                    key = new KeySource(KeySource.Kind.PASSPHRASE, v, null, "-P", c.eventId());
                } else if (a.equals("-O") && v != null) {
                    outFile = PathNames.resolve(c.cwd(), v);
                }
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char f = a.charAt(k);
                switch (f) {
                    case 'm' -> move = true;
                    case 'r', 'R' -> recursive = true;
                    case 'j' -> junk = true;
                    case 'e' -> key = key != null ? key
                            : new KeySource(KeySource.Kind.PROMPT, null, null, "-e (asked at a prompt)", c.eventId());
                    case 'x', 'i' -> inList = true;
                    case 'P' -> {
                        String v = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        key = v == null ? key : new KeySource(KeySource.Kind.PASSPHRASE, v, null, "-P", c.eventId());
                        k = a.length();
                    }
                    default -> { }
                }
            }
        }
        if (archive == null || key == null) {
            return null;
        }
        if (PathNames.baseName(archive).indexOf('.') < 0) {
            archive = archive + ".zip"; // zip adds .zip to a name without a suffix
        }
        ArchiveInput.Naming naming = junk ? ArchiveInput.Naming.BASE_NAME : ArchiveInput.Naming.ZIP;
        List<ArchiveInput> inputs = new ArrayList<>();
        for (String o : operands) {
            inputs.add(ArchiveInput.of(c.cwd(), o, naming));
        }
        return new ZipRecipe(c, outFile != null ? outFile : archive, key, inputs, move, recursive, junk);
    }

    @Override
    public String tool() {
        return "zip";
    }

    @Override
    public String cipher() {
        return "ZipCrypto (zip -P)";
    }

    @Override
    public boolean keepsOriginals() {
        return !deletesOriginals;
    }

    @Override
    public DecryptCommand decrypt(Target t) {
        return new DecryptCommand.Builder().add("unzip", "-p", "-P", key.secret()).input(t.encryptedPath())
                .add(literalPattern(t.member())).toStdout();
    }

    /**
     * unzip reads member names as wildcards: every wildcard character goes in brackets ({@code [*]}, {@code [?]},
     * {@code [[]}; a lone {@code ]} is literal), a backslash is doubled (it is unzip's escape character), and a
     * leading dash is bracketed so it is not read as an option.
     */
    static String literalPattern(String member) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < member.length(); k++) {
            char c = member.charAt(k);
            if (c == '*' || c == '?' || c == '[' || (k == 0 && c == '-')) {
                b.append('[').append(c).append(']');
            } else if (c == '\\') {
                b.append("\\\\");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
