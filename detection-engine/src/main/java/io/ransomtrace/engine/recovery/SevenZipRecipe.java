package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.PathNames;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code 7z a -pPASSWORD [-mhe=on] [-sdel] ARCHIVE FILES…} (7z, 7za, 7zz, 7zr). Each original is undone by
 * extracting its own member to standard output with the same password: {@code 7z e -so -spd -pPASSWORD --
 * ARCHIVE MEMBER} ({@code -spd}: the member name is taken literally, not as a wildcard). Without
 * {@code -sdel} 7z leaves the originals where they were.
 */
public record SevenZipRecipe(LoggedCommand command, String name, String archive, String cipher, KeySource key,
                             List<ArchiveInput> inputs, boolean deletesOriginals, boolean recursive)
        implements ArchiveRecipe {

    public SevenZipRecipe {
        inputs = List.copyOf(inputs);
    }

    static SevenZipRecipe read(LoggedCommand c) {
        String command = null;
        String archive = null;
        String type = null;
        boolean sdel = false;
        boolean fullPaths = false;
        boolean recursive = true; // 7z takes a named directory with everything below it
        KeySource key = null;
        List<String> operands = new ArrayList<>();
        boolean switchesDone = false;
        for (String a : c.args()) {
            if (!switchesDone && a.equals("--")) {
                switchesDone = true;
            } else if (!switchesDone && a.startsWith("-") && a.length() > 1) {
                if (a.startsWith("-p") && !a.equals("-p-")) {
                    key = a.length() > 2 ? new KeySource(KeySource.Kind.PASSPHRASE, a.substring(2), null, "-p", c.eventId())
                            : new KeySource(KeySource.Kind.PROMPT, null, null, "-p (asked at a prompt)", c.eventId());
                } else if (a.equals("-sdel")) {
                    sdel = true;
                } else if (a.startsWith("-spf")) {
                    fullPaths = true;
                } else if (a.startsWith("-t") && a.length() > 2) {
                    type = a.substring(2).toLowerCase(java.util.Locale.ROOT);
                }
            } else if (command == null) {
                command = a;
            } else if (archive == null) {
                archive = PathNames.resolve(c.cwd(), a);
            } else {
                operands.add(a);
            }
        }
        if (archive == null || key == null) {
            return null;
        }
        if (PathNames.baseName(archive).indexOf('.') < 0) {
            archive = archive + "." + (type == null ? "7z" : type); // 7z adds the type's extension to a bare name
        }
        ArchiveInput.Naming naming = fullPaths ? ArchiveInput.Naming.SEVEN_ZIP_FULL_PATHS : ArchiveInput.Naming.SEVEN_ZIP;
        List<ArchiveInput> inputs = new ArrayList<>();
        for (String o : operands) {
            inputs.add(ArchiveInput.of(c.cwd(), o, naming));
        }
        String cipher = type == null || type.equals("7z") ? "AES-256 (7z)" : "the " + type + " format's encryption (7z -t" + type + ")";
        return new SevenZipRecipe(c, c.name(), archive, cipher, key, inputs, sdel, recursive);
    }

    @Override
    public String tool() {
        return name + " a";
    }

    @Override
    public boolean keepsOriginals() {
        return !deletesOriginals;
    }

    @Override
    public DecryptCommand decrypt(Target t) {
        return new DecryptCommand.Builder().add(name, "e", "-so", "-spd", "-p" + key.secret(), "--").input(t.encryptedPath())
                .add(t.member()).toStdout();
    }
}
