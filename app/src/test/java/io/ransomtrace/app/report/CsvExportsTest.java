package io.ransomtrace.app.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportsTest {

    @Test
    void spreadsheetFormulasAreDefused() {
        assertThat(CsvExports.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvExports.cell("+1")).isEqualTo("'+1");
        assertThat(CsvExports.cell("-2")).isEqualTo("'-2");
        assertThat(CsvExports.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExports.cell("/srv/a=b")).isEqualTo("/srv/a=b");
    }

    @Test
    void hiddenCharactersAreShownWholeInCells() {
        assertThat(CsvExports.cell("/srv/invoice\u202Efdp.exe")).isEqualTo("/srv/invoice[U+202E]fdp.exe");
        assertThat(CsvExports.cell("\t=1")).isEqualTo("[U+0009]=1");
        assertThat(CsvExports.cell("/srv/" + "d".repeat(500))).hasSize(505); // a restore path is never cut
    }
}
