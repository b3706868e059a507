package io.ransomtrace.app.ui;

import io.ransomtrace.app.ui.mainwindow.MainWindow;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainWindowTest {

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        MainWindow window = new MainWindow();
        Scene scene = new Scene(window.root(), 1280, 800);
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void withoutACaseTheWindowInvitesToOpenOrImport(FxRobot robot) {
        Label title = robot.lookup("#empty-state-title").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("Open a case or import logs…");
        assertThat(title.isVisible()).isTrue();
        assertThat(robot.lookup("#empty-open-case").queryAs(Button.class).getText()).isEqualTo("Open case…");
        assertThat(robot.lookup("#empty-import-logs").queryAs(Button.class).getText()).isEqualTo("Import logs…");
        assertThat(robot.lookup("#findings-table").queryAs(javafx.scene.control.TreeTableView.class).getRoot()
                .getChildren()).isEmpty();
        assertThat(robot.lookup("#status-case").queryAs(Label.class).getText()).isEqualTo("No case open");
        for (String region : new String[]{"#case-navigator", "#investigation-tabs", "#side-panels", "#status-bar"}) {
            Node node = robot.lookup(region).query();
            assertThat(node.isVisible()).as(region).isTrue();
        }
    }

    @Test
    void theThemeSwitchTogglesBetweenLightAndDark(FxRobot robot) {
        assertThat(Theme.current()).isEqualTo(Theme.LIGHT);
        robot.clickOn("#theme-switch");
        assertThat(Theme.current()).isEqualTo(Theme.DARK);
        robot.clickOn("#theme-switch");
        assertThat(Theme.current()).isEqualTo(Theme.LIGHT);
    }
}
