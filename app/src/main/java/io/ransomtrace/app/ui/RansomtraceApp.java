package io.ransomtrace.app.ui;

import io.ransomtrace.app.ui.mainwindow.MainWindow;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one main window. Started by {@code ransomtrace gui}. */
public final class RansomtraceApp extends Application {

    @Override
    public void start(Stage stage) {
        Theme.LIGHT.apply();
        MainWindow window = new MainWindow(stage);
        Scene scene = new Scene(window.root(), 1440, 900);
        MainWindow.addStylesheets(scene);
        stage.setTitle("Ransomtrace");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
    }
}
