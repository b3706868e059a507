package io.ransomtrace.app.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths stay unique with stable ids however many there are, also once they no longer fit the hash table. */
class PathDictionaryTest {

    @TempDir
    Path dir;

    @Test
    void pastTheCapPathsAreFoundThroughTheIndexWithTheSameIdsAndNoDuplicates() throws Exception {
        try (CaseStore store = CaseStore.create(dir.resolve("p.rtcase"))) {
            Connection c = store.connection();
            c.setAutoCommit(false);
            Map<String, Long> seen = new HashMap<>();
            PathDictionary paths = new PathDictionary(c, 16, 300);
            Random random = new Random(17);
            for (int i = 0; i < 5_000; i++) {
                // new files, and again and again a few old ones (beyond the 16-slot recent cache)
                String p = random.nextInt(4) == 0 && !seen.isEmpty()
                        ? "/srv/share/d" + random.nextInt(40) + "/f" + random.nextInt(Math.max(1, i / 2)) + ".doc"
                        : "/srv/share/d" + (i % 40) + "/f" + i + ".doc";
                Long id = paths.id(p);
                Long before = seen.putIfAbsent(p, id);
                if (before != null) {
                    assertThat(id).as(p).isEqualTo(before);
                }
                if (i % 700 == 0) {
                    paths.flush(); // as a commit does
                }
            }
            assertThat(paths.indexed()).as("past 300 paths").isTrue();
            paths.flush();
            assertUniqueWithParents(c, seen);

            // a later import into the case: the dictionary starts from the index at once
            try (Statement st = c.createStatement()) {
                st.execute("DROP INDEX IF EXISTS paths_path"); // as a bulk load drops it
            }
            PathDictionary again = new PathDictionary(c, 16, 300);
            assertThat(again.indexed()).isTrue();
            again.beforeLoad();
            for (Map.Entry<String, Long> e : seen.entrySet()) {
                assertThat(again.id(e.getKey())).isEqualTo(e.getValue());
            }
            Long added = again.id("/srv/new/file.txt");
            assertThat(again.id("/srv/new/file.txt")).isEqualTo(added);
            seen.put("/srv/new/file.txt", added);
            again.flush();
            assertUniqueWithParents(c, seen);
            c.commit();
            paths.close();
            again.close();
        }
    }

    private static void assertUniqueWithParents(Connection c, Map<String, Long> seen) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet dup = st.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT path) FROM paths")) {
            dup.next();
            assertThat(dup.getLong(1)).as("duplicate path rows").isZero();
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT p.path, p.id, d.path FROM paths p LEFT JOIN paths d ON d.id = p.parent_id")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                String path = rs.getString(1);
                if (seen.containsKey(path)) {
                    assertThat(rs.getLong(2)).isEqualTo(seen.get(path));
                }
                assertThat(rs.getString(3)).isEqualTo(CaseWriter.parentOf(path));
            }
            assertThat(rows).isGreaterThan(seen.size()); // the directories too
        }
    }
}
