package io.ransomtrace.app.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A report of thousands of findings tells how far it got in a few lines, not one per finding. */
class ReportProgressLinesTest {

    @Test
    void everyKindOfStepOnceAndLongStepsEveryFivePercent() {
        StringWriter text = new StringWriter();
        ReportProgressLines lines = new ReportProgressLines(new PrintWriter(text));
        lines.progress("Analysing the case", 0.05);
        int n = 2899;
        for (int i = 0; i < n; i++) {
            lines.progress("Reading finding " + (i + 1) + " of " + String.format("%,d", n), 0.4 + 0.4 * i / n);
        }
        lines.progress("Writing Findings as JSON", 0.85);
        lines.progress("Done", 1.0);

        List<String> printed = text.toString().lines().toList();
        assertThat(printed).first().isEqualTo("  5% Analysing the case");
        assertThat(printed).element(1).isEqualTo(" 40% Reading finding 1 of 2,899");
        assertThat(printed).filteredOn(l -> l.contains("Reading finding")).hasSize(8); // 40 % .. 75 %, one per 5 %
        assertThat(printed).endsWith(" 85% Writing Findings as JSON", "100% Done");
    }
}
