package io.ransomtrace.engine.signal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionCommandParserTest {

    private static ToolUse parse(String commandLine) {
        List<String> argv = Arrays.asList(commandLine.split(" "));
        String name = argv.get(0);
        return EncryptionCommandParser.parse(name, argv, "/home/u");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "openssl enc -aes-256-cbc -salt -in f -out f.enc",
            "openssl enc -e -aes256 -pbkdf2 -k pw -in f -out f.enc",
            "openssl enc -chacha20 -a -in f -out f.b64",
            "openssl aes-256-cbc -in f -out f.enc",
            "openssl des3 -in f -out f.enc",
            "openssl smime -encrypt -aes256 -in f -out f.p7m cert.pem",
            "openssl cms -encrypt -in f -out f.cms cert.pem",
            "openssl pkeyutl -encrypt -pubin -inkey pub.pem -in f -out f.enc",
            "openssl rsautl -encrypt -pubin -inkey pub.pem -in f -out f.enc",
            "gpg -c f",
            "gpg --symmetric --batch --passphrase x f",
            "gpg -e -r bob f",
            "gpg --encrypt --recipient bob f",
            "gpg2 --batch --yes --encrypt-files a b c",
            "gpg -se -r bob f",
            "ccrypt -e -K k f",
            "ccrypt -r dir",
            "ccencrypt f",
            "7z a -pSecret out.7z f",
            "7za a -mhe=on -p out.7z dir",
            "7zz a -r -pX out.7z dir",
            "zip -e out.zip f",
            "zip -P secret out.zip f",
            "zip -reP secret out.zip dir",
            "rar a -pSecret out.rar f",
            "rar a -hpSecret out.rar f",
            "age -e -r age1xyz -o f.age f",
            "age -p -o f.age f",
            "age -r age1xyz f",
            "aescrypt -e -p pw f",
            "mcrypt -k key f"})
    void encryptingCommandLinesAreRecognised(String commandLine) {
        ToolUse use = parse(commandLine);
        assertThat(use).isNotNull();
        assertThat(use.action()).as(commandLine).isEqualTo(ToolUse.Action.ENCRYPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "openssl enc -d -aes-256-cbc -in f.enc -out f",
            "openssl aes-256-cbc -d -in f.enc -out f",
            "openssl dgst -sha256 f",
            "openssl x509 -in cert.pem -noout -text",
            "openssl s_client -connect example.org:443",
            "openssl req -new -key k.pem -out r.csr",
            "openssl genrsa -out k.pem 4096",
            "openssl base64 -in f -out f.b64",
            "openssl enc -base64 -in f -out f.b64",
            "openssl enc -none -in f -out g",
            "openssl smime -decrypt -in f.p7m -inkey k.pem",
            "openssl pkeyutl -decrypt -inkey k.pem -in f.enc",
            "openssl rand -hex 16",
            "gpg -d f.gpg",
            "gpg --decrypt f.gpg",
            "gpg --verify f.sig f",
            "gpg --list-keys",
            "gpg --import key.asc",
            "gpg --full-generate-key",
            "gpg --export -a bob",
            "gpg --sign f",
            "gpg -o out.txt -d f.gpg",
            "ccrypt -d f.cpt",
            "ccdecrypt f.cpt",
            "ccrypt -c f.cpt",
            "7z a out.7z f",
            "7z x -pSecret in.7z",
            "7z l in.7z",
            "zip -r out.zip dir",
            "rar a out.rar f",
            "rar x -pSecret in.rar",
            "age -d -i key.txt f.age",
            "aescrypt -d -p pw f.aes",
            "mcrypt -d f.nc",
            "dd if=/dev/sda of=/backup/disk.img",
            "truncate -s +10M f"})
    void harmlessCommandLinesAreNotEncryption(String commandLine) {
        ToolUse use = parse(commandLine);
        assertThat(use).isNotNull();
        assertThat(use.action()).as(commandLine).isEqualTo(ToolUse.Action.OTHER);
    }

    @Test
    void destructionToolsNameTheirTargets() {
        assertThat(parse("shred -u -n 3 a.db b.db")).satisfies(u -> {
            assertThat(u.action()).isEqualTo(ToolUse.Action.DESTROY);
            assertThat(u.targets()).containsExactly("/home/u/a.db", "/home/u/b.db");
            assertThat(u.label()).isEqualTo("shred -u");
        });
        assertThat(parse("dd if=/dev/urandom of=/srv/db.sqlite bs=1M count=10").targets()).containsExactly("/srv/db.sqlite");
        assertThat(parse("dd if=/dev/zero of=../x.img").targets()).containsExactly("/home/x.img");
        assertThat(parse("truncate -s 0 app.log").action()).isEqualTo(ToolUse.Action.DESTROY);
    }

    @Test
    void removalsNameTheirTargetsButAreNotEncryption() {
        ToolUse rm = parse("rm -f a.pdf /srv/b.pdf");
        assertThat(rm.action()).isEqualTo(ToolUse.Action.DELETE);
        assertThat(rm.targets()).containsExactly("/home/u/a.pdf", "/srv/b.pdf");
        assertThat(parse("rm -rf build").recursive()).isTrue();
        assertThat(parse("rm").action()).isEqualTo(ToolUse.Action.OTHER);
    }

    @Test
    void recursiveFlagsAreSeen() {
        assertThat(parse("ccrypt -r -e -K k /srv").recursive()).isTrue();
        assertThat(parse("7z a -r -pX out.7z /srv").recursive()).isTrue();
        assertThat(parse("gpg --multifile -c a b").recursive()).isTrue();
        assertThat(parse("gpg -c a").recursive()).isFalse();
    }

    @Test
    void targetsAreResolvedAgainstTheWorkingDirectory() {
        assertThat(parse("openssl enc -aes-256-cbc -in ./docs/a.pdf -out a.enc").targets()).containsExactly("/home/u/docs/a.pdf");
        assertThat(parse("gpg -c notes.txt").targets()).containsExactly("/home/u/notes.txt");
    }

    @Test
    void unknownProgramsAreNotParsed() {
        assertThat(EncryptionCommandParser.parse("ls", List.of("ls", "-l"), null)).isNull();
        assertThat(EncryptionCommandParser.parse("openssl", List.of("openssl"), null).action()).isEqualTo(ToolUse.Action.OTHER);
    }

    @Test
    void archiversNameTheirArchiveAndWhatGoesIntoIt() {
        ToolUse sevenZip = parse("7zz a -mx=0 -mhe=on -pK3y /share/.sys.7z docs photos");
        assertThat(sevenZip.action()).isEqualTo(ToolUse.Action.ENCRYPT);
        assertThat(sevenZip.archive()).isTrue();
        assertThat(sevenZip.output()).isEqualTo("/share/.sys.7z");
        assertThat(sevenZip.targets()).containsExactly("/home/u/docs", "/home/u/photos");
        assertThat(parse("zip -r -P pw backup docs").output()).isEqualTo("/home/u/backup.zip");
        assertThat(parse("rar a -hppw out docs").output()).isEqualTo("/home/u/out.rar");
    }

    @Test
    void gpgtarEncryptsWithMinusEOrMinusCAndNeverWhenListingOrExtracting() {
        ToolUse enc = parse("gpgtar -c -o /srv/x.gpg -C /srv docs hr");
        assertThat(enc.action()).isEqualTo(ToolUse.Action.ENCRYPT);
        assertThat(enc.archive()).isTrue();
        assertThat(enc.output()).isEqualTo("/srv/x.gpg");
        assertThat(enc.targets()).containsExactly("/srv/docs", "/srv/hr");
        assertThat(parse("gpgtar --encrypt -r bob docs").output()).isEqualTo(ToolUse.STDOUT);
        assertThat(parse("gpgtar -d x.gpg").action()).isEqualTo(ToolUse.Action.OTHER);
        assertThat(parse("gpgtar -t x.gpg").action()).isEqualTo(ToolUse.Action.OTHER);
    }

    @Test
    void tarCreateIsAnArchiveToAFileOrToStdoutAndExtractIsNothing() {
        ToolUse traditional = parse("tar czf /backup/docs.tgz docs");
        assertThat(traditional.action()).isEqualTo(ToolUse.Action.ARCHIVE);
        assertThat(traditional.output()).isEqualTo("/backup/docs.tgz");
        assertThat(traditional.targets()).containsExactly("/home/u/docs");
        ToolUse piped = parse("tar -C /srv -cf - projects");
        assertThat(piped.output()).isEqualTo(ToolUse.STDOUT);
        assertThat(piped.targets()).containsExactly("/srv/projects");
        assertThat(parse("tar --create --file=/b/x.tar a").output()).isEqualTo("/b/x.tar");
        assertThat(parse("tar xzf docs.tgz").action()).isEqualTo(ToolUse.Action.OTHER);
        assertThat(parse("tar -tvf docs.tgz").action()).isEqualTo(ToolUse.Action.OTHER);
    }

    @Test
    void anEncryptorWithoutAnInputFileReadsStdin() {
        assertThat(parse("openssl enc -aes-256-cbc -pass pass:x -out /srv/x.enc").encryptsStdin()).isTrue();
        assertThat(parse("openssl enc -aes-256-cbc -pass pass:x -out /srv/x.enc").output()).isEqualTo("/srv/x.enc");
        assertThat(parse("gpg -c --batch -o out.gpg").encryptsStdin()).isTrue();
        assertThat(parse("gpg -c --batch -o out.gpg").output()).isEqualTo("/home/u/out.gpg");
        assertThat(parse("gpg -c f").encryptsStdin()).isFalse();
        assertThat(parse("openssl enc -d -aes-256-cbc -out x").encryptsStdin()).isFalse();
    }

    private static ToolUse renamed(String cmd) {
        List<String> argv = Arrays.asList(cmd.split(" "));
        String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return EncryptionCommandParser.parseRenamedOpenssl(name, argv, "/home/u");
    }

    @Test
    void aProgramInNoListTakingOpensslsEncryptionSyntaxIsARenamedOpenssl() {
        ToolUse use = renamed("/dev/shm/.kworker enc -aes-256-ctr -pbkdf2 -pass pass:k -in f.pdf -out f.pdf.kw");
        assertThat(use.action()).isEqualTo(ToolUse.Action.ENCRYPT);
        assertThat(use.targets()).containsExactly("/home/u/f.pdf");
        assertThat(use.label()).contains("openssl renamed .kworker");
        // decrypting, no cipher option, another subcommand, or a program the parser knows by name: nothing
        assertThat(renamed("/dev/shm/.kworker enc -d -aes-256-ctr -in f.pdf.kw -out f.pdf")).isNull();
        assertThat(renamed("/opt/sops/bin/vault enc secrets.yaml")).isNull();
        assertThat(renamed("/usr/local/bin/tool enc -base64 -in a -out b")).isNull();
        assertThat(renamed("/usr/local/bin/tool dgst -sha256 f")).isNull();
        assertThat(renamed("/usr/bin/openssl enc -aes-256-cbc -in a -out b")).isNull();
    }
}
