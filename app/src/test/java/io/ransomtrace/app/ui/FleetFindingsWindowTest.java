package io.ransomtrace.app.ui;

import io.ransomtrace.app.fleet.FleetFindings;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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
 * File → Open fleet findings…: the findings of several hosts listed from a findings file; opening one builds a case
 * from its extract, or from the host's logs when the analyst points at them, and the workbench shows it like any
 * imported case (with the host's logs, the fleet's finding again).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FleetFindingsWindowTest {
    private MainWindow window;
    private Workbench workbench;
    private ShownWorkbench shown;
    private FleetFindingsWindow fleet;

    @Start
    void start(Stage stage) {
        shown = ShownWorkbench.show(stage, new FakeDialogs());
        window = shown.window();
        workbench = shown.workbench();
        fleet = new FleetFindingsWindow(stage, window, workbench);
        fleet.install();
    }

    @AfterEach
    void closeCase() throws Exception {
        shown.close();
    }

    private void listFixture(FxRobot robot) throws Exception {
        assertThat(window.fileMenu().getItems()).anyMatch(i -> "Open fleet findings…".equals(i.getText()));
        robot.interact(() -> fleet.show());
        robot.interact(() -> {
            try {
                fleet.readFile(Path.of(FleetFindingsWindowTest.class.getResource("/io/ransomtrace/app/fleet/fleet-findings.json").toURI()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        waitUntil(20, () -> fleet.findings().size() == 2);
        assertThat(fleet.table().getSelectionModel().getSelectedItem().stream()).isEqualTo("app02.corp.example");
    }

    @Test
    void aFindingOpensAsACaseBuiltFromItsExtract(FxRobot robot, @TempDir Path tmp) throws Exception {
        listFixture(robot);
        FleetFindings.FleetFinding attack = fleet.table().getSelectionModel().getSelectedItem();
        Path caseFile = tmp.resolve("from-extract.rtcase");
        robot.interact(() -> fleet.openAsCase(attack, caseFile));
        waitUntil(60, () -> workbench.shown() != null && workbench.tasks().running() == 0);
        assertThat(workbench.shown().session().file()).isEqualTo(caseFile);
        assertThat(workbench.shown().analysis().events()).isPositive();
        assertThat(workbench.shown().sources()).singleElement()
                .satisfies(s -> assertThat(s.toString()).contains("-extract.log"));
        assertThat(Files.list(tmp.resolve("from-extract-logs")).map(p -> p.getFileName().toString()).toList())
                .anyMatch(n -> n.endsWith("-fleet-finding.json"));
    }

    @Test
    void withTheHostsLogsTheCaseShowsTheFleetsFindingAgain(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path hostLog = hostLog();
        listFixture(robot);
        FleetFindings.FleetFinding attack = fleet.table().getSelectionModel().getSelectedItem();
        robot.interact(() -> fleet.addHostLogs(List.of(hostLog)));
        Path caseFile = tmp.resolve("from-logs.rtcase");
        robot.interact(() -> fleet.openAsCase(attack, caseFile));
        waitUntil(60, () -> workbench.shown() != null && workbench.tasks().running() == 0);
        List<Finding> findings = workbench.shown().analysis().findings();
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.title()).isEqualTo(attack.title());
            assertThat(f.filesAffected()).isEqualTo(attack.filesAffected());
        });
    }

    private static Path hostLog() {
        for (Path p : List.of(Path.of("../sample-cases/cases/attack-xargs-openssl/audit.log"),
                Path.of("sample-cases/cases/attack-xargs-openssl/audit.log"))) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("sample case attack-xargs-openssl not found from " + Path.of("").toAbsolutePath());
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
