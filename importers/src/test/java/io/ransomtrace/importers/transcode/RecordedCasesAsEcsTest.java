package io.ransomtrace.importers.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Importers;
import io.ransomtrace.importers.InputExpander;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.Sniffer;
import io.ransomtrace.importers.ecs.EcsImporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recorded sample case that carries file events (both recorders: sample-cases/cases and
 * sample-cases/independent/cases), imported from its kernel audit log AND transcoded to ECS
 * (Auditbeat-shaped NDJSON, {@link EcsTranscoder}) and imported back: in both, each expected attack is found at
 * high or critical with the root, login user, overwrite kind and file count (±10 %) of its truth.yaml, and no
 * benign case has a finding at medium or above. The same verdict whatever the format the events came in.
 */
class RecordedCasesAsEcsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    static Stream<Path> cases() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-cases/cases"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with sample-cases").isNotNull();
        List<Path> all = new ArrayList<>();
        for (String folder : List.of("sample-cases/cases", "sample-cases/independent/cases")) {
            try (Stream<Path> s = Files.list(dir.resolve(folder))) {
                all.addAll(s.filter(d -> Files.isRegularFile(d.resolve("truth.yaml"))).sorted().toList());
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theVerdictIsTheTruthInAuditdAndInEcs(Path caseDir) throws IOException {
        JsonNode truth = YAML.readTree(caseDir.resolve("truth.yaml").toFile());
        if (!truth.path("fileEventsRecorded").asBoolean(true)) {
            return; // exec-only recordings: file counts cannot be judged, and ECS adds nothing to command lines
        }
        List<Event> audit = importCase(caseDir);
        List<String> ndjson = new ArrayList<>();
        for (Event e : audit) {
            if (!(e instanceof io.ransomtrace.engine.model.FileOp op && op.path() == null)) {
                ndjson.addAll(EcsTranscoder.toLines(e)); // a file event without a path has no ECS form (file.path)
            }
        }
        Path ecsFile = tmp.resolve(caseDir.getFileName() + ".ndjson");
        Files.write(ecsFile, ndjson);
        CollectingSink ecs = new CollectingSink();
        new EcsImporter().importSource(new SourceFile(1, ecsFile, Format.ECS_NDJSON), ecs);
        assertThat(ecs.quarantined).as("ECS records refused").isEmpty();

        judge(truth, Detector.run(audit, Profile.defaults(), Allowlist.empty()), "auditd");
        judge(truth, Detector.run(ecs.events, Profile.defaults(), Allowlist.empty()), "ECS");
    }

    static List<Event> importCase(Path caseDir) throws IOException {
        CollectingSink sink = new CollectingSink();
        int source = 1;
        for (InputExpander.Input in : InputExpander.expandInputs(List.of(caseDir))) {
            Format f = Sniffer.sniff(in.file());
            if (f == Format.UNKNOWN || f == Format.AUDIT_RULES) {
                continue;
            }
            Importers.importSource(new SourceFile(source++, in.file(), f), sink);
        }
        return sink.events;
    }

    private static void judge(JsonNode truth, List<Finding> findings, String format) {
        Map<String, Long> users = new HashMap<>();
        users.put("root", 0L);
        truth.path("users").fields().forEachRemaining(e -> users.put(e.getKey(), e.getValue().asLong()));
        JsonNode expected = truth.path("expected");
        List<Finding> unmatched = new ArrayList<>(findings);
        if (expected.isArray()) {
            for (JsonNode e : expected) {
                Finding match = findings.stream().filter(f -> found(e, f, users)).findFirst().orElse(null);
                assertThat(match).as("%s: expected %s in %s", format, e, findings.stream().map(f -> f.severity() + " "
                        + f.filesAffected() + " " + f.overwrite().label() + " " + f.title() + " / " + f.rootProcess()).toList())
                        .isNotNull();
                unmatched.removeIf(f -> f.host().equals(match.host()) && f.rootProcess().pid() == match.rootProcess().pid());
            }
        }
        assertThat(unmatched.stream().filter(f -> !f.suppressed() && f.severity().atLeast(Severity.MEDIUM))
                .map(Finding::title).toList()).as("%s: false positives", format).isEmpty();
    }

    private static boolean found(JsonNode e, Finding f, Map<String, Long> users) {
        if (f.suppressed() || !f.severity().atLeast(Severity.HIGH)) {
            return false;
        }
        RootProcess r = f.rootProcess();
        String contains = text(e, "rootCommandContains");
        boolean root = contains != null ? r.commandLine() != null && r.commandLine().contains(contains)
                : Objects.equals(text(e, "rootExe"), r.exe());
        String login = text(e, "loginUser");
        boolean loginOk = login == null ? r.loginUid() == null
                : login.equals(r.loginUser()) || r.loginUid() != null && r.loginUid().equals(users.get(login));
        int truthFiles = e.path("filesAffected").asInt();
        boolean files = Math.abs(f.filesAffected() - truthFiles) <= Math.ceil(truthFiles * 0.10);
        String overwrite = text(e, "overwrite");
        boolean kind = overwrite == null || overwrite.equals(f.overwrite().label());
        return root && loginOk && files && kind;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
