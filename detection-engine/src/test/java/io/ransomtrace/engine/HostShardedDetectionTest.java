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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A case or log of several hosts is judged host by host on threads of their own: each host's findings are what its
 * own events alone give, however busy the other hosts are, and the feeding thread still sees failures and cancels.
 */
class HostShardedDetectionTest {

    /** openssl over every file first, the originals removed only after {@code pause} (gpg --encrypt-files, then find -delete). */
    private static Trail encryptThenDeleteLater(String host, int files, Duration pause) {
        Trail t = new Trail(host);
        Proc script = t.sshLogin("ivan", 1501).spawn("/usr/bin/bash", "bash", "/tmp/w.sh");
        List<String> tree = Tools.tree("/srv/eng", 6, files, ".odt");
        for (String f : tree) {
            Tools.opensslEncrypt(script, f, ".enc");
        }
        t.advance(pause);
        for (String f : tree) {
            Tools.rm(script, f);
        }
        return t;
    }

    /** A backup job writing an encrypted copy of tens of thousands of files (originals kept) all through the other's attack. */
    private static Trail busyBackup(String host, int files) {
        Trail t = new Trail(host).step(Duration.ofMillis(1));
        Proc job = t.service("/usr/sbin/cron").spawn("/usr/bin/sh", "sh", "/etc/cron.daily/backup");
        for (String f : Tools.tree("/srv/backup/data", 50, files, ".db")) {
            Tools.gpgSymmetric(job, f);
        }
        return t;
    }

    private static List<Event> inTimeOrder(Trail... trails) {
        return Stream.of(trails).flatMap(t -> t.events().stream())
                .sorted(Comparator.comparing(Event::time)) // stable: each host's own order is kept
                .collect(Collectors.toList());
    }

    private static List<Finding> sharded(int maxShards, List<Event> events) {
        try (HostShardedDetection d = new HostShardedDetection(maxShards,
                () -> new Detector(Profile.defaults(), Allowlist.empty()))) {
            events.forEach(d);
            return d.finish();
        }
    }

    private static List<Finding> alone(Trail t) {
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    @Test
    void eachHostGetsTheFindingsItsOwnEventsAloneGive() {
        Trail attacked = encryptThenDeleteLater("fs01", 400, Duration.ofSeconds(60));
        Trail busy = busyBackup("bk01", 40_000); // 40,000 encrypted copies across the attack's minute
        Trail other = encryptThenDeleteLater("nas02", 150, Duration.ofSeconds(5));
        // one detector over all three loses most of fs01's pairs to bk01's copies in the recent-path memory they
        // would share (217 of 399 pairs, 583 files counted for 400); a detector per host loses none
        List<Event> mixed = inTimeOrder(attacked, busy, other);

        List<Finding> found;
        try (HostShardedDetection d = new HostShardedDetection(HostShardedDetection.MAX_SHARDS,
                () -> new Detector(Profile.defaults(), Allowlist.empty()))) {
            mixed.forEach(d);
            found = d.finish();
            assertThat(d.shardCount()).isEqualTo(3);
            assertThat(d.eventsAccepted()).isEqualTo(mixed.size());
        }

        List<Finding> expected = new ArrayList<>();
        expected.addAll(alone(attacked));
        expected.addAll(alone(busy));
        expected.addAll(alone(other));
        expected.sort(Finding.STREAM_ORDER);
        assertThat(found).isEqualTo(expected);
        Finding fs01 = found.stream().filter(f -> f.host().equals("fs01")).findFirst().orElseThrow();
        assertThat(fs01.severity()).isEqualTo(Severity.HIGH);
        assertThat(fs01.signal("delete-after-encrypt").value()).isEqualTo(399.0); // every pair kept, none lost to bk01
        assertThat(found).noneMatch(f -> f.host().equals("bk01") && f.severity().compareTo(Severity.MEDIUM) >= 0);
    }

    @Test
    void hostsBeyondTheShardsShareTheLeastBusyOne() {
        Trail a = encryptThenDeleteLater("a", 120, Duration.ofSeconds(2));
        Trail b = encryptThenDeleteLater("b", 60, Duration.ofSeconds(2));
        Trail c = encryptThenDeleteLater("c", 90, Duration.ofSeconds(2));
        List<Event> events = new ArrayList<>(a.events());
        events.addAll(b.events());
        events.addAll(c.events()); // c arrives last: it joins b's shard, which was handed fewer events than a's
        Map<String, Finding> byHost = new ConcurrentHashMap<>();
        try (HostShardedDetection d = new HostShardedDetection(2, () -> new Detector(Profile.defaults(),
                Allowlist.empty()))) {
            events.forEach(d);
            d.finish().forEach(f -> byHost.put(f.host(), f));
            assertThat(d.shardCount()).isEqualTo(2);
        }
        assertThat(byHost).containsOnlyKeys("a", "b", "c");
        assertThat(byHost.get("a").filesAffected()).isEqualTo(120);
        assertThat(byHost.get("b").filesAffected()).isEqualTo(60);
        assertThat(byHost.get("c").filesAffected()).isEqualTo(90);
        assertThat(byHost.values()).extracting(Finding::severity).containsOnly(Severity.HIGH);
    }

    @Test
    void alertsArriveFromEveryShard() {
        List<Event> mixed = inTimeOrder(encryptThenDeleteLater("fs01", 80, Duration.ofSeconds(1)),
                encryptThenDeleteLater("fs02", 80, Duration.ofSeconds(1)));
        Map<String, Finding> alerts = new ConcurrentHashMap<>();
        try (HostShardedDetection d = new HostShardedDetection(HostShardedDetection.MAX_SHARDS,
                () -> new Detector(Profile.defaults(), Allowlist.empty(), f -> alerts.put(f.host(), f)))) {
            mixed.forEach(d);
            d.finish();
        }
        assertThat(alerts).containsOnlyKeys("fs01", "fs02");
    }

    @Test
    void aFailureOnAShardReachesTheFeeder() {
        List<Event> events = encryptThenDeleteLater("fs01", 200, Duration.ofSeconds(1)).events();
        assertThatThrownBy(() -> {
            try (HostShardedDetection d = new HostShardedDetection(2, () -> new Detector(Profile.defaults(),
                    Allowlist.empty(), f -> {
                        throw new IllegalStateException("listener broke");
                    }))) {
                events.forEach(d);
                d.finish();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("listener broke");
    }

    @Test
    void anInterruptOfTheFeederCancelsTheRun() {
        List<Event> events = encryptThenDeleteLater("fs01", 2000, Duration.ofSeconds(1)).events();
        Thread.currentThread().interrupt(); // what the workbench does to a stale live-tuning re-run
        try {
            assertThatThrownBy(() -> sharded(2, events)).isInstanceOf(DetectionCancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
