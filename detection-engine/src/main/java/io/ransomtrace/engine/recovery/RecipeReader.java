package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.signal.EncryptionCommandParser;
import io.ransomtrace.engine.signal.ToolUse;

/**
 * Reads an encrypting command's recipe from its arguments. Whether the command encrypts at all is the
 * detector's own reading ({@link EncryptionCommandParser}): a decrypting run ({@code openssl enc -d},
 * {@code gpg -d}, {@code 7z x}, {@code ccrypt -d}) gives no recipe, so its key is never taken for the
 * attacker's.
 */
public final class RecipeReader {

    private RecipeReader() {
    }

    /** The recipe of an encrypting command, or null for any other command. */
    static Recipe read(LoggedCommand c, PipedInput piped) {
        String name = c.name();
        if (!EncryptionCommandParser.knows(name)) {
            return null;
        }
        ToolUse use = EncryptionCommandParser.parse(name, c.argv(), c.cwd());
        if (use == null || !use.encrypts() || c.args().isEmpty()) {
            return null;
        }
        Recipe r = switch (use.tool()) {
            case "openssl" -> {
                String sub = c.args().get(0);
                if (sub.equals("pkeyutl") || sub.equals("rsautl")) {
                    yield KeyPairRecipe.read(c);
                }
                yield sub.equals("enc") || OpensslEncRecipe.isCipher("-" + sub) ? OpensslEncRecipe.read(c, piped) : null;
            }
            case "gpg", "gpg2" -> GpgRecipe.read(c, piped);
            case "7z", "7za", "7zz", "7zr" -> SevenZipRecipe.read(c);
            case "zip" -> ZipRecipe.read(c);
            case "ccrypt", "ccencrypt" -> CcryptRecipe.read(c, piped);
            case "age" -> AgeRecipe.read(c);
            default -> null;
        };
        // an encrypting stream that names no input: when a tar (or gpgtar) wrote it, the tar's operands went in
        boolean readsStdin = r instanceof OpensslEncRecipe o ? o.in() == null : r instanceof GpgRecipe g && g.inputs().isEmpty();
        if (readsStdin) {
            TarStreamRecipe tar = TarStreamRecipe.of(r, piped.commands());
            if (tar != null) {
                return tar;
            }
        }
        return r;
    }
}
