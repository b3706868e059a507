package io.ransomtrace.views.inspector;

import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.testdata.TestTheme;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A file name that reverses its own extension, and a terminal escape in a raw line, are shown as markers. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileTextTest {
    private Inspector inspector;

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        inspector = new Inspector();
        stage.setScene(new Scene(inspector, 460, 900));
        stage.show();
    }

    @Test
    void bidiOverridesAndEscapesAreShownVisiblyNeverObeyed(FxRobot robot) {
        String disguised = "/srv/share/invoice\u202Efdp.exe";
        EventRow e = new EventRow(1, Instant.parse("2026-11-20T03:14:07Z"), "fs01", 31337, "/tmp/\u001b[2Jlocker",
                "WRITE", disguised, null, "ok", "audit.log", 42);
        robot.interact(() -> inspector.showEvent(e, List.of("type=PATH msg=audit(1.0:1): name=\u001b]0;owned\u0007")));
        String shown = String.join("\n", inspector.visibleTexts());
        assertThat(shown).contains("/srv/share/invoice[U+202E]fdp.exe", "/tmp/[U+001B][2Jlocker",
                "name=[U+001B]]0;owned[U+0007]");
        assertThat(shown).doesNotContain("\u202E").doesNotContain("\u001b").doesNotContain("\u0007");
    }
}
