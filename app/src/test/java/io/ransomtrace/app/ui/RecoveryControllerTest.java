package io.ransomtrace.app.ui;

import io.ransomtrace.app.testing.SampleCases;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector's Recovery section on the recorded attack-openssl-find case (the key is on openssl's command
 * line): the plan's sentence and key evidence appear for the selected finding, the key masked until revealed, and
 * Export plan… asks for a folder and writes the plan there.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecoveryControllerTest {
    private static Path caseFile;
    @TempDir
    static Path tmp;

    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;
    private Workbench workbench;
    private ShownWorkbench shown;

    @BeforeAll
    static void importSample() throws Exception {
        caseFile = SampleCases.importCase(tmp, "attack-openssl-find");
    }

    @Start
    void start(Stage stage) {
        shown = ShownWorkbench.show(stage, dialogs);
        window = shown.window();
        workbench = shown.workbench();
    }

    @AfterEach
    void closeCase() throws Exception {
        shown.close();
    }

    @Test
    void theSelectedFindingsRecoveryShowsTheMaskedKeyRevealsItAndExportsThePlan(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openCase(caseFile));
        waitUntil(60, () -> workbench.recovery().shown() != null);
        Label summary = robot.lookup("#recovery-summary").queryAs(Label.class);
        assertThat(summary.getText()).isEqualTo("121 of 121 files can be decrypted with the key seen in the audit log.");
        String secret = workbench.recovery().shown().plan().keys().get(0).key().secret();
        Label key = robot.lookup("#recovery-key-0").queryAs(Label.class);
        assertThat(key.getText()).startsWith("passphrase ••••••••").doesNotContain(secret);
        assertThat(String.join("\n", window.inspector().visibleTexts())).doesNotContain(secret);
        robot.interact(() -> robot.lookup("#recovery-reveal-0").queryAs(javafx.scene.control.ToggleButton.class).fire());
        assertThat(key.getText()).isEqualTo(secret);

        // Export plan… asks for a folder (the fake answers), then writes the plan in the background
        Path plan = tmp.resolve("plan");
        dialogs.files.add(plan);
        robot.interact(() -> robot.lookup("#recovery-export").queryButton().fire());
        assertThat(dialogs.asked).contains("plan folder");
        waitUntil(30, () -> Files.isRegularFile(plan.resolve("decrypt.sh")) && workbench.tasks().running() == 0);
        assertThat(Files.readString(plan.resolve("decrypt.sh"))).contains(secret);
        assertThat(Files.readString(plan.resolve("restore.csv"))).doesNotContain(secret).contains("decrypt");
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
