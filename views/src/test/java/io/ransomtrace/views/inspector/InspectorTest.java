package io.ransomtrace.views.inspector;

import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.testdata.SyntheticCase;
import io.ransomtrace.views.testdata.TestTheme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
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
class InspectorTest {
    private Inspector inspector;
    private final List<String> saved = new ArrayList<>();
    private final List<Long> evidence = new ArrayList<>();

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        inspector = new Inspector();
        inspector.setOnSaveAnnotations((id, a) -> saved.add(id + " " + a.tags() + " " + a.notes()));
        inspector.setOnEvidenceSelected(evidence::add);
        stage.setScene(new Scene(inspector, 460, 900));
        stage.show();
    }

    @Test
    void aFindingShowsSignalsInSentencesWithValuesAgainstThresholds(FxRobot robot) {
        robot.interact(() -> inspector.showFinding(SyntheticCase.detail()));
        assertThat(inspector.visibleTexts()).contains(
                "Mass overwrite + .locked renames across /srv/share",
                "5,890 existing files opened with O_TRUNC and rewritten by one lineage in 95 s",
                "5,890 files  ≥  threshold 200 files",
                "142 files/s  ≥  threshold 20 files/s",
                "0 bits/byte  <  threshold 7.20 bits/byte",
                "Evidence (4)", "alice", "10,740 originals");
        robot.clickOn("2026-11-20 03:14:07.462  WRITE+TRUNC /srv/share/finance/2025/q1.xlsx");
        assertThat(evidence).containsExactly(1002L);
    }

    @Test
    void tagsAreSavedWhenAddedAndTheNoteWhenSaved(FxRobot robot) {
        robot.interact(() -> inspector.showFinding(SyntheticCase.detail()));
        Button save = robot.lookup("#inspector-save").queryButton();
        assertThat(save.isDisabled()).isTrue();
        robot.clickOn("#inspector-tag-input").write("exfil-suspected").type(KeyCode.ENTER);
        assertThat(saved).containsExactly(
                "f-enc [confirmed, ir-2211, exfil-suspected] Contained at 03:21 by isolating fs01.");
        robot.clickOn("#inspector-notes").type(KeyCode.END).write(" Backups intact.");
        assertThat(inspector.hasUnsavedNotes()).isTrue();
        robot.clickOn("#inspector-save");
        assertThat(saved).last().isEqualTo(
                "f-enc [confirmed, ir-2211, exfil-suspected] Contained at 03:21 by isolating fs01. Backups intact.");
        assertThat(save.isDisabled()).isTrue();
        assertThat(inspector.hasUnsavedNotes()).isFalse();
    }

    @Test
    void aNoteBeingEditedIsSavedBeforeAnythingElseIsShown(FxRobot robot) {
        robot.interact(() -> inspector.showFinding(SyntheticCase.detail()));
        robot.clickOn("#inspector-notes").type(KeyCode.END).write(" Not typed in vain.");
        // Another selection arrives while the note box still has the focus.
        robot.interact(() -> inspector.showProcess(SyntheticCase.processes().get("p30602").get(0)));
        assertThat(saved).containsExactly("f-enc [confirmed, ir-2211] Contained at 03:21 by isolating fs01. "
                + "Not typed in vain.");
    }

    @Test
    void tabLeavesTheNoteBoxAndSavesIt(FxRobot robot) {
        robot.interact(() -> inspector.showFinding(SyntheticCase.detail()));
        robot.clickOn("#inspector-notes").type(KeyCode.END).write(" Tab out.").type(KeyCode.TAB);
        assertThat(robot.lookup("#inspector-notes").queryAs(javafx.scene.control.TextArea.class).getText())
                .endsWith("Tab out.").doesNotContain("\t");
        assertThat(robot.lookup("#inspector-notes").query().isFocused()).isFalse();
        assertThat(saved).singleElement().asString().endsWith("Tab out.");
    }

    @Test
    void anEventShowsAllFieldsItsRawLineAndProvenance(FxRobot robot) {
        EventRow e = SyntheticCase.events().get(2);
        robot.interact(() -> inspector.showEvent(e, List.of("type=PATH msg=audit(1763608447.462:88120): item=1 name=\""
                + e.path() + "\"")));
        assertThat(inspector.visibleTexts()).contains(e.path(), e.targetPath(), "30780", "/usr/bin/python3",
                "audit.log, line " + e.line());
        assertThat(String.join("\n", inspector.visibleTexts())).contains("type=PATH msg=audit(1763608447.462:88120)");
    }

    @Test
    void aProcessShowsUserAndLoginUser(FxRobot robot) {
        robot.interact(() -> inspector.showProcess(SyntheticCase.processes().get("p30602").get(0)));
        assertThat(inspector.visibleTexts()).contains("python3  [30777]", "root", "alice",
                "python3 /tmp/.x/enc.py /srv/share", "ext-rename, mass-overwrite, note")
                .anyMatch(t -> t.startsWith("5,890 (created, written"))
                .doesNotContain("Key", "p30777");
    }

    @Test
    void aProcessShowsItsTagsAndLinksToItsEvents(FxRobot robot) {
        List<String> asked = new ArrayList<>();
        inspector.setOnProcessEvents(p -> asked.add(p.key()));
        var p = SyntheticCase.processes().get("p30602").get(0).withTags(java.util.Set.of("encryptor", "ir-2211"));
        robot.interact(() -> inspector.showProcess(p));
        assertThat(robot.lookup("#inspector-process-tags .tag-chip").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).containsExactly("encryptor", "ir-2211");
        robot.clickOn("#inspector-link-process-events");
        assertThat(asked).containsExactly("p30777");
    }

    @Test
    void anEventLinksToItsProcessInTheTreeAndToItsEvents(FxRobot robot) {
        List<String> links = new ArrayList<>();
        inspector.setOnEventLink((l, e) -> links.add(l + " " + e.eventId()));
        EventRow e = SyntheticCase.events().get(2);
        robot.interact(() -> inspector.showEvent(e, List.of()));
        robot.clickOn("#inspector-link-show-in-process-tree");
        robot.clickOn("#inspector-link-events-of-this-process");
        assertThat(links).containsExactly("SHOW_IN_PROCESS_TREE " + e.eventId(), "EVENTS_OF_THIS_PROCESS " + e.eventId());
    }

    @Test
    void aQuarantinedRecordShowsItsFileLineOffsetReasonAndRawText(FxRobot robot) {
        robot.interact(() -> inspector.showQuarantined("audit.log", 41, 9120,
                "malformed record: no msg=audit(...) field", "type=SYSCALL msg=audit(garbage) not an audit record"));
        assertThat(inspector.visibleTexts()).contains("Import error", "audit.log", "41", "9,120",
                "malformed record: no msg=audit(...) field", "audit.log, line 41, byte 9120",
                "type=SYSCALL msg=audit(garbage) not an audit record");
    }
}
