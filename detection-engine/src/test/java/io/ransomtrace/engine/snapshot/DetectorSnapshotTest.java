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

    /**
     * A busy host under small caps, with the shapes of the detection rework: cron jobs that never exit (the process
     * LRU evicts and keeps), more file-writing roots than the campaign cap, a setsid daemon and a login session
     * (boundaries in the root walk), per-folder 7z archives whose folders are then deleted (archived inputs), a
     * tar piped into openssl (a pending pipe end), an unknown binary rewriting files and a note in a second
     * directory (early facts) and a build that links and runs its own test program.
     */
    static List<Event> busyBoundedHost() {
        Trail t = new Trail("nas02").step(Duration.ofMillis(40));
        Proc cron = t.service("/usr/sbin/cron");
        Proc provision = t.existing(3000, 2990, "/usr/bin/bash", Trail.creds(0, 0, io.ransomtrace.engine.model.Credentials.UNSET, "root", null));
        Proc setsid = provision.spawn("/usr/bin/setsid", "setsid", "bash", "/opt/svc/syncd.sh");
        setsid.exec("/usr/bin/bash", "bash", "/opt/svc/syncd.sh");
        Proc login = t.sshLogin("alice", 1001);
        Proc q = login.sudo("/usr/bin/bash", "bash", "/tmp/.q/q.sh");
        Proc make = login.spawn("/usr/bin/make", "make", "test");
        for (int j = 0; j < 1500; j++) {
            Proc job = cron.spawn("/usr/bin/python3", "python3", "/opt/app/collect" + (j % 7) + ".py");
            job.create("/var/lib/app/cache/" + j + ".tmp").rename("/var/lib/app/cache/" + j + ".tmp",
                    "/var/lib/app/cache/" + j + ".json");
            if (j % 100 == 0) {
                String dir = "/share/Public/d" + j / 100;
                Proc zip = q.spawn("/usr/bin/7z", "7z", "a", "-pk3y", "-mhe=on", dir + ".7z", dir);
                zip.create(dir + ".7z").exit();
                Proc rm = q.spawn("/usr/bin/rm", "rm", "-rf", dir);
                for (int f = 0; f < 6; f++) {
                    rm.delete(dir + "/doc" + f + ".pdf");
                }
                rm.exit();
                q.create("/share/Home/u" + j / 100 + "/README_LOCKED.txt");
            }
            if (j % 50 == 0) {
                for (int k = 0; k < 3; k++) {
                    String f = "/srv/www/site/s" + k + "/img" + j + ".png";
                    setsid.writeInPlace(f).rename(f, f + ".crypt");
                }
            }
            if (j == 700) {
                Proc sh = login.spawn("/bin/sh", "sh", "-c", "tar cf - /home/alice/docs | openssl enc -aes-256-cbc"
                        + " -pass pass:x -out /home/alice/docs.tar.enc");
                sh.spawn("/usr/bin/tar", "tar", "cf", "-", "/home/alice/docs").exit();
                // the snapshot may fall between the two ends of the pipe
                sh.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pass", "pass:x", "-out",
                        "/home/alice/docs.tar.enc").create("/home/alice/docs.tar.enc").exit();
                Proc ld = make.spawn("/usr/bin/ld", "ld", "-o", "/home/alice/src/t_unit");
                ld.create("/home/alice/src/t_unit").exit();
                Proc unit = make.spawn("/home/alice/src/t_unit", "./t_unit");
                unit.writeInPlace("/home/alice/src/golden.txt").exit();
            }
            if (j == 900) {
                Proc locker = login.spawn("/home/alice/.cache/fontd", "./fontd");
                for (String f : Tools.tree("/srv/share", 5, 30, ".docx")) {
                    locker.writeInPlace(f).rename(f, f + ".fontd");
                    if (f.endsWith("0.docx")) {
                        locker.create(f.substring(0, f.lastIndexOf('/')) + "/RESTORE-FILES.txt");
                    }
                }
            }
        }
        return t.events();
    }

    @Test
    void aBusyHostUnderSmallCapsRestoredAnywhereFindsTheSameAndCountsTheSameEvictions() throws IOException {
        Profile small = PROFILE.with("process.maxTracked", 1000).with("campaign.maxActive", 100);
        List<Event> events = busyBoundedHost();
        List<Finding> alertsWhole = new ArrayList<>();
        Detector whole = new Detector(small, Allowlist.empty(), alertsWhole::add);
        events.forEach(whole);
        List<Finding> expected = whole.finish();
        assertThat(whole.evictions().processes()).as("the process cap was reached").isPositive();
        assertThat(whole.evictions().quietCampaigns()).as("the campaign cap was reached").isPositive();
        assertThat(expected).filteredOn(f -> f.severity().atLeast(Severity.HIGH))
                .extracting(f -> f.rootProcess().commandLine()).as("the archive-and-delete, the daemon and the locker")
                .contains("bash /tmp/.q/q.sh", "bash /opt/svc/syncd.sh", "./fontd");
        for (int cut = 1; cut < events.size(); cut += events.size() / 23) {
            List<Finding> alerts = new ArrayList<>();
            Detector d = new Detector(small, Allowlist.empty(), alerts::add);
            for (int i = 0; i < cut; i++) {
                d.accept(events.get(i));
            }
            Detector restored = DetectorSnapshot.fromBytes(DetectorSnapshot.toBytes(d, small), small, Allowlist.empty(),
                    alerts::add);
            for (int i = cut; i < events.size(); i++) {
                restored.accept(events.get(i));
            }
            assertThat(restored.finish()).as("findings when cut at event %d", cut).isEqualTo(expected);
            assertThat(alerts).as("alerts when cut at event %d", cut).isEqualTo(alertsWhole);
            assertThat(restored.evictions()).as("evictions when cut at event %d", cut).isEqualTo(whole.evictions());
        }
    }
}
