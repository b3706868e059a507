package io.ransomtrace.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The well-formed logs the fuzzer mutates: one or more per input format, all from this repository (recorded sample
 * cases, the importers' test exports) or generated here (laurel lines), cut to their first lines so that a mutated
 * input is read in a fraction of a second.
 */
final class SeedLogs {

    /** A seed: a name for the report, its format family (for format-aware mutations) and its bytes. */
    record Seed(String name, Family family, byte[] content) {
    }

    /** How a format's records look, for the mutations that need to know (time fields, nesting, record groups). */
    enum Family { AUDITD, AUSEARCH, JSON_LINES, JSON_ARRAY, XML, CSV, RULES }

    private static final int MAX_LINES = 600;

    private SeedLogs() {
    }

    static List<Seed> all(Path repo) throws IOException {
        List<Seed> seeds = new ArrayList<>();
        Path cases = repo.resolve("sample-cases/cases");
        Path edr = repo.resolve("importers/src/test/resources/edr");
        seeds.add(seed("auditd attack", Family.AUDITD, cases.resolve("attack-openssl-find/audit.log")));
        seeds.add(seed("auditd in place", Family.AUDITD, cases.resolve("attack-native-inplace/audit.log")));
        seeds.add(seed("auditd benign gz", Family.AUDITD, cases.resolve("benign-make-build/audit.log.gz")));
        seeds.add(seed("auditd workday", Family.AUDITD, cases.resolve("mixed-workday/audit.log.1")));
        seeds.add(seed("ausearch -i", Family.AUSEARCH,
                repo.resolve("importers/src/test/resources/io/ransomtrace/importers/auditd/interpreted/normal.log.interpreted")));
        seeds.add(new Seed("laurel", Family.JSON_LINES, laurel()));
        seeds.add(seed("ecs ndjson", Family.JSON_LINES, edr.resolve("ecs/elastic-defend-attack.ndjson")));
        seeds.add(seed("auditbeat ndjson", Family.JSON_LINES, edr.resolve("ecs/auditbeat-auditd.ndjson")));
        seeds.add(new Seed("ecs array", Family.JSON_ARRAY, Files.readAllBytes(edr.resolve("ecs/elastic-defend-array.json"))));
        seeds.add(new Seed("sysmon pretty", Family.XML, Files.readAllBytes(edr.resolve("sysmon/pretty-events.xml"))));
        seeds.add(seed("sysmon syslog", Family.XML, edr.resolve("sysmon/syslog-sysmon.log")));
        seeds.add(seed("osquery", Family.JSON_LINES, edr.resolve("osquery/osqueryd.results.log")));
        seeds.add(seed("csv kibana", Family.CSV, edr.resolve("csv/kibana-defend-export.csv")));
        seeds.add(seed("csv splunk", Family.CSV, edr.resolve("csv/splunk-sysmon-linux.csv")));
        seeds.add(seed("audit rules", Family.RULES, cases.resolve("attack-recommended-rules/auditctl-l.txt")));
        return seeds;
    }

    private static Seed seed(String name, Family family, Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(all))) {
                all = in.readAllBytes();
            }
        }
        return new Seed(name, family, firstLines(all, MAX_LINES));
    }

    static byte[] firstLines(byte[] all, int lines) {
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n' && ++n == lines) {
                return java.util.Arrays.copyOf(all, i + 1);
            }
        }
        return all;
    }

    /**
     * Laurel JSON lines (one assembled audit event per line, as laurel writes them), written here rather than copied:
     * an execve, file creations, renames and deletes by one process.
     */
    private static byte[] laurel() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long serial = 41_000;
        for (int i = 0; i < 120; i++) {
            String id = "1763600" + String.format("%03d", i / 10) + "." + String.format("%03d", (i % 10) * 100) + ":" + serial++;
            String line;
            if (i == 0) {
                line = "{\"ID\":\"" + id + "\",\"NODE\":\"fs01\",\"SYSCALL\":{\"arch\":\"0xc000003e\",\"syscall\":59,"
                        + "\"success\":\"yes\",\"exit\":0,\"items\":2,\"ppid\":4242,\"pid\":4300,\"auid\":1000,\"uid\":0,"
                        + "\"gid\":0,\"euid\":0,\"ses\":3,\"tty\":\"pts0\",\"comm\":\"locker\",\"exe\":\"/tmp/locker\","
                        + "\"key\":null,\"SYSCALL\":\"execve\",\"AUID\":\"alice\",\"UID\":\"root\"},\"EXECVE\":{\"argc\":2,"
                        + "\"ARGV\":[\"/tmp/locker\",\"/srv\"]},\"CWD\":{\"cwd\":\"/srv\"},\"PATH\":[{\"item\":0,\"name\":"
                        + "\"/tmp/locker\",\"inode\":4242,\"nametype\":\"NORMAL\"}],\"PROCTITLE\":{\"ARGV\":[\"/tmp/locker\","
                        + "\"/srv\"]}}";
            } else {
                String file = "/srv/share/d" + (i % 7) + "/report-" + i + ".docx";
                int syscall = i % 3 == 0 ? 82 : i % 3 == 1 ? 257 : 87;
                String name = syscall == 82 ? "rename" : syscall == 257 ? "openat" : "unlink";
                line = "{\"ID\":\"" + id + "\",\"NODE\":\"fs01\",\"SYSCALL\":{\"arch\":\"0xc000003e\",\"syscall\":"
                        + syscall + ",\"success\":\"yes\",\"exit\":0,\"items\":2,\"ppid\":4242,\"pid\":4300,\"auid\":1000,"
                        + "\"uid\":0,\"gid\":0,\"euid\":0,\"ses\":3,\"tty\":\"pts0\",\"comm\":\"locker\",\"exe\":"
                        + "\"/tmp/locker\",\"key\":\"w\",\"SYSCALL\":\"" + name + "\"},\"CWD\":{\"cwd\":\"/srv\"},"
                        + "\"PATH\":[{\"item\":0,\"name\":\"/srv/share/d" + (i % 7) + "/\",\"nametype\":\"PARENT\"},"
                        + "{\"item\":1,\"name\":\"" + file + (syscall == 82 ? ".locked" : "") + "\",\"inode\":" + (9000 + i)
                        + ",\"nametype\":\"" + (syscall == 87 ? "DELETE" : "CREATE") + "\"}]}";
            }
            out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
