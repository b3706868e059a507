package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Tools;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The detector on its own thread gives exactly what it gives on the caller's, and its failures reach the caller. */
class DetectorThreadTest {

    private static List<Event> attack() {
        Trail t = new Trail("fs09");
        Proc script = t.sshLogin("ivan", 1501).spawn("/usr/bin/bash", "bash", "/tmp/w.sh");
        for (String f : Tools.tree("/srv/eng", 5, 3000, ".odt")) {
            Tools.opensslEncrypt(script, f, ".enc");
            Tools.rm(script, f);
        }
        return t.events();
    }

    @Test
    void theSameFindingsAsOnTheCallersThread() {
        List<Event> events = attack();
        List<Finding> direct = Detector.run(events, Profile.defaults(), Allowlist.empty());
        List<Finding> alerts = new ArrayList<>();
        DetectorThread threaded = new DetectorThread(new Detector(Profile.defaults(), Allowlist.empty(), alerts::add), "t");
        events.forEach(threaded);
        List<Finding> viaThread = threaded.finish();
        assertThat(viaThread).isEqualTo(direct);
        assertThat(threaded.finish()).isSameAs(viaThread);
        assertThat(threaded.detector().eventsProcessed()).isEqualTo(events.size());
        assertThat(alerts).isNotEmpty();
    }

    @Test
    void syncWaitsUntilTheDetectorHasSeenEveryEventAcceptedSoFar() {
        Trail t = new Trail("fs09").step(java.time.Duration.ofMillis(5)); // 45 s of events: most outlast the reorder window
        Proc script = t.sshLogin("ivan", 1501).spawn("/usr/bin/bash", "bash", "/tmp/w.sh");
        for (String f : Tools.tree("/srv/eng", 5, 3000, ".odt")) {
            Tools.opensslEncrypt(script, f, ".enc");
            Tools.rm(script, f);
        }
        List<Event> events = t.events();
        List<Event> firstHalf = events.subList(0, events.size() / 2 + 7); // not a whole number of batches
        Detector direct = new Detector(Profile.defaults(), Allowlist.empty());
        firstHalf.forEach(direct);
        List<Finding> alerts = java.util.Collections.synchronizedList(new ArrayList<>());
        DetectorThread threaded = new DetectorThread(new Detector(Profile.defaults(), Allowlist.empty(), alerts::add), "t");
        firstHalf.forEach(threaded);
        threaded.sync();
        assertThat(threaded.detector().eventsProcessed()).isEqualTo(direct.eventsProcessed()).isPositive();
        assertThat(alerts).as("the locker alerted on before the second half").isNotEmpty();
        events.subList(firstHalf.size(), events.size()).forEach(threaded);
        assertThat(threaded.finish()).isEqualTo(Detector.run(events, Profile.defaults(), Allowlist.empty()));
    }

    @Test
    void aFailureOfTheDetectorIsRethrownToTheFeeder() {
        List<Event> events = attack();
        DetectorThread threaded = new DetectorThread(new Detector(Profile.defaults(), Allowlist.empty(), f -> {
            throw new IllegalStateException("listener broke");
        }), "t");
        assertThatThrownBy(() -> {
            events.forEach(threaded);
            threaded.finish();
        }).isInstanceOf(IllegalStateException.class).hasMessage("listener broke");
    }
}
