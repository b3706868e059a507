package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Tools;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorTest {

    /** An openssl campaign (200 files, 10 directories, notes) next to benign noise on the same host. */
    private static Trail attack() {
        // 5 ms between events: the ~2,400 events span 12 s, well past the 2 s reorder window
        Trail t = new Trail("web01").step(Duration.ofMillis(5));
        Proc cron = t.service("/usr/sbin/cron");
        Proc logrotate = cron.spawn("/usr/sbin/logrotate", "logrotate", "/etc/logrotate.conf");
        Proc login = t.sshLogin("alice", 1000);
        Proc script = login.sudo("/usr/bin/bash", "bash", "run.sh");
        int i = 0;
        for (String f : Tools.tree("/srv/data", 10, 200, ".pdf")) {
            Proc sh = script.spawn("/usr/bin/sh", "sh", "-c", "openssl enc ...");
            Tools.opensslEncrypt(sh, f, ".enc");
            Tools.rm(sh, f);
            if (i % 20 == 0) {
                Tools.logrotate(logrotate, "/var/log/app" + i + ".log");
                script.create("/srv/data/d" + (i / 20) + "/RESTORE_FILES.txt");
            }
            i++;
        }
        return t;
    }

    @Test
    void sameEventsGiveTheSameFindingsWithTheSameIds() {
        List<Event> events = attack().events();
        List<Finding> a = Detector.run(events, Profile.defaults(), Allowlist.empty());
        List<Finding> b = Detector.run(events.stream(), Profile.defaults(), Allowlist.empty());
        assertThat(a).isNotEmpty();
        assertThat(b).isEqualTo(a);
        assertThat(a.get(0).id()).matches("rt-[0-9a-f]{16}");
    }

    @Test
    void slightlyOutOfOrderInputGivesTheSameFindings() {
        List<Event> events = attack().events();
        List<Event> shuffled = new ArrayList<>(events);
        Random r = new Random(7);
        // shuffle within blocks of 40 events (events are 5 ms apart: 200 ms, well inside the 2 s window)
        for (int from = 0; from < shuffled.size(); from += 40) {
            java.util.Collections.shuffle(shuffled.subList(from, Math.min(shuffled.size(), from + 40)), r);
        }
        assertThat(shuffled).isNotEqualTo(events);
        assertThat(Detector.run(shuffled, Profile.defaults(), Allowlist.empty()))
                .isEqualTo(Detector.run(events, Profile.defaults(), Allowlist.empty()));
    }

    @Test
    void alertsArriveDuringTheStreamBeforeMostFilesAreLost() {
        List<Event> events = attack().events();
        List<Finding> alerts = new ArrayList<>();
        long[] alertedAt = new long[1];
        long[] counter = new long[1];
        Detector d = new Detector(Profile.defaults(), Allowlist.empty(), f -> {
            alerts.add(f);
            alertedAt[0] = alertedAt[0] == 0 ? counter[0] : alertedAt[0];
        });
        for (Event e : events) {
            counter[0]++;
            d.accept(e);
        }
        assertThat(alerts).isNotEmpty();
        assertThat(alertedAt[0]).isLessThan(events.size() / 2);
        assertThat(alerts).extracting(Finding::severity).isSorted();
        assertThat(alerts.get(alerts.size() - 1).severity()).isEqualTo(Severity.CRITICAL);
        List<Finding> findings = d.finish();
        Finding f = findings.stream().filter(x -> x.severity() == Severity.CRITICAL).findFirst().orElseThrow();
        assertThat(f.id()).isEqualTo(alerts.get(0).id());
        assertThat(f.firstAlert()).isEqualTo(alerts.get(0).firstAlert());
        assertThat(f.firstAlert()).isBefore(f.lastSeen());
        assertThat(f.filesBeforeFirstHighAlert()).isBetween(3, 5);
        assertThat(d.eventsProcessed()).isEqualTo(events.size());
        assertThatThrownBy(() -> d.accept(events.get(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void suppressedFindingsStayVisibleAndRaiseNoAlert() {
        Allowlist allow = Allowlist.load(new ByteArrayInputStream("""
                entries:
                  - id: red-team
                    reason: red-team exercise RT-42
                    author: ciso
                    effect: suppress
                    match:
                      commandLine: "bash run.sh"
                      host: web01
                """.getBytes(StandardCharsets.UTF_8)));
        List<Finding> alerts = new ArrayList<>();
        Detector d = new Detector(Profile.defaults(), allow, alerts::add);
        attack().events().forEach(d::accept);
        List<Finding> findings = d.finish();
        assertThat(alerts).isEmpty();
        Finding f = findings.stream().filter(Finding::suppressed).findFirst().orElseThrow();
        assertThat(f.allowlist().entryId()).isEqualTo("red-team");
        assertThat(f.allowlist().originalSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void capEntriesLowerSeverityAndSayWhy() {
        Allowlist allow = Allowlist.load(new ByteArrayInputStream("""
                entries:
                  - reason: test host
                    author: ops
                    effect: cap
                    capSeverity: low
                    match:
                      host: web01
                """.getBytes(StandardCharsets.UTF_8)));
        Finding f = Detector.run(attack().events(), Profile.defaults(), allow).stream()
                .filter(x -> x.allowlist() != null).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.suppressed()).isFalse();
        assertThat(f.allowlist().originalSeverity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void retuningAThresholdChangesTheOutcome() {
        List<Event> events = attack().events();
        Profile strict = Profile.defaults().with("signals.ransomNote.minDirectories", 50);
        Finding f = Detector.run(events, strict, Allowlist.empty()).stream()
                .max((a, b) -> a.severity().compareTo(b.severity())).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.signal("ransom-note").fired()).isFalse();
        assertThat(f.signal("ransom-note").description()).contains("RESTORE_FILES.txt created in 10 directories")
                .contains("fires at 50");
    }

    @Test
    void idleCampaignsAreClosedAndProcessesForgotten() {
        Trail t = new Trail("h1");
        Proc cron = t.service("/usr/sbin/cron");
        for (int i = 0; i < 300; i++) {
            Proc sh = cron.spawn("/bin/sh", "sh", "-c", "job" + i);
            Tools.gpgSymmetric(sh, "/srv/job" + i + "/out.tar");
            sh.exit();
            t.advance(Duration.ofMinutes(5));
        }
        Detector d = new Detector(Profile.defaults(), Allowlist.empty());
        t.events().forEach(d::accept);
        assertThat(d.trackedProcesses()).isLessThan(20);
        assertThat(d.activeCampaigns()).isLessThan(10);
        List<Finding> findings = d.finish();
        assertThat(findings).hasSize(300);
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isLessThanOrEqualTo(Severity.LOW));
        assertThat(findings).extracting(Finding::firstSeen).isSorted();
    }

    @Test
    void eventsLaterThanTheWindowAreStillProcessedAndCounted() {
        Trail t = new Trail("h").step(Duration.ofSeconds(1));
        Proc login = t.sshLogin("alice", 1000);
        for (int i = 0; i < 10; i++) {
            login.spawn("/usr/bin/true", "true").exit();
        }
        List<Event> events = new ArrayList<>(t.events());
        Event early = events.remove(1);
        events.add(early); // ~20 s late, far past the 2 s window
        Detector d = new Detector(Profile.defaults(), Allowlist.empty());
        events.forEach(d::accept);
        d.finish();
        assertThat(d.eventsProcessed()).isEqualTo(events.size());
        assertThat(d.lateEvents()).isEqualTo(1);
    }

    @Test
    void eventsWithoutActorOrTimeAreIgnoredNotFatal() {
        Detector d = new Detector(Profile.defaults(), Allowlist.empty());
        d.accept(null);
        assertThat(d.finish()).isEmpty();
    }
}
