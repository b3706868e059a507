package io.ransomtrace.app.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchInsertTest {

    @TempDir
    Path dir;

    @Test
    void fullAndPartialBatchesStoreEveryRowAndOnlyTheBadRowIsRejected() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER)");
            }
            List<Object> rejected = new ArrayList<>();
            BatchInsert insert = new BatchInsert(c, "INSERT INTO t(id, name, n)", 3, 16, (tag, why) -> rejected.add(tag));
            // 16 (one full statement) + 13 left for the partial flush: 8 + 4 + 1 rows; id 20 comes twice, in the tail
            for (int i = 1; i <= 28; i++) {
                insert.add(new Object[]{(long) i, "row " + i, i % 3 == 0 ? null : i}, "line " + i);
            }
            insert.add(new Object[]{20L, "again", 0}, "the duplicate");
            insert.flush();
            insert.close();

            assertThat(rejected).containsExactly("the duplicate");
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(id), COUNT(n), MAX(name) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(28);
                assertThat(rs.getLong(2)).isEqualTo(28 * 29 / 2);
                assertThat(rs.getInt(3)).as("nulls stay null").isEqualTo(28 - 9);
                assertThat(rs.getString(4)).isEqualTo("row 9");
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM t WHERE id=20")) {
                rs.next();
                assertThat(rs.getString(1)).as("the first row with an id wins").isEqualTo("row 20");
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
