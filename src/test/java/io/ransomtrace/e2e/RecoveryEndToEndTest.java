package io.ransomtrace.e2e;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recovery plan proven on real attacks. Each scenario of {@code src/test/resources/recovery/lab.sh} was run
 * under auditd (record.sh); its log is committed beside the script. Here the test rebuilds the same tree under a
 * temporary evidence root, hashes every file, runs the same attack with the same keys (the tools themselves:
 * openssl, gpg, 7z, zip, ccrypt), imports the recorded log, runs {@code ransomtrace recover}, executes the
 * generated decrypt.sh against the evidence root, and compares every recovered file with the original's SHA-256.
 */
class RecoveryEndToEndTest {

    private static final Path LAB = RepositoryRoot.find().resolve("src/test/resources/recovery");
    /** Where the recorded attacks ran: the paths in the logs, and so in the plans. */
    private static final String RECORDED_ROOT = "/srv/rt-recover/";

    @TempDir
    Path dir;

    /** Every key the lab uses: none may appear in restore.csv or summary.txt, only in decrypt.sh. */
    private static final List<String> KEYS = List.of("Op3n$sl 'pass' ok", "legacy-K2", "S3cr3t stdin!", "printf-fed k3y",
            "00112233445566778899aabbccddeeff0102030405060708090a0b0c0d0e0f10", "2b7e151628aed2a6abf7158809cf4f3c",
            "gpg pass-phrase #1", "here-string key", "7z-Qk8#zzP1!mW", "zip \"P@ss\" 2", "x9!Tq2v#L0pZ");

    @ParameterizedTest(name = "{0}: {1} decrypted, {2} intact")
    @CsvSource({
            "openssl-pass, 26, 0",
            "openssl-raw, 26, 0",
            "gpg, 26, 0",
            "7z, 20, 1",
            "zip, 20, 1",
            "ccrypt, 26, 0",
    })
    void everyFileTheAttackEncryptedComesBackBitForBit(String scenario, int decrypted, int intact) throws Exception {
        Path evidence = dir.resolve("evidence");
        Path root = evidence.resolve(RECORDED_ROOT.substring(1) + scenario);
        run(List.of("bash", LAB.resolve("lab.sh").toString(), "tree", root.toString()), dir);
        Map<String, String> before = hashes(root);
        assertThat(before).hasSize(26);
        run(List.of("bash", LAB.resolve("lab.sh").toString(), "attack", scenario, root.toString()), dir);
        assertThat(hashes(root)).as("the attack changed the tree").isNotEqualTo(before);

        Path plan = recover(scenario);
        List<CSVRecord> rows = restoreCsv(plan);
        assertThat(rows.stream().filter(r -> r.get("method").equals("decrypt"))).hasSize(decrypted);
        assertThat(rows.stream().filter(r -> r.get("method").equals("intact"))).hasSize(intact);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("method")).isIn("decrypt", "intact"));

        Path restore = dir.resolve("restore");
        Result sh = run(List.of("sh", plan.resolve("decrypt.sh").toString(), restore.toString(), evidence.toString()), dir);
        assertThat(sh.out()).contains(decrypted + " recovered, 0 failed, of " + decrypted);

        Path restored = restore.resolve(RECORDED_ROOT.substring(1) + scenario);
        int compared = 0;
        for (CSVRecord r : rows) {
            String relative = r.get("original").substring((RECORDED_ROOT + scenario + "/").length());
            if (r.get("method").equals("decrypt")) {
                assertThat(sha256(restored.resolve(relative))).as(relative).isEqualTo(before.get(relative));
                compared++;
            } else {
                // an archive of a folder without a delete option: every file under it is where it was
                before.keySet().stream().filter(k -> k.startsWith(relative + "/")).forEach(k -> {
                    try {
                        assertThat(sha256(root.resolve(k))).as(k).isEqualTo(before.get(k));
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
            }
        }
        assertThat(compared).isEqualTo(decrypted);
        assertThat(Files.exists(dir.resolve("pwned"))).as("a file name is never run as a command").isFalse();
        assertThat(Files.exists(restore.resolve("pwned"))).isFalse();

        // the plan never writes over a file: a second run leaves every recovered file alone and says so
        Result again = run(List.of("sh", plan.resolve("decrypt.sh").toString(), restore.toString(), evidence.toString()),
                dir, true);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("0 recovered, " + decrypted + " failed").contains("already exists, not overwritten");
        assertThat(hashes(restored).entrySet()).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(before.get(e.getKey())));

        String script = Files.readString(plan.resolve("decrypt.sh"));
        for (String other : List.of(plan.resolve("restore.csv"), plan.resolve("summary.txt")).stream()
                .map(RecoveryEndToEndTest::read).toList()) {
            assertThat(KEYS).allSatisfy(k -> assertThat(other).doesNotContain(k));
        }
        assertThat(KEYS.stream().filter(script::contains)).isNotEmpty();
    }

    @Test
    void aDecryptCommandInTheLogIsNotTheAttackersKeyAndTheRootsTwoExecsKeepTheRestoreList() throws Exception {
        Path plan = recover("openssl-pass");
        String script = Files.readString(plan.resolve("decrypt.sh"));
        assertThat(script).doesNotContain("decoy-wrong-key").contains("'-md' 'sha512' '-pbkdf2' '-iter' '20000'");
        // four keys: -pass pass:, -k, echo | -pass stdin in the sh -c text, an exec'd printf into fd:0
        assertThat(read(plan.resolve("summary.txt"))).contains("26 of 26 files can be decrypted with the 4 keys seen in the audit log")
                .contains("sh -c 'echo … | openssl'").contains("printf | openssl");
        // the root (bash -c "bash lab.sh …" in the ssh-like session) exec'd twice in the same pid, inside the log
        Path restoreList = dir.resolve("restore-list.csv");
        assertThat(CliRun.of("report", "--case", dir.resolve("openssl-pass.rtcase").toString(), "--format", "restore",
                "--out", restoreList.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(restoreList)).hasSizeGreaterThanOrEqualTo(27);
        assertThat(restoreCsv(plan)).hasSize(26);
    }

    @Test
    void keysReadFromAFileTheLogNeverShowsSendEveryFileToBackupOrUndeleteAndNameTheFileToSeize() throws Exception {
        Path plan = recover("keyfile");
        List<CSVRecord> rows = restoreCsv(plan);
        assertThat(rows).hasSize(26);
        // ccrypt -k overwrote finance and hr in place; openssl -pass file: wrote copies, find -delete removed the rest
        assertThat(rows.stream().filter(r -> r.get("method").equals("restore-from-backup"))).hasSize(14)
                .allSatisfy(r -> assertThat(r.get("original")).matches("/srv/rt-recover/keyfile/(finance|hr)/.*"));
        assertThat(rows.stream().filter(r -> r.get("method").equals("undelete-possible"))).hasSize(12);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("seize")).isEqualTo("/srv/rt-recover/.keys/k");
            assertThat(r.get("key")).startsWith("key file /srv/rt-recover/.keys/k");
            assertThat(r.get("key_event")).isNotEmpty();
        });
        assertThat(read(plan.resolve("summary.txt"))).contains("None of the 26 files can be decrypted from the audit log")
                .contains("Seize /srv/rt-recover/.keys/k: the key to 26 files.");
        assertThat(read(plan.resolve("decrypt.sh"))).contains("# Tools needed: none.").doesNotContain("if begin");
    }

    @Test
    void aPlanFolderThatHoldsFilesOrIsALinkIsRefused() throws Exception {
        Path caseFile = importCase("ccrypt");
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        CliRun refused = CliRun.of("recover", "--case", caseFile.toString(), "--out", taken.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("is not empty");
        assertThat(Files.readString(taken.resolve("notes.txt"))).isEqualTo("mine");
        Path link = Files.createSymbolicLink(dir.resolve("link"), Files.createDirectories(dir.resolve("elsewhere")));
        assertThat(CliRun.of("recover", "--case", caseFile.toString(), "--out", link.toString()).exitCode()).isEqualTo(2);
        try (Stream<Path> s = Files.list(dir.resolve("elsewhere"))) {
            assertThat(s).isEmpty();
        }
        assertThat(CliRun.of("recover", "--case", caseFile.toString(), "--out", caseFile.toString()).exitCode()).isEqualTo(2);
        CliRun forced = CliRun.of("recover", "--case", caseFile.toString(), "--out", taken.toString(), "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(taken.resolve("decrypt.sh")).isRegularFile();
        assertThat(Files.readString(taken.resolve("notes.txt"))).isEqualTo("mine");
    }

    private Path importCase(String scenario) {
        Path caseFile = dir.resolve(scenario + ".rtcase");
        if (!Files.exists(caseFile)) {
            CliRun imported = CliRun.of("import", "--case", caseFile.toString(),
                    LAB.resolve(scenario).resolve("audit.log.gz").toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
        }
        return caseFile;
    }

    /**
     * Imports the scenario's recorded log and writes the plan of its findings at medium or above: the attack (the
     * host's own maven builds in the same logs are low at most). The detector rates the zip attack low (one zip
     * per folder), so that plan takes the floor down to low: the zip log has no other finding.
     */
    private Path recover(String scenario) {
        Path plan = dir.resolve("plan-" + scenario);
        CliRun r = CliRun.of("recover", "--case", importCase(scenario).toString(), "--out", plan.toString(),
                "--min-severity", scenario.equals("zip") ? "low" : "medium");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote " + plan);
        return plan;
    }

    private static List<CSVRecord> restoreCsv(Path plan) throws IOException {
        try (Reader in = Files.newBufferedReader(plan.resolve("restore.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** SHA-256 of every regular file under root, by path relative to it. */
    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path f : files) {
            out.put(root.relativize(f).toString(), sha256(f));
        }
        return out;
    }

    private static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> command, Path cwd) throws Exception {
        Result r = run(command, cwd, false);
        assertThat(r.exit()).as(String.join(" ", command) + "\n" + r.out()).isZero();
        return r;
    }

    /** Runs a command to its end (stdin closed, stderr with stdout), with a generous limit. */
    private static Result run(List<String> command, Path cwd, boolean mayFail) throws Exception {
        Path log = Files.createTempFile(cwd, "run", ".log");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
