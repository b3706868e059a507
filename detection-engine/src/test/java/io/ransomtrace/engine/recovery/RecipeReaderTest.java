package io.ransomtrace.engine.recovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.ransomtrace.engine.recovery.Commands.recipe;
import static org.assertj.core.api.Assertions.assertThat;

/** What each tool's arguments tell about its key, its files and how to undo it. */
class RecipeReaderTest {

    private static String decrypt(Recipe r, String original) {
        return r.decrypt(r.target(original, null)).display();
    }

    @Test
    void opensslPassphraseWithEveryDerivationFlagIsReplayedExactly() {
        Recipe r = recipe("/srv/share", "openssl", "enc", "-e", "-aes-256-cbc", "-md", "sha512", "-pbkdf2", "-iter",
                "20000", "-salt", "-S", "0011223344556677", "-a", "-A", "-pass", "pass:K3y!", "-in", "q1.xlsx", "-out",
                "q1.xlsx.enc");
        assertThat(r).isInstanceOf(OpensslEncRecipe.class);
        assertThat(r.key().kind()).isEqualTo(KeySource.Kind.PASSPHRASE);
        assertThat(r.key().secret()).isEqualTo("K3y!");
        assertThat(r.key().known()).isTrue();
        assertThat(r.cipher()).isEqualTo("aes-256-cbc");
        assertThat(r.namedInputs()).containsExactly("/srv/share/q1.xlsx");
        assertThat(r.target("/srv/share/q1.xlsx", null).encryptedPath()).isEqualTo("/srv/share/q1.xlsx.enc");
        // -S is not replayed (the salt is in the file's header); -salt is the default
        assertThat(decrypt(r, "/srv/share/q1.xlsx")).isEqualTo("openssl enc -d -aes-256-cbc -md sha512 -pbkdf2 -iter 20000 "
                + "-a -A -pass pass:K3y! -in /srv/share/q1.xlsx.enc -out <output>");
    }

    @Test
    void opensslWithoutMdKeepsTheToolsDefaultAndCipherSubcommandsStayAsTyped() {
        Recipe r = recipe("/d", "openssl", "aes-128-cbc", "-nosalt", "-k", "secret", "-in", "/d/a", "-out", "/d/a.x");
        assertThat(decrypt(r, "/d/a")).isEqualTo("openssl aes-128-cbc -d -nosalt -k secret -in /d/a.x -out <output>");
    }

    @Test
    void opensslRawKeyAndIvAreTheKey() {
        Recipe r = recipe("/d", "openssl", "enc", "-aes-256-ctr", "-K", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                "-iv", "0102030405060708090a0b0c0d0e0f10", "-in", "a", "-out", "a.bin");
        assertThat(r.key().kind()).isEqualTo(KeySource.Kind.RAW_KEY);
        assertThat(r.key().known()).isTrue();
        assertThat(r.key().masked()).startsWith("raw key ").contains("256-bit hex key").doesNotContain("0011");
        assertThat(decrypt(r, "/d/a")).contains("-K 0011", "-iv 0102").startsWith("openssl enc -d -aes-256-ctr ");
    }

    @Test
    void keysFromFilesAndTheEnvironmentNameWhatToSeize() {
        Recipe file = recipe("/root", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "file:.k", "-in", "a", "-out", "a.e");
        assertThat(file.key().known()).isFalse();
        assertThat(file.key().toSeize()).isEqualTo("/root/.k");
        Recipe kfile = recipe("/root", "openssl", "enc", "-aes-256-cbc", "-kfile", "/etc/k", "-in", "a", "-out", "a.e");
        assertThat(kfile.key().toSeize()).isEqualTo("/etc/k");
        Recipe env = recipe("/root", "openssl", "enc", "-aes-256-cbc", "-pass", "env:LOCKKEY", "-in", "a", "-out", "a.e");
        assertThat(env.key().kind()).isEqualTo(KeySource.Kind.ENVIRONMENT);
        assertThat(env.key().toSeize()).contains("LOCKKEY");
        Recipe fd = recipe("/root", "openssl", "enc", "-aes-256-cbc", "-pass", "fd:3", "-in", "a", "-out", "a.e");
        assertThat(fd.key().known()).isFalse();
        assertThat(fd.key().masked()).contains("file descriptor 3");
        Recipe gpgFile = recipe("/root", "gpg", "--batch", "--passphrase-file", "/root/pw", "-c", "a");
        assertThat(gpgFile.key().toSeize()).isEqualTo("/root/pw");
        Recipe ccryptFile = recipe("/srv", "ccrypt", "-e", "-r", "-k", "/root/.ck", "data");
        assertThat(ccryptFile.key().toSeize()).isEqualTo("/root/.ck");
        Recipe ccryptEnv = recipe("/srv", "ccrypt", "-E", "CK", "data");
        assertThat(ccryptEnv.key().kind()).isEqualTo(KeySource.Kind.ENVIRONMENT);
        Recipe pkey = recipe("/srv", "openssl", "pkeyutl", "-encrypt", "-pubin", "-inkey", "/tmp/pub.pem", "-in", "a", "-out", "a.rsa");
        assertThat(pkey.key().kind()).isEqualTo(KeySource.Kind.KEY_PAIR);
        assertThat(pkey.key().toSeize()).startsWith("/tmp/pub.pem");
    }

    @Test
    void gpgSymmetricWithPassphraseOutputsBesideTheInput() {
        Recipe r = recipe("/home/bob", "gpg", "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", "p w",
                "--cipher-algo", "AES256", "-c", "Documents/cv.pdf");
        assertThat(r.key().secret()).isEqualTo("p w");
        assertThat(r.cipher()).isEqualTo("AES256");
        assertThat(r.target("/home/bob/Documents/cv.pdf", null).encryptedPath()).isEqualTo("/home/bob/Documents/cv.pdf.gpg");
        assertThat(decrypt(r, "/home/bob/Documents/cv.pdf")).isEqualTo("gpg --homedir <scratch>/gnupg --batch --quiet "
                + "--no-symkey-cache --pinentry-mode loopback --passphrase p w --output <output> --decrypt -- "
                + "/home/bob/Documents/cv.pdf.gpg");
        Recipe armored = recipe("/h", "gpg", "--passphrase=x", "--armor", "--symmetric", "f");
        assertThat(armored.target("/h/f", null).encryptedPath()).isEqualTo("/h/f.asc");
        Recipe output = recipe("/h", "gpg", "--passphrase", "x", "-co", "/h/out.bin", "f");
        assertThat(output.target("/h/f", null).encryptedPath()).isEqualTo("/h/out.bin");
        // as attack-gpg-shred ran it: -o with a value, then the input
        Recipe loop = recipe("/", "gpg", "--batch", "--yes", "--quiet", "--pinentry-mode", "loopback", "--no-symkey-cache",
                "--passphrase", "XTo/ZcK=", "--symmetric", "--cipher-algo", "AES256", "-o", "/h/d.pptx.gpg", "/h/d.pptx");
        assertThat(loop.namedInputs()).containsExactly("/h/d.pptx");
        assertThat(loop.target("/h/d.pptx", null).encryptedPath()).isEqualTo("/h/d.pptx.gpg");
        Recipe toRecipient = recipe("/h", "gpg", "-e", "-r", "evil@example.org", "f");
        assertThat(toRecipient.key().known()).isFalse();
        assertThat(toRecipient.key().kind()).isEqualTo(KeySource.Kind.KEY_PAIR);
    }

    @Test
    void sevenZipMembersAreNamedTheWay7zStoresThem() {
        Recipe r = recipe("/srv/hr", "7z", "a", "-bd", "-pS3cret", "-mhe=on", "-sdel", "cv.docx.7z", "cv.docx");
        assertThat(r.key().secret()).isEqualTo("S3cret");
        assertThat(r.keepsOriginals()).isFalse();
        assertThat(r.target("/srv/hr/cv.docx", null)).isEqualTo(new Recipe.Target("/srv/hr/cv.docx.7z", "cv.docx"));
        assertThat(decrypt(r, "/srv/hr/cv.docx")).isEqualTo("7z e -so -spd -pS3cret -- /srv/hr/cv.docx.7z cv.docx > <output>");
        Recipe dir = recipe("/srv", "7za", "a", "-pX", "/tmp/all", "/srv/hr", "legal/");
        assertThat(dir.target("/srv/hr/2026/a.pdf", null)).isEqualTo(new Recipe.Target("/tmp/all.7z", "hr/2026/a.pdf"));
        assertThat(dir.target("/srv/legal/b.pdf", null)).isEqualTo(new Recipe.Target("/tmp/all.7z", "legal/b.pdf"));
        assertThat(dir.keepsOriginals()).isTrue();
        Recipe prompt = recipe("/srv", "7z", "a", "-p", "x.7z", "f");
        assertThat(prompt.key().kind()).isEqualTo(KeySource.Kind.PROMPT);
    }

    @Test
    void zipMembersFollowZipAndUnzipMatchesThemLiterally() {
        Recipe r = recipe("/srv/legal/contracts", "zip", "-q", "-m", "-P", "Zz9", "contracts.zip", "--", "a [1]*.pdf",
                "-x.txt", "./sub/b.txt", "/srv/other/c.txt");
        assertThat(r.key().secret()).isEqualTo("Zz9");
        assertThat(r.keepsOriginals()).isFalse();
        assertThat(r.target("/srv/legal/contracts/a [1]*.pdf", null).member()).isEqualTo("a [1]*.pdf");
        assertThat(r.target("/srv/legal/contracts/sub/b.txt", null).member()).isEqualTo("sub/b.txt");
        assertThat(r.target("/srv/other/c.txt", null).member()).isEqualTo("srv/other/c.txt");
        assertThat(decrypt(r, "/srv/legal/contracts/a [1]*.pdf"))
                .isEqualTo("unzip -p -P Zz9 /srv/legal/contracts/contracts.zip a [[]1][*].pdf > <output>");
        assertThat(ZipRecipe.literalPattern("back\\slash [x]?.txt")).isEqualTo("back\\\\slash [[]x][?].txt");
        assertThat(decrypt(r, "/srv/legal/contracts/-x.txt")).endsWith(" [-]x.txt > <output>");
        Recipe bare = recipe("/d", "zip", "-rP", "pw", "backup", "docs");
        assertThat(bare.target("/d/docs/x/y.txt", null)).isEqualTo(new Recipe.Target("/d/backup.zip", "docs/x/y.txt"));
        Recipe keep = recipe("/d", "zip", "-e", "x.zip", "f");
        assertThat(keep.key().kind()).isEqualTo(KeySource.Kind.PROMPT);
        assertThat(keep.keepsOriginals()).isTrue();
    }

    @Test
    void ccryptEncryptsInPlaceUnderItsSuffix() {
        Recipe r = recipe("/srv/rt-lab/shares", "ccrypt", "-e", "-r", "-f", "-q", "-K", "x9!Tq2v#L0pZ", "finance", "hr");
        assertThat(r.key().secret()).isEqualTo("x9!Tq2v#L0pZ");
        assertThat(r.target("/srv/rt-lab/shares/hr/p/a.xlsx", null).encryptedPath()).isEqualTo("/srv/rt-lab/shares/hr/p/a.xlsx.cpt");
        assertThat(r.target("/srv/rt-lab/shares/hrx/a", null)).isNull();
        assertThat(decrypt(r, "/srv/rt-lab/shares/hr/a")).isEqualTo("ccrypt -d -c -K x9!Tq2v#L0pZ -- /srv/rt-lab/shares/hr/a.cpt > <output>");
        Recipe suffix = recipe("/d", "ccencrypt", "-S", ".locked", "-K", "abc", "f");
        assertThat(suffix.key().secret()).isEqualTo("abc");
        assertThat(suffix.target("/d/f", null).encryptedPath()).isEqualTo("/d/f.locked");
    }

    @Test
    void ageToARecipientNamesThePrivateKeyThatIsNeeded() {
        Recipe r = recipe("/var/www", "age", "-r", "age1qyqszqgpqyqszqgpqyqszqgp", "-o", "index.php.age", "index.php");
        assertThat(r.key().known()).isFalse();
        assertThat(r.key().kind()).isEqualTo(KeySource.Kind.KEY_PAIR);
        assertThat(r.key().masked()).contains("the private key of age recipient age1qyqszqgpqyqszqgpqyqszqgp");
        assertThat(r.key().toSeize()).as("the attacker holds it: nothing on the host to seize").isNull();
        assertThat(r.target("/var/www/index.php", null).encryptedPath()).isEqualTo("/var/www/index.php.age");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "openssl enc -d -aes-256-cbc -pbkdf2 -pass pass:decoy -in a.enc -out a",
            "openssl aes-256-cbc -d -k decoy -in a.enc -out a",
            "gpg --batch --passphrase decoy -d a.gpg",
            "gpg --passphrase decoy --output a --decrypt a.gpg",
            "7z x -pdecoy a.7z",
            "7z e -pdecoy a.7z",
            "unzip -P decoy a.zip",
            "ccrypt -d -K decoy a.cpt",
            "ccdecrypt -K decoy a.cpt",
            "age -d -i key.txt -o a a.age",
            "openssl dgst -sha256 -hmac decoy a",
            "openssl enc -base64 -in a -out a.b64",
    })
    void decryptingAndOtherCommandsGiveNoKey(String commandLine) {
        assertThat(recipe("/d", commandLine.split(" "))).isNull();
    }

    @Test
    void theKeyIsNeverShownInItsMaskedForm() {
        Recipe r = recipe("/d", "zip", "-P", "hunter2-very-secret", "a.zip", "f");
        assertThat(r.key().masked()).doesNotContain("hunter").contains("19 characters").contains("sha256 ");
        assertThat(List.of(r.key().how())).containsExactly("-P");
    }
}
