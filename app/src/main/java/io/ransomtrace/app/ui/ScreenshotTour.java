package io.ransomtrace.app.ui;

import io.ransomtrace.app.ui.mainwindow.InvestigationTab;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.SidePanel;
import io.ransomtrace.engine.profile.AllowlistRule;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Photographs the window for the README (hidden {@code --screenshot-dir} option): once the first finding is in
 * the views, shows each investigation tab and side panel in turn, saves the window as PNG, then quits. Pauses
 * between steps give the views' background fetches time to land; this is a documentation driver, not a test.
 */
final class ScreenshotTour {
    private static final Duration SETTLE = Duration.millis(1500);

    private final MainWindow window;
    private final Workbench workbench;
    private final Path dir;
    private final List<Runnable> steps = new ArrayList<>();
    private boolean started;

    ScreenshotTour(MainWindow window, Workbench workbench, Path dir) {
        this.window = window;
        this.workbench = workbench;
        this.dir = dir;
    }

    void start() {
        workbench.setOnFocused(v -> {
            if (!started) {
                started = true;
                plan();
                next();
            }
        });
    }

    private void plan() {
        shot("process-tree", () -> {
            window.selectTab(InvestigationTab.PROCESS_TREE);
            window.showSidePanel(SidePanel.INSPECTOR);
        });
        shot("rewrite-timeline", () -> window.selectTab(InvestigationTab.TIMELINE));
        shot("note-spread-map", () -> window.selectTab(InvestigationTab.SPREAD_MAP));
        shot("events", () -> {
            window.selectTab(InvestigationTab.EVENTS);
            window.eventsGrid().selectIndex(Math.min(5, Math.max(0, window.eventsGrid().size() - 1)));
        });
        shot("coverage", () -> window.selectTab(InvestigationTab.COVERAGE));
        shot("tuning", () -> {
            window.selectTab(InvestigationTab.TIMELINE);
            window.showSidePanel(SidePanel.TUNING);
            if (workbench.tuning() != null) {
                // Ask for notes in more directories than the attack reached: the diff shows what that would cost.
                var v = workbench.focused();
                workbench.tuning().setValue("signals.ransomNote.minDirectories",
                        v == null ? 20 : v.finding().notes().directories().size() + 1);
            }
        });
        shot("allowlist", () -> {
            // Revert the tuning preview, then allowlist the nightly rsync: its finding shows suppressed, greyed.
            if (workbench.tuning() != null) {
                workbench.tuning().revert();
            }
            window.findings().setShowLower(true);
            window.showSidePanel(SidePanel.ALLOWLIST);
            window.allowlistEditor().prefill(AllowlistRule.MatchField.EXE, "/usr/bin/rsync");
            if (window.allowlistEditor().lookup("#allowlist-reason") instanceof TextField reason) {
                reason.setText("nightly backup to nas01 (ticket OPS-1182)");
            }
            if (window.allowlistEditor().lookup("#allowlist-add") instanceof Button add) {
                add.fire();
            }
        });
        steps.add(Platform::exit);
    }

    private void shot(String name, Runnable arrange) {
        steps.add(() -> {
            arrange.run();
            PauseTransition settle = new PauseTransition(SETTLE);
            settle.setOnFinished(e -> {
                save(name);
                next();
            });
            settle.play();
        });
    }

    private void next() {
        if (!steps.isEmpty()) {
            steps.remove(0).run();
        }
    }

    private void save(String name) {
        try {
            Files.createDirectories(dir);
            WritableImage img = window.root().getScene().snapshot(null);
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            System.err.println("screenshot " + name + ": " + e.getMessage());
        }
    }
}
