package io.ransomtrace.app.casefile;

import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.analysis.EngineVersion;
import io.ransomtrace.app.analysis.SettingsHash;
import io.ransomtrace.app.importing.BuiltInImporters;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.store.LastAnalysis;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.app.testing.TinyLogWriter;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.finding.SignalMeasurement;
import io.ransomtrace.engine.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Findings kept in the case come back as the detector gave them, and are known stale when anything changed. */
class KeptAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void aKeptAnalysisComesBackEqualWithItsCampaignProcessesAndBadges() throws Exception {
        Path file = dir.resolve("mixed.rtcase");
        try (CaseSession session = CaseSession.create(file)) {
            session.importLogs(List.of(sampleCase("mixed-workday")), new BuiltInImporters(), ImportOptions.defaults(),
                    ImportProgressListener.NONE, new Cancellation());
            CaseSettings settings = session.settings();
            assertThat(session.keptAnalysis(settings)).as("nothing kept yet").isEmpty();

            CaseSession.Analysis analysed = session.analyse(settings, TaskProgress.NONE);
            CaseAnalysis.Result direct = CaseAnalysis.run(session.queries(), settings.detection());
            assertThat(analysed.findings()).isEqualTo(direct.findings());
            assertThat(analysed.coverage()).isEqualTo(direct.coverage());
            assertThat(analysed.events()).isEqualTo(direct.events());

            Finding attack = analysed.findings().stream().filter(f -> f.severity() == Severity.CRITICAL).findFirst()
                    .orElseThrow();
            long root = session.campaigns().root(attack).orElseThrow().key();
            assertThat(session.store().lastAnalysis().campaignProcesses(attack.id())).contains(root)
                    .containsExactlyInAnyOrderElementsOf(session.queries().lineageKeys(root, 100_000));
            assertThat(session.keptBadges().get(root)).containsExactlyElementsOf(
                    attack.signals().stream().filter(SignalMeasurement::fired).map(SignalMeasurement::kind).toList());
            // located for all findings at once: what locating them one by one gives
            CampaignProcessKeys keys = new CampaignProcessKeys(session.queries());
            CampaignProcessKeys.Campaigns all = keys.locate(analysed.findings());
            for (int i = 0; i < analysed.findings().size(); i++) {
                Finding f = analysed.findings().get(i);
                assertThat(all.roots().get(i)).as(f.title()).isEqualTo(keys.root(f).orElse(null));
                assertThat(all.processes().get(i)).as(f.title()).containsExactlyInAnyOrderElementsOf(
                        keys.root(f).map(keys::lineage).orElse(List.of()));
            }
            assertThat(all.roots()).as("findings rooted in the case").filteredOn(r -> r != null).hasSizeGreaterThan(1);
            assertThat(session.keptAnalysis(settings)).hasValueSatisfying(kept -> {
                assertThat(kept.findings()).isEqualTo(direct.findings());
                assertThat(kept.coverage()).isEqualTo(direct.coverage());
            });

            // an export reads only the findings it chooses, in the kept order, and only while they hold
            List<Finding> mediumUp = direct.findings().stream()
                    .filter(f -> !f.suppressed() && f.severity().atLeast(Severity.MEDIUM)).toList();
            assertThat(mediumUp).isNotEmpty().hasSizeLessThan(direct.findings().size());
            assertThat(session.keptAnalysis(settings, List.of(), Severity.MEDIUM)).hasValueSatisfying(kept -> {
                assertThat(kept.findings()).isEqualTo(mediumUp);
                assertThat(kept.coverage()).isEqualTo(direct.coverage());
                assertThat(kept.events()).isEqualTo(direct.events());
            });
            Finding lower = direct.findings().stream().filter(f -> !f.severity().atLeast(Severity.MEDIUM)).findFirst()
                    .orElseThrow();
            assertThat(session.keptAnalysis(settings, List.of(lower.id(), attack.id()), Severity.CRITICAL))
                    .hasValueSatisfying(kept -> assertThat(kept.findings()).containsExactlyInAnyOrder(lower, attack));
            assertThat(session.keptAnalysis(settings.withProfile(settings.profile().with("severity.high", 60L)),
                    List.of(), Severity.MEDIUM)).as("other settings: nothing kept holds").isEmpty();
        }
        try (CaseSession again = CaseSession.openReadOnly(file)) {
            long replays = again.queries().wholeCaseReplaysStarted();
            CaseSession.Analysis kept = again.keptAnalysis(again.settings()).orElseThrow();
            assertThat(again.queries().wholeCaseReplaysStarted()).as("reading what is kept replays nothing").isEqualTo(replays);
            assertThat(kept.findings()).isEqualTo(CaseAnalysis.run(again.queries(), again.settings().detection())
                    .findings());
            assertThatThrownBy(() -> again.keepAnalysis(kept)).hasMessageContaining("read-only");
        }
    }

    @Test
    void otherSettingsOrANewImportMakeTheKeptAnalysisStale() throws Exception {
        try (CaseSession session = CaseSession.create(dir.resolve("tiny.rtcase"))) {
            session.importLogs(List.of(TinyLogWriter.campaign(dir.resolve("a.log"), 300)), new TestCatalog(),
                    ImportOptions.defaults(), ImportProgressListener.NONE, new Cancellation());
            CaseSettings settings = session.settings();
            session.analyse(settings, TaskProgress.NONE);
            assertThat(session.keptAnalysis(settings)).isPresent();
            assertThat(session.keptAnalysis(CaseSettings.defaults())).as("equal settings, equal hash").isPresent();

            Profile tuned = settings.profile().with("severity.high", 60L);
            assertThat(session.keptAnalysis(settings.withProfile(tuned))).isEmpty();
            assertThat(session.lastKeptAnalysis()).as("still there to show meanwhile").isPresent();

            Files.writeString(dir.resolve("b.log"), Files.readString(dir.resolve("a.log")).replace("web-01", "web-02"));
            session.importLogs(List.of(dir.resolve("b.log")), new TestCatalog(), ImportOptions.defaults(),
                    ImportProgressListener.NONE, new Cancellation());
            assertThat(session.keptAnalysis(settings)).as("another source came in").isEmpty();
        }
    }

    @Test
    void aKeptPreviewNeedsNoReplayAndACancelledRunKeepsNothing() throws Exception {
        try (CaseSession session = CaseSession.create(dir.resolve("c.rtcase"))) {
            session.importLogs(List.of(TinyLogWriter.campaign(dir.resolve("a.log"), 300)), new TestCatalog(),
                    ImportOptions.defaults(), ImportProgressListener.NONE, new Cancellation());
            TaskProgress cancel = new TaskProgress() {
                @Override
                public void update(double fraction, String message, String rate) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            assertThat(session.analyse(session.settings(), cancel)).isNull();
            assertThat(session.store().lastAnalysis().stamp()).isEmpty();

            CaseSession.Analysis first = session.analyse(session.settings(), TaskProgress.NONE);
            CaseSettings tuned = session.settings().withProfile(session.settings().profile().with("severity.high", 60L));
            List<Finding> preview = session.findings(tuned, () -> false);
            long replays = session.queries().wholeCaseReplaysStarted();
            session.keepProfile(tuned.profile(), first.settings().profile(), "test");
            session.keepAnalysis(first.withFindings(tuned, preview));
            assertThat(session.queries().wholeCaseReplaysStarted()).isEqualTo(replays);
            assertThat(session.keptAnalysis(session.settings())).hasValueSatisfying(k ->
                    assertThat(k.findings()).isEqualTo(preview));
        }
    }

    @Test
    void anUnreadableKeptAnalysisIsAnalysedAgain() throws Exception {
        Path file = dir.resolve("u.rtcase");
        try (CaseSession session = CaseSession.create(file)) {
            session.importLogs(List.of(TinyLogWriter.campaign(dir.resolve("a.log"), 300)), new TestCatalog(),
                    ImportOptions.defaults(), ImportProgressListener.NONE, new Cancellation());
            session.analyse(session.settings(), TaskProgress.NONE);
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                st.execute("UPDATE analysis_findings SET finding = x'0102030405'");
            }
            assertThat(session.lastKeptAnalysis()).as("another shape of a finding: analyse again").isEmpty();
            assertThat(session.keptAnalysis(session.settings())).isEmpty();
            LastAnalysis.Stamp stamp = session.store().lastAnalysis().stamp().orElseThrow();
            assertThat(stamp.engineVersion()).isEqualTo(EngineVersion.current());
            assertThat(stamp.settingsHash()).isEqualTo(SettingsHash.of(session.settings().detection()));
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
