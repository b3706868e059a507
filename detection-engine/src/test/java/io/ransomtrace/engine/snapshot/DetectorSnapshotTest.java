package io.ransomtrace.engine.snapshot;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Tools;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A detector saved at any point of a realistic stream (several campaigns open at once, processes that exit and
 * reuse pids, notes, renames, a destruction tool, exec-only telemetry, events slightly out of order, a quiet
 * spell long enough to close a campaign) and restored carries on exactly as if it had not stopped.
 */
class DetectorSnapshotTest {
    private static final Profile PROFILE = Profile.defaults();

    /** Two attacks, a backup and an editor on one host, with the shapes the signals care about. */
    static List<Event> mixedHost() {
        // 50 ms apart: events leave the 2-second reorder buffer while the attack goes on, so a cut finds state in
        // every part of the detector, not only in the buffer
        Trail t = new Trail("fs01").step(Duration.ofMillis(50));
        Proc login = t.sshLogin("alice", 1000);
        Proc script = login.sudo("/usr/bin/bash", "bash", "run.sh");
        Proc find = script.spawn("/usr/bin/find", "find", "/srv/data", "-type", "f", "-exec", "sh", "-c",
                "openssl enc -aes-256-cbc -pass pass:x -in \"$1\" -out \"$1.enc\" && rm -f \"$1\"", "_", "{}", ";");
        Proc backup = t.service("/usr/sbin/cron").spawn("/usr/bin/rsync", "rsync", "-a", "/home/", "/backup/");
        Proc editor = login.spawn("/usr/bin/vim", "vim", "/home/alice/notes.md");
        List<String> files = Tools.tree("/srv/data", 6, 60, ".csv");
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i);
            Proc sh = find.spawn("/usr/bin/sh", "sh", "-c", "openssl enc ... && rm -f \"$1\"", "_", f);
            Tools.opensslEncrypt(sh, f, ".enc");
            Tools.rm(sh, f);
            sh.exit();
            if (i % 7 == 0) {
                Tools.rsyncFile(backup, "/backup/home/alice/f" + i + ".txt", i);
            }
            if (i % 11 == 0) {
                editor.writeInPlace("/home/alice/notes.md");
            }
        }
        find.exit();
        for (int d = 0; d < 6; d++) {
            script.create("/srv/data/d" + d + "/HOW_TO_DECRYPT.txt", new ContentHint(4.1, null, null,
                    "your files are encrypted, pay in bitcoin via tor browser"));
        }
        script.exit();
        // a quiet hour: the first campaign closes before the next one starts
        t.advance(Duration.ofHours(1));
        Proc locker = login.spawn("/tmp/.x/locker", "/tmp/.x/locker", "--all", "/home");
        for (String f : Tools.tree("/home/bob", 4, 40, ".docx")) {
            locker.writeInPlace(f);
            locker.rename(f, f + ".locked");
            if (f.endsWith("0.docx")) {
                locker.create(f + ".README.txt");
            }
        }
        Proc shred = login.spawn("/usr/bin/shred", "shred", "-u", "/home/bob/secret.key");
        shred.writeInPlace("/home/bob/secret.key").rename("/home/bob/secret.key", "/home/bob/000000000000")
                .delete("/home/bob/000000000000");
        shred.exit();
        locker.exit();
        // the locker's pid is reused by something else after it exited
        t.advance(Duration.ofMinutes(1));
        login.spawn("/usr/bin/ls", "ls", "-l").exit();
        List<Event> events = new ArrayList<>(t.events());
        // auditd writes events of different CPUs slightly out of order: swap some neighbours
        for (int i = 10; i + 1 < events.size(); i += 37) {
            Event a = events.get(i);
            events.set(i, events.get(i + 1));
            events.set(i + 1, a);
        }
        return events;
    }

    @Test
    void theMixedHostHasTheFindingsThisTestIsAbout() {
        List<Finding> findings = Detector.run(mixedHost(), PROFILE, Allowlist.empty());
        assertThat(findings).filteredOn(f -> f.severity().atLeast(Severity.HIGH)).hasSize(2);
        assertThat(findings.stream().map(f -> f.rootProcess().commandLine()))
                .contains("bash run.sh", "/tmp/.x/locker --all /home");
    }

    @Test
    void savedAtEveryEventAndRestoredItFindsTheSame() throws IOException {
        List<Event> events = mixedHost();
        List<Finding> alertsWhole = new ArrayList<>();
        Detector whole = new Detector(PROFILE, Allowlist.empty(), alertsWhole::add);
        events.forEach(whole);
        List<Finding> expected = whole.finish();
        for (int cut = 0; cut <= events.size(); cut += 3) {
            List<Finding> alerts = new ArrayList<>();
            Detector d = new Detector(PROFILE, Allowlist.empty(), alerts::add);
            for (int i = 0; i < cut; i++) {
                d.accept(events.get(i));
            }
            byte[] snapshot = DetectorSnapshot.toBytes(d, PROFILE);
            Detector restored = DetectorSnapshot.fromBytes(snapshot, PROFILE, Allowlist.empty(), alerts::add);
            for (int i = cut; i < events.size(); i++) {
                restored.accept(events.get(i));
            }
            assertThat(restored.finish()).as("findings when cut at event %d", cut).isEqualTo(expected);
            assertThat(alerts).as("alerts when cut at event %d", cut).isEqualTo(alertsWhole);
        }
    }

    @Test
    void aQuietHostsCampaignsCloseWhenItsClockIsAdvanced() throws IOException {
        List<Event> events = mixedHost();
        List<Finding> expected = Detector.run(events, PROFILE, Allowlist.empty());
        // stop right before the quiet hour, advance the clock as a stream processor would, save, go on
        int gap = 1;
        while (Duration.between(events.get(gap - 1).time(), events.get(gap).time()).toMinutes() < 30) {
            gap++;
        }
        Detector d = new Detector(PROFILE, Allowlist.empty());
        for (int i = 0; i < gap; i++) {
            d.accept(events.get(i));
        }
        long quiet = events.get(gap - 1).time().toEpochMilli() + PROFILE.longValue("campaign.idleTimeoutSeconds") * 1000 + 1;
        d.advanceTo(quiet);
        List<Finding> emitted = new ArrayList<>(d.takeClosedFindings());
        assertThat(emitted).as("the first attack closes during the quiet hour")
                .anyMatch(f -> f.rootProcess().commandLine().equals("bash run.sh") && f.severity() == Severity.CRITICAL);
        d = DetectorSnapshot.fromBytes(DetectorSnapshot.toBytes(d, PROFILE), PROFILE, Allowlist.empty(), null);
        for (int i = gap; i < events.size(); i++) {
            d.accept(events.get(i));
        }
        emitted.addAll(d.takeClosedFindings());
        emitted.addAll(d.finish());
        assertThat(emitted).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aSnapshotIsCompact() {
        List<Event> events = mixedHost();
        Detector d = new Detector(PROFILE, Allowlist.empty());
        events.subList(0, events.size() / 2).forEach(d);
        // the path tables alone are 8 MB in memory; only their few occupied slots are written
        assertThat(DetectorSnapshot.toBytes(d, PROFILE).length).isLessThan(200_000);
    }

    @Test
    void aSnapshotOfAnotherFormatOrProfileIsRefusedSayingWhy() {
        Detector d = new Detector(PROFILE, Allowlist.empty());
        mixedHost().subList(0, 50).forEach(d);
        byte[] snapshot = DetectorSnapshot.toBytes(d, PROFILE);

        byte[] otherVersion = snapshot.clone();
        otherVersion[5] = (byte) (DetectorSnapshot.FORMAT_VERSION + 1);
        assertThatThrownBy(() -> DetectorSnapshot.fromBytes(otherVersion, PROFILE, Allowlist.empty(), null))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("format " + (DetectorSnapshot.FORMAT_VERSION + 1));

        Profile tuned = PROFILE.with("signals.massModification.threshold", 80);
        assertThatThrownBy(() -> DetectorSnapshot.fromBytes(snapshot, tuned, Allowlist.empty(), null))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("another detection profile");

        assertThatThrownBy(() -> DetectorSnapshot.fromBytes(new byte[] {1, 2, 3, 4, 5, 6}, PROFILE, Allowlist.empty(), null))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("not a detector snapshot");
    }

    @Test
    void aTruncatedOrDamagedSnapshotFailsAsAnIoErrorNeverAsACrash() {
        Detector d = new Detector(PROFILE, Allowlist.empty());
        mixedHost().subList(0, 400).forEach(d);
        byte[] snapshot = DetectorSnapshot.toBytes(d, PROFILE);
        for (int cut = 14; cut < snapshot.length; cut += Math.max(1, snapshot.length / 40)) {
            byte[] truncated = Arrays.copyOf(snapshot, cut);
            assertThatThrownBy(() -> DetectorSnapshot.fromBytes(truncated, PROFILE, Allowlist.empty(), null))
                    .isInstanceOf(IOException.class);
        }
    }
}
