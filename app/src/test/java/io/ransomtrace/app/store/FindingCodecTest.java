package io.ransomtrace.app.store;

import io.ransomtrace.engine.finding.AllowlistMatch;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.NoteSummary;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.finding.SignalMeasurement;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingCodecTest {

    @Test
    void aFindingWithEveryPartSetComesBackEqual() {
        Finding f = new Finding("f-3b9a", Severity.CRITICAL, 97, "fs01", "Mass encryption by kworker (t.berger)",
                new RootProcess(2405066, 2405001, "/dev/shm/.X11 unix/kworker", "kworker --path /srv \"x\"", 0L, "root",
                        1012L, "t.berger", "/usr/bin/bash", "/tmp/q.sh"),
                List.of("/dev/shm/.X11 unix/kworker"), Instant.parse("2026-01-05T08:05:23.502123Z"),
                Instant.parse("2026-01-05T08:05:56.228Z"), Instant.parse("2026-01-05T08:05:23.593Z"), 3333,
                List.of("/srv/samba/daten/Präsentation 1.pptx", ""), 112, List.of("/srv/samba/daten/"),
                List.of(".crypt8"), OverwriteKind.IN_PLACE,
                new NoteSummary(List.of("HOW TO DECRYPT.txt"), 112, List.of("/srv/samba/daten/")),
                List.of(new SignalMeasurement("ransomNote", "notes in 112 directories", 112, 3, true, 25.5),
                        new SignalMeasurement("contentHint", null, Double.NaN, -0.0, false, 0)),
                10, true, new AllowlistMatch("case-1-exe", "red team", "soc", Severity.HIGH),
                List.of(new EvidenceRef(1L << 40, 1, 17), new EvidenceRef((1L << 40) + 5, 2, 3)));
        assertThat(FindingCodec.decode(FindingCodec.encode(f))).isEqualTo(f);
    }

    @Test
    void aFindingWithEveryOptionalPartMissingComesBackEqual() {
        Finding f = new Finding("f-1", Severity.INFO, 0, null, "x", null, List.of(), null, null, null, 0, List.of(), 0,
                List.of(), List.of(), OverwriteKind.NONE, NoteSummary.NONE, List.of(), null, false, null, List.of());
        assertThat(FindingCodec.decode(FindingCodec.encode(f))).isEqualTo(f);
    }

    @Test
    void bytesThatAreNotAKeptFindingAreRefused() {
        byte[] good = FindingCodec.encode(new Finding("f-1", Severity.LOW, 1, "h", "t", null, List.of(), null, null,
                null, 0, List.of(), 0, List.of(), List.of(), OverwriteKind.NONE, NoteSummary.NONE, List.of(), null,
                false, null, List.of()));
        assertThatThrownBy(() -> FindingCodec.decode(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FindingCodec.decode(Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FindingCodec.decode(new byte[]{3, 'a', 'b', 'c', 2, 'X', 'Y'}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
