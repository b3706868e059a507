package io.ransomtrace.views.tuning;

import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.views.testdata.TestTheme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AllowlistEditorTest {
    private AllowlistEditor editor;
    private final List<List<AllowlistRule>> changes = new ArrayList<>();

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        editor = new AllowlistEditor();
        editor.setDefaultAuthor("alice");
        editor.setOnChanged(changes::add);
        stage.setScene(new Scene(editor, 900, 500));
        stage.show();
    }

    @Test
    void anEntryFromAContextMenuNeedsAReasonBeforeItIsAdded(FxRobot robot) {
        robot.interact(() -> editor.prefill(AllowlistRule.MatchField.EXE, "/usr/bin/rsync"));
        robot.clickOn("#allowlist-add");
        assertThat(robot.lookup("#allowlist-error").queryAs(Label.class).getText()).startsWith("A reason is required");
        assertThat(changes).isEmpty();
        robot.clickOn("#allowlist-reason").write("nightly backup to /backup");
        robot.clickOn("#allowlist-add");
        assertThat(editor.entries()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(AllowlistRule.MatchField.EXE);
            assertThat(e.pattern()).isEqualTo("/usr/bin/rsync");
            assertThat(e.effect()).isEqualTo(AllowlistEffect.SUPPRESS);
            assertThat(e.reason()).isEqualTo("nightly backup to /backup");
            assertThat(e.author()).isEqualTo("alice");
            assertThat(e.expires()).isNull();
        });
        assertThat(changes).hasSize(1);
    }

    @Test
    void entriesCanBeEditedAndRemoved(FxRobot robot) {
        robot.interact(() -> editor.setEntries(List.of(
                new AllowlistRule(AllowlistRule.MatchField.USER, "deploy", AllowlistEffect.SUPPRESS, null,
                        "release pipeline", "bob", LocalDate.of(2026, 1, 1)),
                new AllowlistRule(AllowlistRule.MatchField.EXE, "/usr/sbin/logrotate", AllowlistEffect.SUPPRESS,
                        null, "log rotation", "bob", null))));
        robot.interact(() -> editor.setToday(LocalDate.of(2026, 11, 28)));
        assertThat(editor.entries().get(0).isExpired(LocalDate.of(2026, 11, 28))).isTrue();
        robot.clickOn(cellShowing(robot, "log rotation"));
        javafx.scene.control.TextField reason = robot.lookup("#allowlist-reason").query();
        assertThat(reason.getText()).isEqualTo("log rotation"); // selecting an entry fills the form
        robot.interact(reason::clear);
        robot.clickOn(reason).write("logrotate renames");
        robot.interact(() -> editor.lookupAll("#allowlist-effect").forEach(n ->
                ((javafx.scene.control.ComboBox<AllowlistEffect>) n).setValue(AllowlistEffect.CAP_SEVERITY)));
        robot.clickOn("#allowlist-update");
        assertThat(editor.entries().get(1).reason()).isEqualTo("logrotate renames");
        assertThat(editor.entries().get(1).effect()).isEqualTo(AllowlistEffect.CAP_SEVERITY);
        assertThat(editor.entries().get(1).cap()).isNotNull();
        robot.clickOn(cellShowing(robot, "release pipeline"));
        robot.clickOn("#allowlist-remove");
        assertThat(editor.entries()).extracting(AllowlistRule::pattern).containsExactly("/usr/sbin/logrotate");
        assertThat(changes).hasSize(2);
    }

    /**
     * The table cell showing {@code text} in this editor. A lookup by text alone also finds cells the table has
     * just recycled out of the scene (seen under load: "scene is null"), so only cells on screen count.
     */
    private javafx.scene.Node cellShowing(FxRobot robot, String text) {
        return robot.from(editor).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && text.equals(l.getText()) && n.getScene() != null && n.isVisible()).query();
    }
}
