package io.ransomtrace.engine;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workbench cancels a stale live-tuning re-run by interrupting its thread; the detector must stop. */
class DetectorCancellationTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted(); // never leak the flag into other tests on this thread
    }

    private static List<Event> events(int n) {
        Trail t = new Trail("fs01");
        Proc app = t.sshLogin("alice", 1000).spawn("/usr/bin/python3", "python3", "app.py");
        for (int i = 0; i < n; i++) {
            app.append("/var/log/app/app-" + (i % 50) + ".log");
        }
        return t.events();
    }

    @Test
    void anInterruptedThreadStopsTheRunWithinOneCheckInterval() {
        List<Event> events = events(3 * Detector.INTERRUPT_CHECK_INTERVAL);
        Detector d = new Detector(Profile.defaults(), Allowlist.empty());
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> events.forEach(d::accept))
                .isInstanceOf(DetectionCancelledException.class)
                .satisfies(e -> assertThat(((DetectionCancelledException) e).eventsAccepted())
                        .isEqualTo(Detector.INTERRUPT_CHECK_INTERVAL));
        assertThat(Thread.currentThread().isInterrupted()).as("the flag stays set for the caller").isTrue();
    }

    @Test
    void aRunThatIsNotInterruptedGoesToTheEnd() {
        List<Event> events = events(3 * Detector.INTERRUPT_CHECK_INTERVAL);
        Detector d = new Detector(Profile.defaults(), Allowlist.empty());
        events.forEach(d::accept);
        d.finish();
        assertThat(d.eventsProcessed()).isEqualTo(events.size());
    }
}
