package io.ransomtrace.views.tuning;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.testdata.SyntheticCase;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsDiffTest {

    @Test
    void diffListsAddedRemovedAndSeverityChangesById() {
        List<FindingRow> before = SyntheticCase.findings();
        Map<String, Double> t = new HashMap<>();
        t.put("overwrite.minFiles", 30.0);
        t.put("rate.minPerSecond", 5.0);
        FindingsDiff d = FindingsDiff.between(before, SyntheticCase.detect(t));
        assertThat(d.added()).extracting(FindingRow::id).containsExactly("f-build");
        assertThat(d.removed()).isEmpty();
        assertThat(d.severityChanged()).singleElement().satisfies(c -> {
            assertThat(c.before().severity()).isEqualTo(Severity.MEDIUM);
            assertThat(c.after().severity()).isEqualTo(Severity.HIGH);
            assertThat(c.raised()).isTrue();
        });
        assertThat(d.summary()).isEqualTo("+1 added, 1 severity changed");

        t.put("overwrite.minFiles", 1000.0);
        FindingsDiff higher = FindingsDiff.between(before, SyntheticCase.detect(t));
        assertThat(higher.removed()).extracting(FindingRow::id).containsExactlyInAnyOrder("f-tar", "f-log");
        assertThat(FindingsDiff.between(before, before).summary()).isEqualTo("No change in findings");
    }
}
