package io.ransomtrace.app.ui;

import io.ransomtrace.app.ui.mainwindow.MainWindow;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * The JavaFX application: one main window. Started by {@code ransomtrace gui [CASE]}: opens CASE, or on a first
 * start the bundled sample case. Parameters: the case path (optional) and {@code --screenshot-dir=DIR}, which
 * photographs every view of the attack finding into DIR and quits (for the README's screenshots).
 */
public final class RansomtraceApp extends Application {
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        Theme.LIGHT.apply();
        MainWindow window = new MainWindow();
        String size = getParameters().getNamed().getOrDefault("window-size", "1600x1000");
        String[] wh = size.split("x");
        Scene scene = new Scene(window.root(), Double.parseDouble(wh[0]), Double.parseDouble(wh[1]));
        MainWindow.addStylesheets(scene);
        stage.setTitle("Ransomtrace");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        workbench = new Workbench(stage, window, new FxDialogs(stage));
        new FleetFindingsWindow(stage, window, workbench).install();
        stage.show();
        // Some window managers (openbox on a virtual display) map the window at its minimum size: ask again.
        double w = Double.parseDouble(wh[0]);
        double h = Double.parseDouble(wh[1]);
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
        settle.setOnFinished(e -> {
            if (scene.getWidth() < w || scene.getHeight() < h) {
                stage.setWidth(stage.getWidth() + w - scene.getWidth());
                stage.setHeight(stage.getHeight() + h - scene.getHeight());
            }
        });
        settle.play();

        List<String> raw = getParameters().getRaw();
        String shots = getParameters().getNamed().get("screenshot-dir");
        if (shots != null) {
            new ScreenshotTour(window, workbench, Path.of(shots)).start();
        }
        String casePath = getParameters().getUnnamed().isEmpty() ? null : getParameters().getUnnamed().get(0);
        if (casePath != null) {
            workbench.openCase(Path.of(casePath));
        } else if (!raw.contains("--no-sample")) {
            workbench.openSampleCase();
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
