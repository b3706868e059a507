package io.ransomtrace.app.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class CountsJsonTest {

    @Property(tries = 300)
    void whatTheImportWritesReadsBack(@ForAll @Size(max = 20) Map<String, Long> counts) {
        // the import writes the counts with Jackson, sorted by type
        assertThat(CountsJson.read(CaseWriter.json(new TreeMap<>(counts)))).isEqualTo(counts);
    }

    @Test
    void anythingElseReadsAsNoCounts() {
        assertThat(CountsJson.read(null)).isEmpty();
        assertThat(CountsJson.read("{}")).isEmpty();
        assertThat(CountsJson.read(" { \"SYSCALL\" : 12 , \"UNKNOWN[1327]\":-1 } ")).containsExactly(
                Map.entry("SYSCALL", 12L), Map.entry("UNKNOWN[1327]", -1L));
        for (String bad : new String[]{"[1]", "{\"a\":1.5}", "{\"a\":1", "{\"a\":\"1\"}", "{a:1}", "{\"a\":1}x",
                "{\"a\\q\":1}", "{\"a\":99999999999999999999}", "{\"a\":}"}) {
            assertThat(CountsJson.read(bad)).as(bad).isEmpty();
        }
    }
}
