package io.ransomtrace.views.demo;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.views.common.LatestWinsRunner;
import io.ransomtrace.views.common.StatusBar;
import io.ransomtrace.views.events.EventsGrid;
import io.ransomtrace.views.findings.FindingsList;
import io.ransomtrace.views.inspector.Inspector;
import io.ransomtrace.views.process.ProcessAction;
import io.ransomtrace.views.process.ProcessTreeTable;
import io.ransomtrace.views.spread.NoteSpreadMap;
import io.ransomtrace.views.testdata.ListEventSource;
import io.ransomtrace.views.testdata.SyntheticCase;
import io.ransomtrace.views.timeline.RewriteTimeline;
import io.ransomtrace.views.tuning.AllowlistEditor;
import io.ransomtrace.views.tuning.TuningPanel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.time.LocalDate;
import java.util.List;

/**
 * Not a test: shows every component with the synthetic case, to look at them (views/README.md has the command
 * to run it under Xvfb). Args: {@code dark} for the dark theme, {@code tab=N} to open tab N,
 * {@code finding}/{@code event}/{@code process} for what the inspector shows, {@code zoom} to pivot the
 * timeline on the attack, {@code tune} to move a threshold.
 */
public final class ViewsDemo extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Application.setUserAgentStylesheet(args.contains("dark")
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());

        FindingsList findings = new FindingsList();
        findings.setFindings(SyntheticCase.findings());
        Inspector inspector = new Inspector();
        RewriteTimeline timeline = new RewriteTimeline();
        timeline.setSource(SyntheticCase.buckets(), SyntheticCase.START, SyntheticCase.END);
        NoteSpreadMap spread = new NoteSpreadMap();
        spread.setStats(SyntheticCase.directories());
        ProcessTreeTable processes = new ProcessTreeTable();
        processes.setSource(SyntheticCase.processSource(), "fs01");
        EventsGrid events = new EventsGrid();
        ListEventSource source = new ListEventSource(SyntheticCase.events());
        events.setSource(source);
        AllowlistEditor allowlist = new AllowlistEditor();
        allowlist.setToday(LocalDate.of(2026, 11, 28));
        allowlist.setEntries(List.of(
                new AllowlistRule(AllowlistRule.MatchField.COMMAND_LINE, "rsync -a /srv/share/ /backup/*",
                        AllowlistEffect.SUPPRESS, null, "nightly backup job", "bob", LocalDate.of(2027, 3, 31)),
                new AllowlistRule(AllowlistRule.MatchField.EXE, "/usr/sbin/logrotate", AllowlistEffect.CAP_SEVERITY,
                        io.ransomtrace.engine.finding.Severity.LOW, "log rotation renames", "alice", null),
                new AllowlistRule(AllowlistRule.MatchField.USER, "deploy", AllowlistEffect.SUPPRESS, null,
                        "release pipeline (old)", "carol", LocalDate.of(2026, 10, 1))));
        LatestWinsRunner<java.util.Map<String, Double>, List<io.ransomtrace.views.findings.FindingRow>> runner =
                LatestWinsRunner.forFx(SyntheticCase::detect);
        TuningPanel tuning = new TuningPanel(SyntheticCase.thresholds(), SyntheticCase.findings(), runner);

        findings.setOnFindingSelected(f -> inspector.showFinding(SyntheticCase.detail()));
        processes.setOnProcessSelected(inspector::showProcess);
        processes.setOnAction((a, p) -> {
            if (a == ProcessAction.SHOW_EVENTS) {
                events.showProcess(String.valueOf(p.pid()));
            } else if (a == ProcessAction.ALLOWLIST_EXE) {
                allowlist.prefill(AllowlistRule.MatchField.EXE, p.exe());
            }
        });
        events.setOnEventSelected(e -> inspector.showEvent(e, List.of(
                "type=SYSCALL msg=audit(1763608447.462:88120): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c "
                        + "ppid=30602 pid=" + e.pid() + " auid=1000 uid=0 euid=0 comm=\"python3\" exe=\"" + e.exe() + "\"",
                "type=PATH msg=audit(1763608447.462:88120): item=1 name=\"" + e.path() + "\" nametype=NORMAL")));
        timeline.setOnBucketSelected(r -> events.showTimeRange(r.from(), r.to()));
        spread.setOnDirectorySelected(events::showDirectory);
        events.setOnPivot((e, d) -> timeline.focusAround(e.time(), d));

        SplitPane charts = new SplitPane(timeline, spread);
        charts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        charts.setDividerPositions(0.5);
        TabPane tabs = new TabPane(new Tab("Timeline & spread", charts), new Tab("Processes", processes),
                new Tab("Events", events), new Tab("Tuning", new SplitPane(tuning, allowlist)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane right = new SplitPane(tabs, inspector);
        right.setDividerPositions(0.74);
        SplitPane main = new SplitPane(findings, right);
        main.setOrientation(javafx.geometry.Orientation.VERTICAL);
        main.setDividerPositions(0.24);
        StatusBar status = new StatusBar();
        status.caseInfo().setText("demo case · 10,740 events");
        BorderPane root = new BorderPane(main);
        root.setBottom(status);
        stage.setScene(new Scene(root, 1600, 1000));
        stage.setTitle("Ransomtrace views demo");
        stage.show();

        for (String a : args) {
            if (a.startsWith("tab=")) {
                tabs.getSelectionModel().select(Integer.parseInt(a.substring(4)));
            }
        }
        Platform.runLater(() -> {
            if (args.contains("finding")) {
                findings.select("f-enc");
            }
            if (args.contains("process")) {
                processes.highlightLineage(SyntheticCase.LINEAGE);
            }
            if (args.contains("event")) {
                events.table().getSelectionModel().select(3);
            }
            if (args.contains("zoom")) {
                timeline.focusAround(SyntheticCase.ATTACK.plusSeconds(8), java.time.Duration.ofSeconds(12));
            }
            if (args.contains("tune")) {
                tuning.setValue("overwrite.minFiles", 30);
            }
        });
    }
}
