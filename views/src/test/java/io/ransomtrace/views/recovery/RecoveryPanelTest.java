package io.ransomtrace.views.recovery;

import io.ransomtrace.views.testdata.TestTheme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
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
class RecoveryPanelTest {
    private RecoveryPanel panel;
    private final List<Long> events = new ArrayList<>();
    private int exports;

    private static final RecoveryView VIEW = new RecoveryView(
            "287 of 303 files can be decrypted with the key seen in the audit log; 16 must come from backup.",
            List.of(new RecoveryView.MethodCount("decrypt", 287, "the key is in the log"),
                    new RecoveryView.MethodCount("restore-from-backup", 16, "overwritten")),
            List.of(new RecoveryView.KeyLine("openssl enc", "aes-256-cbc", "passphrase •••••••• (9 characters, sha256 1f0a9c3e)",
                    "K3y$ecret", "-pass pass:", 4711, 287, 287),
                    new RecoveryView.KeyLine("ccrypt", "Rijndael-256 (ccrypt)", "key file /root/.k", null, "-k", 4800, 16, 0)),
            List.of("/root/.k: the key to 16 files."));

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        panel = new RecoveryPanel();
        panel.setOnEventSelected(events::add);
        panel.setOnExport(() -> exports++);
        stage.setScene(new Scene(panel, 460, 600));
        stage.show();
    }

    @Test
    void theKeyStaysMaskedUntilRevealedAndIsCopiedWithoutBeingShown(FxRobot robot) {
        robot.interact(() -> panel.show(VIEW));
        Label key = robot.lookup("#recovery-key-0").queryAs(Label.class);
        assertThat(key.getText()).isEqualTo("passphrase •••••••• (9 characters, sha256 1f0a9c3e)");
        assertThat(robot.lookup("#recovery-summary").queryAs(Label.class).getText()).startsWith("287 of 303 files");
        robot.clickOn("#recovery-copy-0");
        assertThat(key.getText()).doesNotContain("K3y$ecret");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo("K3y$ecret");
        robot.clickOn("#recovery-reveal-0");
        assertThat(key.getText()).isEqualTo("K3y$ecret");
        robot.clickOn("#recovery-reveal-0");
        assertThat(key.getText()).startsWith("passphrase ••••");
        // a key the log does not show has nothing to reveal or copy, but names what to seize
        assertThat(robot.lookup("#recovery-reveal-1").tryQuery()).isEmpty();
        assertThat(robot.lookup(".recovery-seize").queryAs(Label.class).getText()).isEqualTo("Seize /root/.k: the key to 16 files.");
        robot.clickOn("#recovery-key-event-1");
        assertThat(events).containsExactly(4800L);
        robot.clickOn("#recovery-export");
        assertThat(exports).isEqualTo(1);
    }
}
