package io.ransomtrace.views.spread;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryTreeTest {
    private static final Instant T = Instant.parse("2026-11-20T03:14:07Z");

    @Test
    void statsBecomeATreeWithSubtreeTotalsAndUntouchedChainsFolded() {
        DirectoryNode root = DirectoryNode.fromStats(List.of(
                new DirectoryStat("/srv/share/finance/2025", 100, 1, T.plusSeconds(5)),
                new DirectoryStat("/srv/share/finance/2026", 50, 1, T.plusSeconds(9)),
                new DirectoryStat("/srv/share/hr", 30, 0, T.plusSeconds(2))));
        assertThat(root.path()).isEqualTo("/srv/share");
        assertThat(root.subtreeFiles()).isEqualTo(180);
        assertThat(root.subtreeNotes()).isEqualTo(2);
        assertThat(root.earliestHit()).isEqualTo(T.plusSeconds(2));
        assertThat(root.latestHit()).isEqualTo(T.plusSeconds(9));
        assertThat(root.children()).extracting(DirectoryNode::name).containsExactly("finance", "hr");
        DirectoryNode finance = root.children().get(0);
        assertThat(finance.filesEncrypted()).isZero();
        assertThat(finance.subtreeFiles()).isEqualTo(150);
        assertThat(finance.children()).extracting(DirectoryNode::path)
                .containsExactly("/srv/share/finance/2025", "/srv/share/finance/2026");
    }

    @Test
    void icicleWidthsAreProportionalToFilesAndNoteOnlyDirectoriesStayVisible() {
        DirectoryNode root = DirectoryNode.fromStats(List.of(
                new DirectoryStat("/a/big", 300, 0, T),
                new DirectoryStat("/a/small", 100, 0, T),
                new DirectoryStat("/a/noteonly", 0, 1, T)));
        List<IcicleLayout.Cell> cells = IcicleLayout.layout(root, 0, 0, 802, 20, 5);
        IcicleLayout.Cell big = cell(cells, "/a/big");
        IcicleLayout.Cell small = cell(cells, "/a/small");
        IcicleLayout.Cell note = cell(cells, "/a/noteonly");
        assertThat(big.width() / small.width()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(note.width()).isGreaterThan(1);
        assertThat(big.y()).isEqualTo(20);
        assertThat(big.x() + big.width() + small.width() + note.width()).isCloseTo(802, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void emptyAndOddPathsDoNotBreakTheTree() {
        DirectoryNode root = DirectoryNode.fromStats(List.of(new DirectoryStat("", 5, 0, null),
                new DirectoryStat("//x//y/", 2, 0, null)));
        assertThat(root.subtreeFiles()).isEqualTo(2);
        assertThat(root.path()).isEqualTo("/x/y");
    }

    private static IcicleLayout.Cell cell(List<IcicleLayout.Cell> cells, String path) {
        return cells.stream().filter(c -> c.node().path().equals(path)).findFirst().orElseThrow();
    }
}
