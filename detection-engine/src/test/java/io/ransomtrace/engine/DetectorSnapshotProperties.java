package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.snapshot.DetectorSnapshot;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the events and wherever the stream is cut, a detector saved and restored there carries on exactly as
 * one that never stopped: the same findings, the same early alerts after the cut.
 */
class DetectorSnapshotProperties {

    @Property(tries = 80)
    void aRestoredDetectorFindsWhatAnUninterruptedOneFinds(@ForAll("events") @Size(max = 400) List<Event> events,
                                                           @ForAll @IntRange(min = 0, max = 1000) int cutPerMille)
            throws IOException {
        int cut = events.size() * cutPerMille / 1000;
        Run whole = run(events, -1);
        Run interrupted = run(events, cut);
        assertThat(interrupted.findings).isEqualTo(whole.findings);
        assertThat(interrupted.alerts).isEqualTo(whole.alerts);
    }

    @Property(tries = 40)
    void aDetectorRestoredTwiceFindsTheSame(@ForAll("events") @Size(max = 400) List<Event> events,
                                            @ForAll @IntRange(min = 0, max = 500) int first,
                                            @ForAll @IntRange(min = 500, max = 1000) int second) throws IOException {
        Profile profile = Profile.defaults();
        Detector d = new Detector(profile, Allowlist.empty());
        int a = events.size() * first / 1000;
        int b = events.size() * second / 1000;
        for (int i = 0; i < events.size(); i++) {
            if (i == a || i == b) {
                d = DetectorSnapshot.fromBytes(DetectorSnapshot.toBytes(d, profile), profile, Allowlist.empty(), null);
            }
            d.accept(events.get(i));
        }
        assertThat(d.finish()).isEqualTo(Detector.run(events, profile, Allowlist.empty()));
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return new ArbitraryInputProperties().events();
    }

    private record Run(List<Finding> findings, List<Finding> alerts) {
    }

    /** Feeds every event; at index {@code cut} (if ≥ 0) saves the detector and goes on with a restored copy. */
    private static Run run(List<Event> events, int cut) throws IOException {
        Profile profile = Profile.defaults();
        List<Finding> alerts = new ArrayList<>();
        Detector d = new Detector(profile, Allowlist.empty(), alerts::add);
        for (int i = 0; i < events.size(); i++) {
            if (i == cut) {
                d = DetectorSnapshot.fromBytes(DetectorSnapshot.toBytes(d, profile), profile, Allowlist.empty(), alerts::add);
            }
            d.accept(events.get(i));
        }
        if (cut == events.size()) {
            d = DetectorSnapshot.fromBytes(DetectorSnapshot.toBytes(d, profile), profile, Allowlist.empty(), alerts::add);
        }
        return new Run(d.finish(), alerts);
    }
}
