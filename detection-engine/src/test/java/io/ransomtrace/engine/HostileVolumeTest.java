package io.ransomtrace.engine;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Input shaped to exhaust the detector: its state stays bounded, and no time value stops it. */
class HostileVolumeTest {

    @Test
    void tensOfThousandsOfFileWritingRootsAtOnceKeepTheOpenCampaignsBounded() {
        Trail t = new Trail("build-01");
        Proc make = t.service("/usr/bin/make");
        Detector d = new Detector(Profile.defaults(), Allowlist.empty());
        for (int i = 0; i < 25_000; i++) {
            Proc cc = make.spawn("/usr/bin/worker" + i, "worker", Integer.toString(i)); // each its own root
            cc.create("/srv/out/d" + (i % 300) + "/r" + i + ".o");
        }
        int most = 0;
        for (Event e : t.events()) {
            d.accept(e);
            most = Math.max(most, d.activeCampaigns());
        }
        int cap = Profile.defaults().integer("campaign.maxActive");
        assertThat(most).as("every worker is a campaign root of its own, open campaigns stop at the profile's cap")
                .isEqualTo(cap);
        assertThat(d.evictions().quietCampaigns() + d.evictions().closedEarly())
                .as("campaigns over the cap were let go and counted (others closed idle)").isPositive();
        assertThat(d.finish()).isNotNull();
    }

    @Test
    void aTimeNoClockGivesDoesNotStopTheDetector() {
        Detector d = new Detector(Profile.defaults(), Allowlist.empty());
        Actor a = new Actor(7, 1, "/tmp/x", "x", new Credentials(0, 0, 0, 0, 1, "root", "root"), null);
        for (Instant time : new Instant[]{Instant.parse("2026-11-20T10:00:00Z"), Instant.MAX, Instant.MIN,
                Instant.parse("2026-11-20T10:00:01Z")}) {
            Event e = new FileOp(time.hashCode(), time, "h", a, FileOpKind.CREATE, "/srv/f", null, 0, 0, true, 1,
                    null, new Provenance(1, 1, 0, null));
            assertThatCode(() -> d.accept(e)).doesNotThrowAnyException();
        }
        assertThatCode(d::finish).doesNotThrowAnyException();
    }
}
