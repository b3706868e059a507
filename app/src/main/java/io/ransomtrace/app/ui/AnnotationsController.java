package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.CaseAnnotations;
import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.app.store.AnalystAnnotations.Target;
import io.ransomtrace.app.store.AnalystAnnotations.TargetKind;
import io.ransomtrace.app.ui.mainwindow.InvestigationTab;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.inspector.Annotations;
import io.ransomtrace.views.process.ProcessFolding;
import io.ransomtrace.views.process.ProcessRow;

import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The analyst's tags and notes: on a finding in the inspector (one free-text note per finding), on the selected
 * process or event (Ctrl+T, Ctrl+N) and on a process from its context menu. They are stored in the case, where
 * the exports read them too.
 */
final class AnnotationsController {
    private final MainWindow window;
    private final CurrentCase current;
    private final Dialogs dialogs;
    private final Notices notices;
    private final BiConsumer<String, Set<String>> processTagged;

    /** @param processTagged told a process's key and its tags after the analyst tagged it (the tree shows them) */
    AnnotationsController(MainWindow window, CurrentCase current, Dialogs dialogs, Notices notices,
                          BiConsumer<String, Set<String>> processTagged) {
        this.window = window;
        this.current = current;
        this.dialogs = dialogs;
        this.notices = notices;
        this.processTagged = processTagged;
        window.inspector().setOnSaveAnnotations(this::saveFinding);
    }

    private void saveFinding(String findingId, Annotations a) {
        OpenCase c = current.get();
        Finding f = c == null ? null : c.findings().stream().filter(x -> x.id().equals(findingId)).findFirst()
                .orElse(null);
        if (f == null) {
            return;
        }
        try {
            c.session().annotations().saveFinding(f, a.tags(), a.notes());
            notices.say("Saved tags and notes of the finding in the case.");
        } catch (RuntimeException e) {
            notices.error("Cannot save the notes", e);
        }
    }

    /**
     * What Ctrl+T / Ctrl+N annotate: the selected event when the events tab is in front, else the selected
     * process (findings are annotated in the inspector).
     */
    Target selectionTarget() {
        EventRow event = window.eventsGrid().selectedEventProperty().get();
        if (window.selectedTab() == InvestigationTab.EVENTS && event != null) {
            return CaseAnnotations.event(event.eventId());
        }
        ProcessRow p = selectedProcess();
        if (p != null && !ProcessFolding.isFold(p)) {
            return CaseAnnotations.process(Long.parseLong(p.key()));
        }
        return null;
    }

    /** Ctrl+T (a tag) or Ctrl+N (a note) on the selected process or event. */
    void annotateSelection(boolean note) {
        OpenCase c = current.get();
        Target t = selectionTarget();
        if (c == null || t == null) {
            notices.say("Select a process or an event first.");
            return;
        }
        CaseAnnotations ann = c.session().annotations();
        ProcessRow process = t.kind() == TargetKind.PROCESS ? selectedProcess() : null;
        EventRow event = window.eventsGrid().selectedEventProperty().get();
        String what = process != null ? "process " + name(process)
                : "event " + t.id() + (event == null ? "" : " (" + event.kind() + " " + (event.path() == null ? ""
                : Inert.plain(event.path(), 80)) + ")");
        String header = (note ? "Note on " : "Tag ") + what + "\ntags so far: "
                + (ann.tags(t).isEmpty() ? "none" : Inert.plain(String.join(", ", ann.tags(t))))
                + (ann.notes(t).isEmpty() ? "" : "\nnotes so far: " + ann.notes(t).size());
        dialogs.text(note ? "Note" : "Tag", header, note ? "Note:" : "Tag:").ifPresent(text -> {
            if (note) {
                ann.addNote(t, text);
            } else {
                ann.addTag(t, text);
            }
            if (process != null) {
                shownTags(process, ann.tags(t));
            }
            notices.say((note ? "Note saved on " : "Tagged ") + what + (note ? "." : " \"" + text + "\"."));
        });
    }

    private ProcessRow selectedProcess() {
        var item = window.processTree().treeTable().getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** "kworker-sync 18994 (./kworker-sync -e .rtx …)": which process, as the analyst saw it in the tree. */
    private static String name(ProcessRow p) {
        String cmd = p.commandLine() == null ? "" : p.commandLine();
        return Inert.plain(p.exeName()) + " " + p.pid() + (cmd.isEmpty() ? "" : " (" + Inert.plain(cmd, 80) + ")");
    }

    /** The new tags on the process's tree row and, when it is the one shown, in the inspector. */
    private void shownTags(ProcessRow p, java.util.List<String> tags) {
        Set<String> now = Set.copyOf(tags);
        processTagged.accept(p.key(), now);
        window.inspector().showProcess(p.withTags(now));
    }

    /** A process's context menu: Tag… */
    void tagProcess(ProcessRow row) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        CaseAnnotations ann = c.session().annotations();
        Target t = CaseAnnotations.process(Long.parseLong(row.key()));
        dialogs.text("Tag process", "Tag process " + name(row) + "\ntags so far: "
                + (ann.tags(t).isEmpty() ? "none" : Inert.plain(String.join(", ", ann.tags(t)))), "Tag:").ifPresent(tag -> {
                    ann.addTag(t, tag);
                    shownTags(row, ann.tags(t));
                    notices.say("Tagged process " + row.exeName() + " " + row.pid() + " \"" + tag + "\".");
                });
    }
}
