package io.ransomtrace.fleet;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.snapshot.DetectorSnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's snapshot on every recorded sample case: a detector fed the first N events, saved, restored into a
 * new detector and fed the rest gives exactly the findings (and early alerts) of an uninterrupted run, wherever
 * N falls.
 */
class RecordedCaseSnapshotTest {
    private static final Profile PROFILE = Profile.defaults();

    @TestFactory
    Stream<DynamicTest> everyRecordedCaseSurvivesASnapshotAnywhere() {
        List<Path> cases = RecordedCases.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(28);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            List<Event> events = RecordedCases.events(c);
            List<Finding> alertsWhole = new ArrayList<>();
            Detector whole = new Detector(PROFILE, Allowlist.empty(), alertsWhole::add);
            events.forEach(whole);
            List<Finding> expected = whole.finish();
            assertThat(expected).as("the case has findings to compare").isNotEmpty();
            int n = events.size();
            for (int cut : new int[] {1, n / 5, n / 3, n / 2, 2 * n / 3, 4 * n / 5, n - 1}) {
                List<Finding> alerts = new ArrayList<>();
                Detector d = new Detector(PROFILE, Allowlist.empty(), alerts::add);
                for (int i = 0; i < cut; i++) {
                    d.accept(events.get(i));
                }
                byte[] snapshot = DetectorSnapshot.toBytes(d, PROFILE);
                Detector restored = DetectorSnapshot.fromBytes(snapshot, PROFILE, Allowlist.empty(), alerts::add);
                for (int i = cut; i < n; i++) {
                    restored.accept(events.get(i));
                }
                assertThat(restored.finish()).as("findings when saved after %d of %d events", cut, n).isEqualTo(expected);
                assertThat(alerts).as("alerts when saved after %d of %d events", cut, n).isEqualTo(alertsWhole);
            }
        }));
    }
}
