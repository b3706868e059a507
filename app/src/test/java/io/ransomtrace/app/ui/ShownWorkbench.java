package io.ransomtrace.app.ui;

import io.ransomtrace.app.ui.mainwindow.MainWindow;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench as the window tests open it: the light theme, the main window in a scene of the given size with
 * the application's stylesheets, the real {@link Workbench} wired to {@link FakeDialogs}, the stage shown.
 * TestFX looks for {@code @Start} on the test class itself only, so each test calls {@link #show} from its own.
 */
record ShownWorkbench(MainWindow window, Workbench workbench, FakeDialogs dialogs) {

    static ShownWorkbench show(Stage stage, FakeDialogs dialogs) {
        return show(stage, dialogs, 1600, 1000);
    }

    static ShownWorkbench show(Stage stage, FakeDialogs dialogs, double width, double height) {
        Theme.LIGHT.apply();
        MainWindow window = new MainWindow();
        Scene scene = new Scene(window.root(), width, height);
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        Workbench workbench = new Workbench(stage, window, dialogs);
        stage.show();
        return new ShownWorkbench(window, workbench, dialogs);
    }

    /** Closes the case as File → Close does, and waits for it. */
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(workbench::close).get();
    }

    /** Closes the case; no error dialog may have reached the analyst meanwhile. */
    void closeWithoutErrors() throws Exception {
        close();
        assertThat(dialogs.errors).as("errors shown to the analyst").isEmpty();
    }

    /** Waits (FX events first, then the condition) up to {@code seconds} for the condition to hold. */
    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
