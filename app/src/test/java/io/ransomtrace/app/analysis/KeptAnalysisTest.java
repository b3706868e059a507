package io.ransomtrace.app.analysis;

import io.ransomtrace.app.importing.BuiltInImporters;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.LastAnalysis;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.app.testing.TinyLogWriter;
import io.ransomtrace.app.ui.data.CampaignLocator;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Findings kept in the case come back as the detector gave them, and are known stale when anything changed. */
class KeptAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void aKeptRunComesBackEqualWithItsCampaignProcessesAndBadges() throws Exception {
        Path file = dir.resolve("mixed.rtcase");
        try (CaseStore store = CaseStore.create(file)) {
            new ImportPipeline(new BuiltInImporters(), ImportOptions.defaults()).run(store,
                    List.of(sampleCase("mixed-workday")), ImportProgressListener.NONE, new Cancellation());
            DetectionSettings settings = DetectionSettings.ofCase(store);
            assertThat(KeptAnalysis.holds(store, settings)).as("nothing kept yet").isFalse();

            LastAnalysis.Run run = KeptAnalysis.analyseAndKeep(store, settings, () -> false).orElseThrow();
            CaseAnalysis.Result direct = CaseAnalysis.run(store.queries(), settings);
            assertThat(run.findings()).isEqualTo(direct.findings());
            assertThat(run.coverage()).isEqualTo(direct.coverage());
            assertThat(run.events()).isEqualTo(direct.events());

            Finding attack = run.findings().stream().filter(f -> f.severity() == Severity.CRITICAL).findFirst()
                    .orElseThrow();
            long root = new CampaignLocator(store.queries()).root(attack).orElseThrow().key();
            assertThat(run.roots().get(run.findings().indexOf(attack))).isEqualTo(root);
            assertThat(store.lastAnalysis().campaignProcesses(attack.id())).contains(root)
                    .containsExactlyInAnyOrderElementsOf(store.queries().lineageKeys(root, 100_000));
            assertThat(store.lastAnalysis().badges().get(root))
                    .containsExactlyElementsOf(attack.signals().stream().filter(s -> s.fired()).map(s -> s.kind()).toList());
            assertThat(KeptAnalysis.holds(store, settings)).isTrue();
        }
        try (CaseStore again = CaseStore.openReadOnly(file)) {
            LastAnalysis.Run kept = KeptAnalysis.kept(again).orElseThrow();
            assertThat(kept.findings()).isEqualTo(CaseAnalysis.run(again.queries(), DetectionSettings.ofCase(again))
                    .findings());
            assertThat(KeptAnalysis.holds(kept, again, DetectionSettings.ofCase(again))).isTrue();
            assertThatThrownBy(() -> again.lastAnalysis().write(kept, kept.findings().stream().map(f -> List.<Long>of())
                    .toList())).hasMessageContaining("read-only");
        }
    }

    @Test
    void otherSettingsOrANewImportMakeTheKeptRunStale() throws Exception {
        try (CaseStore store = CaseStore.create(dir.resolve("tiny.rtcase"))) {
            ImportPipeline pipeline = new ImportPipeline(new TestCatalog(), ImportOptions.defaults());
            pipeline.run(store, List.of(TinyLogWriter.campaign(dir.resolve("a.log"), 300)), ImportProgressListener.NONE,
                    new Cancellation());
            DetectionSettings settings = DetectionSettings.defaults();
            KeptAnalysis.analyseAndKeep(store, settings, () -> false).orElseThrow();
            assertThat(KeptAnalysis.holds(store, settings)).isTrue();
            assertThat(KeptAnalysis.holds(store, DetectionSettings.defaults())).as("equal settings, equal hash").isTrue();

            Profile tuned = settings.profile().with("severity.high", 60L);
            assertThat(KeptAnalysis.holds(store, new DetectionSettings(tuned, settings.allowlist()))).isFalse();

            Files.writeString(dir.resolve("b.log"), Files.readString(dir.resolve("a.log")).replace("web-01", "web-02"));
            pipeline.run(store, List.of(dir.resolve("b.log")), ImportProgressListener.NONE, new Cancellation());
            assertThat(KeptAnalysis.holds(store, settings)).as("another source came in").isFalse();
        }
    }

    @Test
    void aCancelledRunKeepsNothingAndAnUnreadableKeptRunIsAnalysedAgain() throws Exception {
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            new ImportPipeline(new TestCatalog(), ImportOptions.defaults()).run(store,
                    List.of(TinyLogWriter.campaign(dir.resolve("a.log"), 300)), ImportProgressListener.NONE,
                    new Cancellation());
            assertThat(KeptAnalysis.analyseAndKeep(store, DetectionSettings.defaults(), () -> true)).isEmpty();
            assertThat(store.lastAnalysis().stamp()).isEmpty();

            KeptAnalysis.analyseAndKeep(store, DetectionSettings.defaults(), () -> false).orElseThrow();
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("c.rtcase"));
                 Statement st = c.createStatement()) {
                st.execute("UPDATE analysis_findings SET finding = x'0102030405'");
            }
            assertThat(KeptAnalysis.kept(store)).as("a finding of another shape: analyse again").isEmpty();
        }
    }

    @Test
    void theEngineVersionIsADigestOfTheEngineAndTheSettingsHashIgnoresHowTheyWereWritten() {
        assertThat(EngineVersion.current()).matches("engine-[0-9a-f]{24}").isEqualTo(EngineVersion.current());
        Profile p = Profile.defaults();
        assertThat(SettingsHash.of(new DetectionSettings(p.with("severity.high", p.value("severity.high")),
                DetectionSettings.defaults().allowlist()))).isEqualTo(SettingsHash.of(DetectionSettings.defaults()));
    }

    static Path sampleCase(String name) {
        for (Path p : List.of(Path.of("..", "sample-cases", "cases", name), Path.of("sample-cases", "cases", name))) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("sample case " + name + " not found under sample-cases/cases/");
    }
}
