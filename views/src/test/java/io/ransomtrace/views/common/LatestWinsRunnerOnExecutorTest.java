package io.ransomtrace.views.common;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner as the views read with it ({@link LatestWinsRunner#onExecutor}): no debounce, answers on the JavaFX
 * thread, a request overtaken while it waits never runs, and one overtaken while it runs finishes undisturbed
 * (it may hold a query on the case's connection) but is never shown.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LatestWinsRunnerOnExecutorTest {
    private final LatestWinsRunnerTest.ManualExecutor store = new LatestWinsRunnerTest.ManualExecutor();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> shown = new ArrayList<>();
    private final List<Boolean> interruptedWhileRunning = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    @Test
    void aRequestOvertakenWhileWaitingNeverRunsAndOnlyTheNewestIsShown(FxRobot robot) {
        LatestWinsRunner<String, String> runner = LatestWinsRunner.onExecutor(p -> {
            calls.add(p);
            return "buckets of " + p;
        }, store);
        runner.setOnResult(shown::add);

        robot.interact(() -> {
            runner.submit("first minute");
            runner.submit("zoomed range");
        });
        store.runAll(); // on this thread, like the views' shared fetcher thread
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(calls).containsExactly("zoomed range");
        assertThat(shown).containsExactly("buckets of zoomed range");
    }

    @Test
    void aRequestOvertakenWhileRunningFinishesUninterruptedAndUnseen(FxRobot robot) {
        LatestWinsRunner<String, String>[] runner = new LatestWinsRunner[1];
        runner[0] = LatestWinsRunner.onExecutor(p -> {
            calls.add(p);
            if (p.equals("old filter")) {
                runner[0].submit("new filter"); // the analyst types on while the count runs
                interruptedWhileRunning.add(Thread.currentThread().isInterrupted());
            }
            return "count of " + p;
        }, store);
        runner[0].setOnResult(shown::add);

        robot.interact(() -> runner[0].submit("old filter"));
        store.runAll();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(calls).containsExactly("old filter", "new filter");
        assertThat(interruptedWhileRunning).containsExactly(false);
        assertThat(shown).containsExactly("count of new filter");
    }
}
