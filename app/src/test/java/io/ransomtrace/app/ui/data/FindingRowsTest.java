package io.ransomtrace.app.ui.data;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.NoteSummary;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.finding.SignalMeasurement;
import io.ransomtrace.views.inspector.SignalLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector's signal lines: what fired, what a profile switched off, and the early facts that add no points. */
class FindingRowsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:57:14Z");

    private static Finding with(SignalMeasurement... signals) {
        return new Finding("rt-1", Severity.CRITICAL, 100, "nas01", "Mass encryption", new RootProcess(27009, 27007,
                "/usr/bin/bash", "bash /tmp/.x/u.sh", 0L, "root", 2001L, "mkowalski", null), List.of(), T0, T0, T0, 81,
                List.of(), 10, List.of(), List.of(".crypted"), OverwriteKind.NEW_FILE_THEN_DELETE, NoteSummary.NONE,
                List.of(signals), null, false, null, List.of());
    }

    @Test
    void earlyFactsThatHoldShowAsFiredThoughTheyAddNoPoints() {
        SignalLine early = FindingRows.signals(with(new SignalMeasurement("early-certainty",
                "4 early facts: encrypting tool driven by a traversal …", 4, 2, true, 0))).get(0);
        assertThat(early.triggered()).isTrue();
        assertThat(early.sentence()).doesNotContain("not counted");
    }

    @Test
    void aSignalTheProfileWeighsZeroIsNotCounted() {
        SignalLine note = FindingRows.signals(with(new SignalMeasurement("ransom-note",
                "HOW_TO_RESTORE.txt created in 10 directories", 10, 3, true, 0))).get(0);
        assertThat(note.triggered()).isFalse();
        assertThat(note.sentence()).endsWith("not counted: this signal weighs 0 in the profile");
    }
}
