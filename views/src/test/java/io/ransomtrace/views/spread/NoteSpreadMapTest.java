package io.ransomtrace.views.spread;

import io.ransomtrace.views.testdata.SyntheticCase;
import io.ransomtrace.views.testdata.TestTheme;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoteSpreadMapTest {
    private NoteSpreadMap map;
    private final List<String> selected = new ArrayList<>();

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        map = new NoteSpreadMap();
        map.setStats(SyntheticCase.directories());
        map.setOnDirectorySelected(selected::add);
        stage.setScene(new Scene(map, 1000, 300));
        stage.show();
    }

    private Point2D centreOf(String path) {
        IcicleLayout.Cell c = map.cells().stream().filter(x -> x.node().path().equals(path)).findFirst().orElseThrow();
        return map.localToScreen(c.x() + c.width() / 2, c.y() + c.height() / 2);
    }

    @Test
    void hoveringADirectoryShowsItsFilesNotesAndFirstHit(FxRobot robot) {
        robot.moveTo(centreOf("/srv/share/projects/atlas/src"));
        assertThat(map.hoverText()).contains("/srv/share/projects/atlas/src",
                "2,100 files encrypted here, 2,100 in the subtree", "1 ransom note here", "first hit 2026-11-20 03:14:")
                .doesNotContain("1 ransom notes");
        robot.moveTo(centreOf("/srv/share/finance"));
        assertThat(map.hoverText()).contains("0 files encrypted here, 1,555 in the subtree",
                "0 ransom notes here, 3 in the subtree");
    }

    @Test
    void clickingADirectorySelectsItForTheEventsGrid(FxRobot robot) {
        robot.clickOn(centreOf("/srv/share/hr/contracts"));
        assertThat(selected).containsExactly("/srv/share/hr/contracts");
        assertThat(map.selectedPath()).isEqualTo("/srv/share/hr/contracts");
    }

    @Test
    void doubleClickZoomsIntoADirectoryAndTheTopRowGoesBack(FxRobot robot) {
        String root = map.shownRoot().path();
        robot.doubleClickOn(centreOf("/srv/share/projects"));
        assertThat(map.shownRoot().path()).isEqualTo("/srv/share/projects");
        assertThat(map.cells().get(0).width()).isEqualTo(1000);
        robot.doubleClickOn(centreOf("/srv/share/projects"));
        assertThat(map.shownRoot().path()).isEqualTo(root);
    }

    @Test
    void widthsFollowFilesEncrypted(FxRobot robot) {
        IcicleLayout.Cell src = cell("/srv/share/projects/atlas/src");
        IcicleLayout.Cell docs = cell("/srv/share/projects/atlas/docs");
        assertThat(src.width() / docs.width()).isCloseTo(2100.0 / 1300.0, org.assertj.core.data.Offset.offset(0.01));
    }

    private IcicleLayout.Cell cell(String path) {
        return map.cells().stream().filter(x -> x.node().path().equals(path)).findFirst().orElseThrow();
    }
}
