package io.ransomtrace.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.app.cli.RansomtraceCommand;
import io.ransomtrace.e2e.fuzz.CraftedCases.Crafted;
import io.ransomtrace.e2e.fuzz.SeedLogs.Seed;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The fuzz harness: mutated logs of every format through {@code scan} and {@code import}, crafted cases through
 * every command that reads a case, all through the real command line in this JVM, with fixed seeds so that a
 * failure can be reproduced. It counts, and keeps the inputs of:
 * <ul>
 *   <li>crashes: an exit code other than 0, 1 or 3, a stack trace or an "unexpected" error on stderr, an error
 *       escaping the command;</li>
 *   <li>hangs: a command that has not finished within the timeout;</li>
 *   <li>invariant violations: a case's source whose records are not events + other + errors, {@code scan} and
 *       {@code import} disagreeing on records, events or errors, no scan JSON written, a read-only command or a
 *       refused case leaving the case's folder changed.</li>
 * </ul>
 * {@code bench/fuzz.sh} runs it long (README, "Reliability"); {@code FuzzSliceTest} runs a slice in every build.
 */
public final class FuzzRun {

    /**
     * @param timeout      the longest a single command may take before it counts as a hang
     * @param openRepaired also open every repaired case again (the long run; the CI slice saves the time)
     */
    public record Config(int inputs, int cases, long seed, Duration timeout, Mutation.Scale scale, Path workDir,
                         PrintStream log, boolean openRepaired) {
    }

    public record Failure(String kind, String what, String detail) {
        @Override
        public String toString() {
            return kind + ": " + what + " — " + detail;
        }
    }

    public record Report(int inputs, int cases, int commands, List<Failure> failures, Map<Mutation, Integer> mutations,
                         long maxRssKb, long maxHeapMb, Duration took) {
        public long count(String kind) {
            return failures.stream().filter(f -> f.kind().equals(kind)).count();
        }

        public String summary() {
            return String.format(Locale.ROOT, "%,d mutated inputs and %d crafted cases, %,d commands in %d s: "
                            + "%d crashes, %d hangs, %d invariant violations; max RSS %,d MB (heap limit %,d MB)",
                    inputs, cases, commands, took.toSeconds(), count("crash"), count("hang"), count("invariant"),
                    maxRssKb / 1024, maxHeapMb);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Config config;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-command");
        t.setDaemon(true); // a hung command is counted and left behind
        return t;
    });
    private final List<Failure> failures = new ArrayList<>();
    private final Map<Mutation, Integer> used = new EnumMap<>(Mutation.class);
    private int commands;

    private FuzzRun(Config config) {
        this.config = config;
    }

    public static Report run(Config config) throws Exception {
        return new FuzzRun(config).go();
    }

    public static void main(String[] args) throws Exception {
        int inputs = 1200;
        int cases = CraftedCases.all().size();
        long seed = 1486;
        int timeout = 120;
        Mutation.Scale scale = new Mutation.Scale(8 << 20, 1_000_000);
        Path work = Files.createTempDirectory("ransomtrace-fuzz-");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inputs" -> inputs = Integer.parseInt(args[++i]);
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--timeout-seconds" -> timeout = Integer.parseInt(args[++i]);
                case "--work" -> work = Files.createDirectories(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Report r = run(new Config(inputs, cases, seed, Duration.ofSeconds(timeout), scale, work, System.out, true));
        System.out.println();
        System.out.println("Mutations applied: " + new TreeMap<>(r.mutations()));
        r.failures().forEach(f -> System.out.println("  " + f));
        System.out.println(r.summary());
        System.out.println("Inputs of failures are kept in " + work.resolve("failures"));
        System.exit(r.failures().isEmpty() ? 0 : 1);
    }

    private Report go() throws Exception {
        long start = System.nanoTime();
        Path repo = repositoryRoot();
        List<Seed> seeds = SeedLogs.all(repo);
        Files.createDirectories(config.workDir());
        for (int i = 0; i < config.inputs(); i++) {
            Seed seed = seeds.get(i % seeds.size());
            fuzzLog(i, seed, new Random(config.seed() * 1_000_003L + i));
            if ((i + 1) % 50 == 0) {
                config.log().printf(Locale.ROOT, "fuzz: %,d inputs, %d failures so far%n", i + 1, failures.size());
            }
        }
        List<Crafted> crafted = CraftedCases.all();
        Path base = baseCase(repo);
        for (int i = 0; i < config.cases(); i++) {
            fuzzCase(i, crafted.get(i % crafted.size()), base, repo, new Random(config.seed() * 7_919L + i));
        }
        deleteTree(base.getParent());
        threads.shutdownNow();
        return new Report(config.inputs(), config.cases(), commands, List.copyOf(failures), Map.copyOf(used),
                maxRssKb(), Runtime.getRuntime().maxMemory() >> 20, Duration.ofNanos(System.nanoTime() - start));
    }

    // ------------------------------------------------------------------------------------------------- logs

    private void fuzzLog(int index, Seed seed, Random r) throws Exception {
        Path dir = Files.createDirectories(config.workDir().resolve("input-" + index));
        Path log = dir.resolve("audit.log");
        List<Mutation> chosen = choose(seed, r, index);
        byte[] content = seed.content();
        for (Mutation m : chosen) {
            content = m.apply(content, seed.family(), r, config.scale());
            used.merge(m, 1, Integer::sum);
        }
        try (OutputStream out = Files.newOutputStream(log)) {
            out.write(content);
            if (chosen.contains(Mutation.GIANT_EVENT)) {
                Mutation.writeGiantEvent(out, r, config.scale().giantEventRecords());
            }
        }
        String what = "input " + index + " (" + seed.name() + " + " + chosen + ")";
        int before = failures.size();

        Path json = dir.resolve("scan.json");
        Outcome scan = command(what + " scan", "scan", "-q", log.toString(), "--json", json.toString());
        Path caseFile = dir.resolve("case.rtcase");
        Outcome imp = command(what + " import", "import", "--quiet", "--case", caseFile.toString(), log.toString());
        if (scan != null && imp != null) {
            checkAgreement(what, json, caseFile);
        }
        if (failures.size() > before) {
            Path keep = Files.createDirectories(config.workDir().resolve("failures"));
            Files.copy(log, keep.resolve("input-" + index + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        deleteTree(dir);
    }

    private List<Mutation> choose(Seed seed, Random r, int index) {
        if (seed.family() == SeedLogs.Family.AUDITD && index % 97 == 13) {
            return List.of(Mutation.GIANT_EVENT);
        }
        List<Mutation> pool = new ArrayList<>();
        for (Mutation m : Mutation.values()) {
            if (m != Mutation.GIANT_EVENT && m.appliesTo(seed.family())) {
                pool.add(m);
            }
        }
        List<Mutation> chosen = new ArrayList<>();
        // the first pass over the seeds tries every mutation alone; then one to three of them
        Mutation first = pool.get((index / 15) % pool.size());
        chosen.add(first);
        if (index >= pool.size() * 15) {
            for (int i = 0, n = r.nextInt(3); i < n; i++) {
                chosen.add(pool.get(r.nextInt(pool.size())));
            }
        }
        // gzip last: it wraps what the other mutations made
        chosen.sort(Comparator.comparing(m -> m == Mutation.GZIPPED ? 1 : 0));
        return chosen;
    }

    private void checkAgreement(String what, Path json, Path caseFile) throws Exception {
        if (!Files.isRegularFile(json)) {
            failures.add(new Failure("invariant", what, "scan wrote no JSON"));
            return;
        }
        JsonNode inputs = JSON.readTree(json.toFile()).at("/summary/inputs");
        if (!Files.isRegularFile(caseFile)) {
            return; // nothing imported: the input was not readable as a log (reported per input by both)
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + caseFile + "?mode=ro");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT status, records_read, records_in_events, records_other, errors, "
                     + "events, format FROM sources")) {
            if (!rs.next()) {
                if (inputs.size() == 1 && inputs.get(0).path("events").asLong() > 0) {
                    failures.add(new Failure("invariant", what, "scan read events, import stored no source"));
                }
                return;
            }
            String status = rs.getString(1);
            long records = rs.getLong(2);
            long inEvents = rs.getLong(3);
            long other = rs.getLong(4);
            long errors = rs.getLong(5);
            long events = rs.getLong(6);
            if (!status.equals("COMPLETE")) {
                failures.add(new Failure("invariant", what, "import left the source " + status));
                return;
            }
            if (records != inEvents + other + errors) {
                failures.add(new Failure("invariant", what, String.format(Locale.ROOT,
                        "case: records %d != in events %d + other %d + errors %d", records, inEvents, other, errors)));
            }
            JsonNode in = inputs.size() == 1 ? inputs.get(0) : null;
            if (in == null || in.path("records").asLong() != records || in.path("errors").asLong() != errors
                    || in.path("events").asLong() != events) {
                failures.add(new Failure("invariant", what, "scan and import disagree: scan " + in + ", import "
                        + "records " + records + " events " + events + " errors " + errors));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- cases

    private Path baseCase(Path repo) throws Exception {
        Path dir = Files.createDirectories(config.workDir().resolve("base"));
        Path base = dir.resolve("base.rtcase");
        Outcome o = command("base case", "import", "--quiet", "--case", base.toString(),
                repo.resolve("sample-cases/cases/benign-rsync/audit.log").toString());
        // what is imported into each crafted case: the start of an attack, small enough to keep the run quick
        Files.write(dir.resolve("more.log"), SeedLogs.firstLines(Files.readAllBytes(
                repo.resolve("sample-cases/cases/attack-openssl-find/audit.log")), 400));
        if (o == null || o.exit() != 0) {
            throw new IllegalStateException("the base case could not be made: " + o);
        }
        return base;
    }

    private void fuzzCase(int index, Crafted crafted, Path base, Path repo, Random r) throws Exception {
        Path dir = Files.createDirectories(config.workDir().resolve("case-" + index));
        Path caseFile = dir.resolve("shared.rtcase");
        Files.copy(base, caseFile);
        crafted.craft().apply(caseFile, r);
        String what = "crafted case " + index + " (" + crafted.name() + ")";
        Map<String, String> before = digests(dir);
        Path out = Files.createDirectories(config.workDir().resolve("case-" + index + "-out"));

        command(what + " coverage", "coverage", "--case", caseFile.toString());
        command(what + " report", "report", "--case", caseFile.toString(), "--format", "json", "--out",
                out.resolve("report.json").toString());
        Outcome repair = command(what + " repair", "repair", "--case", caseFile.toString(), "--out",
                out.resolve("repaired.rtcase").toString());
        if (!digests(dir).equals(before)) {
            failures.add(new Failure("invariant", what, "a read-only command changed the case's folder"));
        }
        if (config.openRepaired() && repair != null && repair.exit() == 0) {
            Outcome again = command(what + " coverage of the repaired case", "coverage", "--case",
                    out.resolve("repaired.rtcase").toString());
            if (again != null && again.exit() != 0 && !again.err().contains("not imported to its end")) {
                failures.add(new Failure("invariant", what, "the repaired case is not readable: " + again.err()));
            }
        }
        Outcome imp = command(what + " import", "import", "--quiet", "--case", caseFile.toString(),
                base.resolveSibling("more.log").toString());
        if (imp != null && imp.exit() == 3 && imp.err().contains("changed outside Ransomtrace")
                && !digests(dir).equals(before)) {
            failures.add(new Failure("invariant", what, "the refused case's folder was changed"));
        }
        deleteTree(dir);
        deleteTree(out);
    }

    // ------------------------------------------------------------------------------------------------- running

    record Outcome(int exit, String out, String err) {
    }

    /** Runs one command in-process; null when it crashed or hung (recorded as such). */
    private Outcome command(String what, String... args) {
        commands++;
        Future<Outcome> f = threads.submit(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = RansomtraceCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Outcome(exit, cap(out.toString()), cap(err.toString()));
        });
        Outcome o;
        try {
            o = f.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            failures.add(new Failure("hang", what, "still running after " + config.timeout().toSeconds() + " s"));
            return null;
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failures.add(new Failure("crash", what, "escaped the command: " + cause));
            return null;
        }
        boolean exitOk = o.exit() == 0 || o.exit() == 3 || (o.exit() == 1 && args[0].equals("scan"));
        if (!exitOk || o.err().contains("unexpected ") || o.err().contains("\tat ")
                || o.err().contains("out of memory") || o.err().contains("Exception in")) {
            failures.add(new Failure("crash", what, "exit " + o.exit() + ": " + firstLine(o.err())));
            return null;
        }
        return o;
    }

    private static String cap(String s) {
        return s.length() > 20_000 ? s.substring(0, 20_000) : s;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (var in = Files.newInputStream(p)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        md.update(buf, 0, n);
                    }
                }
                files.put(p.getFileName().toString(), HexFormat.of().formatHex(md.digest()));
            }
        }
        return files;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Peak resident memory of this process (VmHWM), in kB. */
    static long maxRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("ransomtrace")) && Files.isDirectory(dir.resolve("sample-cases"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run from inside the repository");
    }
}
