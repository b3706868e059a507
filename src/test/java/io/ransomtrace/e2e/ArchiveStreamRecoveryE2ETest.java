package io.ransomtrace.e2e;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folders archived by tar into an encrypting stream and then deleted: {@code tar czf - SITE | openssl enc …} and
 * {@code gpgtar --symmetric … DIRS} (the sample cases attack-tar-openssl-ssh and attack-gpgtar-daemon, recorded on
 * a real host). The plan must say "decrypt" for every deleted original, not "undelete": the archive holds it and
 * the key is in the log. Proven with the real tools: the test takes the key from the audit log itself (not from
 * the plan), rebuilds the encrypted archives the attack wrote with it under an evidence root, runs the plan's
 * decrypt.sh and compares every recovered file with what went in.
 */
class ArchiveStreamRecoveryE2ETest {

    private static final Path CASES = RepositoryRoot.find().resolve("sample-cases/cases");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
            // case | the key as the log shows it | the attack's command for one archive ($K key, $OUT archive, "$@" folders)
            "attack-tar-openssl-ssh # a0=\"openssl\" a1=\"enc\".*a5=\"pass:([^\"]+)\""
                    + " # tar czf - \"$@\" | openssl enc -aes-256-cbc -pbkdf2 -pass \"pass:$K\" -out \"$OUT\"",
            "attack-gpgtar-daemon # a0=\"gpg\" a1=\"--output\".*a7=\"--passphrase\" a8=\"([^\"]+)\""
                    + " # gpgtar --symmetric --gpg-args \"--batch --pinentry-mode loopback --passphrase $K\" -o \"$OUT\" \"$@\"",
    })
    void everyDeletedOriginalComesBackFromItsEncryptedArchive(String name, String keyInLog, String attack) throws Exception {
        Path caseFile = dir.resolve(name + ".rtcase");
        CliRun imported = CliRun.of("import", "--case", caseFile.toString(), CASES.resolve(name).resolve("audit.log.gz").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path plan = dir.resolve("plan");
        CliRun recovered = CliRun.of("recover", "--case", caseFile.toString(), "--out", plan.toString());
        assertThat(recovered.exitCode()).as(recovered.err()).isZero();

        List<CSVRecord> rows = restoreCsv(plan);
        assertThat(rows).hasSizeGreaterThan(50)
                .allSatisfy(r -> assertThat(r.get("method")).as(r.get("original")).isEqualTo("decrypt"));
        String key = keyFromLog(CASES.resolve(name).resolve("audit.log.gz"), Pattern.compile(keyInLog));
        assertThat(Files.readString(plan.resolve("restore.csv"))).doesNotContain(key).contains("passphrase ••••••••");
        assertThat(Files.readString(plan.resolve("summary.txt"))).doesNotContain(key);

        // what the attack did, with its key, under the evidence root: one archive per encrypted file of the plan
        Path evidence = dir.resolve("evidence");
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, Set<String>> foldersByArchive = new LinkedHashMap<>();
        Map<String, String> baseByArchive = new LinkedHashMap<>();
        Random random = new Random(16);
        for (CSVRecord r : rows) {
            String original = r.get("original");
            String member = r.get("archive_member");
            assertThat(original).endsWith("/" + member);
            byte[] content = new byte[200 + random.nextInt(4000)];
            random.nextBytes(content);
            Path file = evidence.resolve(original.substring(1));
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            before.put(original, sha256(content));
            String archive = r.get("encrypted_file");
            foldersByArchive.computeIfAbsent(archive, k -> new LinkedHashSet<>()).add(member.substring(0, member.indexOf('/')));
            baseByArchive.put(archive, original.substring(0, original.length() - member.length()));
        }
        Path gnupg = Files.createDirectories(dir.resolve("attacker-gnupg"));
        for (Map.Entry<String, Set<String>> e : foldersByArchive.entrySet()) {
            List<String> command = new ArrayList<>(List.of("sh", "-c", attack, "sh"));
            command.addAll(e.getValue());
            Path base = evidence.resolve(baseByArchive.get(e.getKey()).substring(1));
            run(command, base, Map.of("K", key, "OUT", evidence.resolve(e.getKey().substring(1)).toString(),
                    "GNUPGHOME", gnupg.toString()));
        }
        run(List.of("gpgconf", "--kill", "gpg-agent"), dir, Map.of("GNUPGHOME", gnupg.toString()));
        for (String original : before.keySet()) {
            Files.delete(evidence.resolve(original.substring(1)));
        }

        Path restore = dir.resolve("restore");
        String out = run(List.of("sh", plan.resolve("decrypt.sh").toString(), restore.toString(), evidence.toString()), dir, Map.of());
        assertThat(out).contains(rows.size() + " recovered, 0 failed, of " + rows.size());
        for (Map.Entry<String, String> e : before.entrySet()) {
            assertThat(sha256(Files.readAllBytes(restore.resolve(e.getKey().substring(1))))).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    private static String keyFromLog(Path log, Pattern key) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(log))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = key.matcher(line);
                if (line.contains("type=EXECVE") && m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no key in " + log);
    }

    private static List<CSVRecord> restoreCsv(Path plan) throws IOException {
        try (Reader in = Files.newBufferedReader(plan.resolve("restore.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Runs a command to its end (stdin closed, stderr with stdout); it must succeed. */
    private String run(List<String> command, Path cwd, Map<String, String> env) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }
}
