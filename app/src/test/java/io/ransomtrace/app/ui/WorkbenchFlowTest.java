package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.CaseAnnotations;
import io.ransomtrace.app.casefile.FindingIds;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.report.ReportFormat;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.ui.mainwindow.InvestigationTab;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.NavigatorItem;
import io.ransomtrace.app.ui.mainwindow.SidePanel;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.process.ProcessRow;
import io.ransomtrace.views.spread.DirectoryStat;
import io.ransomtrace.views.timeline.TimelineData;
import io.ransomtrace.views.timeline.TimelineMarker;
import io.ransomtrace.views.tuning.SeverityChange;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
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
 * The analyst's main flow on the recorded mixed-workday case (a working day with one attack): open the case →
 * findings listed, the attack selected → its lineage expanded in the tree → the timeline shows the burst with
 * the first-alert marker → the spread map lists the note directories → raising a threshold previews the
 * severity change, Keep adopts it → an allowlist entry suppresses the finding, with its reason.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorkbenchFlowTest {
    private static Path caseFile;

    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;
    private Workbench workbench;
    private ShownWorkbench shown;

    @BeforeAll
    static void importSample(@TempDir Path tmp) throws Exception {
        Path logs = SampleCaseLogs.mixedWorkday();
        caseFile = tmp.resolve("mixed.rtcase");
        try (CaseStore store = CaseStore.create(caseFile)) {
            new ImportPipeline().run(store, List.of(logs), ImportProgressListener.NONE, new Cancellation());
        }
    }

    @Start
    void start(Stage stage) {
        shown = ShownWorkbench.show(stage, dialogs);
        window = shown.window();
        workbench = shown.workbench();
    }

    @AfterEach
    void closeCase() throws Exception {
        shown.closeWithoutErrors();
    }

    @Test
    void openSelectInspectTuneAndAllowlistTheAttack(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openCase(caseFile));
        waitUntil(30, () -> workbench.focused() != null);

        // Findings listed; the attack (highest severity) selected and shown in the inspector.
        FindingRow selected = window.findings().selectedFindingProperty().get();
        assertThat(window.findings().findings()).hasSizeGreaterThan(3);
        assertThat(selected.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(selected.title()).contains("Mass encryption").contains("kworker-sync");
        assertThat(window.inspector().visibleTexts()).anyMatch(t -> t.contains("overwrite-in-place"));
        Finding attack = workbench.focused().finding();

        // The tree shows the attack's lineage expanded, down to the encryptor.
        assertThat(window.processTree().highlightedLineage()).hasSizeGreaterThanOrEqualTo(2);
        TreeItem<ProcessRow> row = window.processTree().treeTable().getSelectionModel().getSelectedItem();
        assertThat(row.getValue().exe()).endsWith("kworker-sync");
        for (TreeItem<ProcessRow> up = row.getParent(); up != null && up.getValue() != null; up = up.getParent()) {
            assertThat(up.isExpanded()).as("ancestor %s expanded", up.getValue().exeName()).isTrue();
        }

        // The timeline shows the burst, with the first-alert marker on it.
        robot.interact(() -> window.showTab(InvestigationTab.TIMELINE));
        waitUntil(15, () -> window.timeline().getData() != null && !window.timeline().getData().buckets().isEmpty());
        TimelineData data = window.timeline().getData();
        long plotted = data.buckets().stream().mapToLong(b -> b.total()).sum();
        assertThat(plotted).isGreaterThanOrEqualTo(attack.filesAffected());
        assertThat(data.markers()).anyMatch(m -> m.kind() == TimelineMarker.Kind.FIRST_ALERT
                && m.time().equals(attack.firstAlert()));

        // The spread map lists the directories the notes were dropped in.
        robot.interact(() -> window.showTab(InvestigationTab.SPREAD_MAP));
        List<DirectoryStat> noted = workbench.focused().directories().stream().filter(d -> d.notes() > 0).toList();
        assertThat(noted).hasSize(attack.notes().directories().size());
        assertThat(noted).extracting(DirectoryStat::path)
                .containsExactlyInAnyOrderElementsOf(attack.notes().directories());
        assertThat(window.spreadMap().cells()).isNotEmpty();

        // Raising the note threshold past the attack's note directories: the diff shows the severity drop.
        robot.interact(() -> window.showSidePanel(SidePanel.TUNING));
        robot.interact(() -> workbench.tuning().setValue("signals.ransomNote.minDirectories",
                attack.notes().directories().size() + 1));
        waitUntil(30, () -> !window.findings().findings().isEmpty()
                && workbench.tuning().diffView().diff().severityChanged().stream()
                .anyMatch(c -> c.before().id().equals(attack.id())));
        SeverityChange change = workbench.tuning().diffView().diff().severityChanged().stream()
                .filter(c -> c.before().id().equals(attack.id())).findFirst().orElseThrow();
        Severity lowered = change.after().severity();
        assertThat(lowered).isLessThan(change.before().severity());
        assertThat(rowOf(attack.id()).severity()).as("nothing changes before Keep").isEqualTo(Severity.CRITICAL);
        robot.clickOn("#diff-keep");
        waitUntil(15, () -> rowOf(attack.id()).severity() == lowered);
        AnalystAnnotations ann = workbench.shown().session().store().annotations();
        assertThat(ann.activeProfile()).hasValueSatisfying(p -> assertThat(p.yaml())
                .contains("signals.ransomNote.minDirectories"));
        assertThat(ann.tuningHistory(ann.activeProfile().get().id()))
                .anyMatch(t -> t.parameter().equals("signals.ransomNote.minDirectories"));

        // An allowlist entry on the encryptor's executable: after the re-run the finding is suppressed, with why.
        robot.interact(() -> window.showSidePanel(SidePanel.ALLOWLIST));
        robot.interact(() -> window.allowlistEditor().prefill(AllowlistRule.MatchField.EXE,
                attack.rootProcess().exe()));
        robot.interact(() -> robot.lookup("#allowlist-reason").queryAs(TextField.class)
                .setText("red-team exercise RT-42"));
        robot.clickOn("#allowlist-add");
        waitUntil(30, () -> rowOf(attack.id()) != null && rowOf(attack.id()).suppressed());
        assertThat(rowOf(attack.id()).suppressedWhy()).contains("red-team exercise RT-42");
        assertThat(workbench.shown().session().settings().allowlist()).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("red-team exercise RT-42"));
    }

    @Test
    void notesOnAFindingAreStoredInTheCaseAndSurviveAReRun(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openCase(caseFile));
        waitUntil(30, () -> workbench.focused() != null);
        String id = workbench.focused().finding().id();
        // The editor sits below the evidence list: focus its fields (as Tab would) rather than click them.
        robot.interact(() -> robot.lookup("#inspector-tag-input").query().requestFocus());
        robot.write("patient-zero").type(KeyCode.ENTER);
        robot.interact(() -> robot.lookup("#inspector-notes").queryAs(TextArea.class)
                .setText("Started from carol's sudo."));
        robot.interact(() -> robot.lookup("#inspector-save").queryAs(Button.class).fire());
        AnalystAnnotations.Target target = new AnalystAnnotations.Target(AnalystAnnotations.TargetKind.FINDING,
                FindingIds.annotationId(id));
        AnalystAnnotations ann = workbench.shown().session().store().annotations();
        assertThat(ann.tags(target)).containsExactly("patient-zero");
        assertThat(ann.notes(target)).extracting(AnalystAnnotations.Note::text)
                .containsExactly("Started from carol's sudo.");
        // Ctrl+T / Ctrl+N annotate the selected process (the campaign root), or the selected event in the grid.
        assertThat(workbench.selectionTarget()).isEqualTo(new AnalystAnnotations.Target(
                AnalystAnnotations.TargetKind.PROCESS, workbench.focused().root().orElseThrow().key()));
        robot.interact(() -> window.showTab(InvestigationTab.EVENTS));
        waitUntil(15, () -> window.eventsGrid().size() > 0 && !window.eventsGrid().visibleRows().isEmpty());
        robot.interact(() -> window.eventsGrid().selectIndex(0));
        waitUntil(15, () -> window.eventsGrid().selectedEventProperty().get() != null);
        assertThat(workbench.selectionTarget()).isEqualTo(new AnalystAnnotations.Target(
                AnalystAnnotations.TargetKind.EVENT, window.eventsGrid().selectedEventProperty().get().eventId()));

        long before = workbench.focusCount();
        robot.interact(workbench::rerun);
        waitUntil(30, () -> workbench.focusCount() > before && workbench.tasks().running() == 0);
        assertThat(workbench.focused().finding().id()).isEqualTo(id);
        assertThat(workbench.focused().detail().tags()).containsExactly("patient-zero");
        assertThat(workbench.focused().detail().notes()).isEqualTo("Started from carol's sudo.");
    }

    @Test
    void tagsAndNotesGoWhereEveryExportReadsThem(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path copy = Files.copy(caseFile, tmp.resolve("copy.rtcase"));
        robot.interact(() -> workbench.openCase(copy));
        waitUntil(30, () -> workbench.focused() != null);
        String id = workbench.focused().finding().id();

        // Ctrl+T on the selected process (the campaign root): the dialog names it, the tag is kept in the case and
        // shows as a chip in the tree and in the inspector.
        dialogs.texts.add("encryptor");
        robot.interact(() -> menuItem(window.actionsMenu().getItems(), "Tag selected process or event…").fire());
        long root = workbench.focused().root().orElseThrow().key();
        assertThat(workbench.shown().session().annotations().tags(CaseAnnotations.process(root)))
                .containsExactly("encryptor");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Tag: Tag process kworker-sync 18994 (./kworker-sync"));
        assertThat(window.processTree().treeTable().getSelectionModel().getSelectedItem().getValue().tags())
                .containsExactly("encryptor");
        assertThat(robot.lookup("#inspector-process-tags .tag-chip").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).containsExactly("encryptor");

        // Back on the finding: a tag and a note in the inspector; Tab leaves the note box and saves it.
        long focusBefore = workbench.focusCount();
        robot.interact(() -> window.findings().table().getSelectionModel().clearSelection());
        robot.interact(() -> window.findings().select(id));
        waitUntil(15, () -> workbench.focusCount() > focusBefore);
        robot.interact(() -> robot.lookup("#inspector-tag-input").query().requestFocus());
        robot.write("patient-zero").type(KeyCode.ENTER);
        robot.interact(() -> robot.lookup("#inspector-notes").query().requestFocus());
        robot.write("Started from carol's sudo.").type(KeyCode.TAB);

        // File → Export…: the briefing (HTML, PDF) and the data exports (JSON, CSV) carry the finding's tag and
        // note and the process's tag, read from the one place the window wrote them.
        for (ReportFormat format : List.of(ReportFormat.HTML, ReportFormat.PDF, ReportFormat.JSON, ReportFormat.CSV)) {
            Path out = tmp.resolve("export." + format.extension());
            dialogs.exports.add(new ReportRequest(format, out, List.of(id), Severity.INFO, null));
            MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
            robot.interact(() -> bar.getMenus().get(0).getItems().stream()
                    .filter(i -> "menu-export".equals(i.getId())).findFirst().orElseThrow().fire());
            waitUntil(60, () -> workbench.tasks().running() == 0 && Files.exists(out));
            String text = format == ReportFormat.PDF ? pdfText(out) : Files.readString(out);
            assertThat(text).as(format.name()).contains("patient-zero").contains("encryptor")
                    .contains(format == ReportFormat.HTML ? "Started from carol&#39;s sudo." : "Started from carol's sudo.");
        }
        assertThat(window.statusBar().message().getText()).startsWith("Exported 1 finding to ");
        // The export dialog starts beside the case, not in the working directory.
        assertThat(dialogs.exportFolder).isEqualTo(tmp);
    }

    private static String pdfText(Path pdf) throws java.io.IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aFileThatIsNoCaseIsToldInADialogAndTheStatusBar(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path notACase = Files.writeString(tmp.resolve("notes.rtcase"), "meeting notes, not a case\n");
        robot.interact(() -> workbench.openCase(notACase));
        waitUntil(30, () -> workbench.tasks().running() == 0 && !dialogs.errors.isEmpty());
        assertThat(dialogs.errors).singleElement().asString().startsWith("Cannot open notes.rtcase: ");
        assertThat(window.statusBar().message().getText()).startsWith("Cannot open notes.rtcase: ");
        assertThat(workbench.shown()).isNull();
        dialogs.errors.clear();
    }

    @Test
    void logsImportedIntoTheOpenCaseAndAProfileLoadedFromAFileAreAskedForInDialogs(FxRobot robot, @TempDir Path tmp)
            throws Exception {
        Path copy = Files.copy(caseFile, tmp.resolve("copy.rtcase"));
        robot.interact(() -> workbench.openCase(copy));
        waitUntil(30, () -> workbench.focused() != null);
        int sourcesBefore = workbench.shown().sources().size();

        // File → Import logs…: the files, then "into the open case".
        List<String> lines = Files.readAllLines(SampleCaseLogs.mixedWorkday().resolve("audit.log"));
        Path more = Files.write(tmp.resolve("fs01-audit.log"), lines.subList(0, 60));
        dialogs.files.add(more);
        dialogs.importTarget = Dialogs.ImportTarget.OPEN_CASE;
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        robot.interact(() -> menuItem(bar.getMenus().get(0).getItems(), "Import logs…").fire());
        waitUntil(60, () -> workbench.tasks().running() == 0 && workbench.shown() != null
                && workbench.shown().sources().size() == sourcesBefore + 1);
        assertThat(workbench.shown().session().file()).isEqualTo(copy);
        assertThat(dialogs.asked).contains("logs to import", "import target (open: copy.rtcase)");

        // Tuning → Save… then Load…: the loaded profile becomes the case's and the detector runs with it.
        waitUntil(30, () -> workbench.tuning() != null);
        robot.interact(() -> workbench.tuning().setValue("signals.ransomNote.minDirectories", 12));
        Path profile = tmp.resolve("strict-notes.yaml");
        dialogs.files.add(profile);
        robot.interact(() -> robot.lookup("#tuning-save").queryAs(Button.class).fire());
        assertThat(Files.readString(profile)).contains("signals.ransomNote.minDirectories: 12");
        dialogs.files.add(profile);
        robot.interact(() -> robot.lookup("#tuning-load").queryAs(Button.class).fire());
        waitUntil(60, () -> workbench.tasks().running() == 0
                && ((Number) workbench.shown().settings().profile().value("signals.ransomNote.minDirectories"))
                .intValue() == 12);
        assertThat(workbench.shown().session().settings().profile().value("signals.ransomNote.minDirectories"))
                .isEqualTo(12L);
    }

    private static MenuItem menuItem(List<MenuItem> items, String text) {
        return items.stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }

    @Test
    void importingIntoANewCaseListsSourcesWithStatusAndQuarantinedRecords(FxRobot robot, @TempDir Path tmp)
            throws Exception {
        Path logs = SampleCaseLogs.mixedWorkday();
        List<String> lines = Files.readAllLines(logs.resolve("audit.log"));
        List<String> damaged = new java.util.ArrayList<>(lines.subList(0, 40));
        damaged.add("type=SYSCALL msg=audit(garbage) \u0001 not an audit record");
        damaged.addAll(lines.subList(40, 80));
        Path input = Files.write(tmp.resolve("audit.log"), damaged);
        Path newCase = tmp.resolve("new.rtcase");

        robot.interact(() -> workbench.importInto(newCase, List.of(input)));
        waitUntil(30, () -> workbench.shown() != null && workbench.tasks().running() == 0);

        assertThat(Files.exists(newCase)).isTrue();
        TreeItem<NavigatorItem> sources = window.caseNavigator().getRoot().getChildren().get(0);
        assertThat(sources.getValue().label()).isEqualTo("Sources (1)");
        assertThat(sources.getChildren()).singleElement().extracting(TreeItem::getValue).asString()
                .startsWith("audit.log — complete").endsWith(", 1 error");
        assertThat(window.importErrors().getItems()).singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(41));
        // The whole reason in the row; selecting it shows its raw line with file, line and byte offset.
        var error = window.importErrors().getItems().get(0);
        // the table lays its new row out on a later pulse (under load the placeholder can still be up a moment)
        waitUntil(10, () -> ShownText.under(window.importErrors()).contains(error.reason()));
        robot.interact(() -> window.importErrors().getSelectionModel().select(0));
        assertThat(window.inspector().visibleTexts()).contains("Import error", input.toString(), "41",
                String.format("%,d", error.byteOffset()), error.reason())
                .anyMatch(t -> t.startsWith("type=SYSCALL msg=audit(garbage)") && t.contains("not an audit record"));
        assertThat(window.statusBar().message().getText()).contains("events analysed");
    }

    private FindingRow rowOf(String id) {
        return window.findings().findings().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
