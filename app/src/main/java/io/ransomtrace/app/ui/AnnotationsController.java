package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.CaseAnnotations;
import io.ransomtrace.app.store.AnalystAnnotations.Target;
import io.ransomtrace.app.store.AnalystAnnotations.TargetKind;
import io.ransomtrace.app.ui.mainwindow.InvestigationTab;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.inspector.Annotations;
import io.ransomtrace.views.process.ProcessRow;

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

    AnnotationsController(MainWindow window, CurrentCase current, Dialogs dialogs, Notices notices) {
        this.window = window;
        this.current = current;
        this.dialogs = dialogs;
        this.notices = notices;
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
        var item = window.processTree().treeTable().getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() != null) {
            return CaseAnnotations.process(Long.parseLong(item.getValue().key()));
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
        String what = t.kind() == TargetKind.EVENT ? "event " + t.id() : "process";
        String header = (note ? "Note on " : "Tag ") + what + "\ntags: " + String.join(", ", ann.tags(t))
                + (ann.notes(t).isEmpty() ? "" : "\nnotes: " + ann.notes(t).size());
        dialogs.text(note ? "Note" : "Tag", header, note ? "Note:" : "Tag:").ifPresent(text -> {
            if (note) {
                ann.addNote(t, text);
            } else {
                ann.addTag(t, text);
            }
            notices.say((note ? "Note saved on " : "Tagged ") + what + ".");
        });
    }

    /** A process's context menu: Tag… */
    void tagProcess(ProcessRow row) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        CaseAnnotations ann = c.session().annotations();
        Target t = CaseAnnotations.process(Long.parseLong(row.key()));
        dialogs.text("Tag process", row.exeName() + " [" + row.pid() + "]  tags: " + String.join(", ", ann.tags(t)),
                "Tag:").ifPresent(tag -> {
                    ann.addTag(t, tag);
                    notices.say("Tagged " + row.exeName() + " [" + row.pid() + "] \"" + tag + "\".");
                });
    }
}
