package io.ransomtrace.app.casefile;

import io.ransomtrace.app.store.AnalystAnnotations.Note;
import io.ransomtrace.app.store.AnalystAnnotations.Target;
import io.ransomtrace.app.store.AnalystAnnotations.TargetKind;
import io.ransomtrace.app.report.FindingSection;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.engine.finding.Finding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The analyst's tags and notes in a case, the one place the window and the exports read them from. A finding is
 * annotated under its stable id ({@link FindingIds}: the same campaign keeps its id across re-runs and re-tuning),
 * and also through a finding saved in the case's findings table that names it (written by another tool or an
 * older version); a process by its key; an event by its id.
 */
public final class CaseAnnotations {
    private final AnalystAnnotations store;

    CaseAnnotations(AnalystAnnotations store) {
        this.store = store;
    }

    /** A finding's tags and notes, from every target that names it, in the order they were written. */
    public record OfFinding(List<String> tags, List<String> notes) {

        /** The notes as one text, as the inspector edits them. */
        public String notesText() {
            return String.join("\n", notes);
        }
    }

    public OfFinding ofFinding(Finding f) {
        Set<String> tags = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        for (Target t : targets(f)) {
            tags.addAll(store.tags(t));
            store.notes(t).forEach(n -> notes.add(n.text()));
        }
        return new OfFinding(List.copyOf(tags), notes);
    }

    /**
     * Replaces a finding's tags and its note with what the analyst edited: tags removed are removed wherever they
     * were, new ones are kept under the finding's stable id, and the note (one free text per finding) replaces
     * the stored notes.
     */
    public void saveFinding(Finding f, List<String> tags, String note) {
        List<Target> targets = targets(f);
        Target own = targets.get(0);
        Set<String> had = new LinkedHashSet<>();
        for (Target t : targets) {
            for (String tag : store.tags(t)) {
                had.add(tag);
                if (!tags.contains(tag)) {
                    store.removeTag(t, tag);
                }
            }
            store.notes(t).forEach(n -> store.deleteNote(n.id()));
        }
        for (String tag : tags) {
            if (!had.contains(tag)) {
                store.addTag(own, tag);
            }
        }
        if (note != null && !note.isBlank()) {
            store.addNote(own, note);
        }
    }

    /**
     * Everything the analyst wrote about a finding, as every export shows it: the finding's tags and those of its
     * root process; notes on the finding, on its root process and on its evidence events, each saying what it is
     * about.
     *
     * @param root       the campaign's root process in the case, or null when it is not there
     * @param evidenceIds the finding's evidence events
     */
    public Briefed briefed(Finding f, ProcessNode root, List<Long> evidenceIds) {
        OfFinding own = ofFinding(f);
        Set<String> tags = new LinkedHashSet<>(own.tags());
        List<FindingSection.AnalystNote> notes = new ArrayList<>();
        own.notes().forEach(n -> notes.add(new FindingSection.AnalystNote("finding", n)));
        if (root != null) {
            Target process = process(root.key());
            store.notes(process).forEach(n -> notes.add(new FindingSection.AnalystNote(
                    "process " + root.pid() + " (" + root.commandLine() + ")", n.text())));
            tags.addAll(store.tags(process));
        }
        for (long id : evidenceIds) {
            store.notes(event(id)).forEach(n -> notes.add(new FindingSection.AnalystNote("event " + id, n.text())));
        }
        return new Briefed(List.copyOf(tags), notes);
    }

    /** A finding's tags and notes as the exports print them. */
    public record Briefed(List<String> tags, List<FindingSection.AnalystNote> notes) {
        public Briefed {
            tags = List.copyOf(tags);
            notes = List.copyOf(notes);
        }
    }

    /** The analyst's tags on every tagged process, by process key (what the process tree shows as chips). */
    public java.util.Map<Long, Set<String>> processTags() {
        return store.tagsOf(TargetKind.PROCESS);
    }

    public List<String> tags(Target target) {
        return store.tags(target);
    }

    public List<Note> notes(Target target) {
        return store.notes(target);
    }

    public void addTag(Target target, String tag) {
        store.addTag(target, tag);
    }

    public void addNote(Target target, String text) {
        store.addNote(target, text);
    }

    public static Target process(long key) {
        return new Target(TargetKind.PROCESS, key);
    }

    public static Target event(long id) {
        return new Target(TargetKind.EVENT, id);
    }

    /** The finding's own target (its stable id) first, then saved findings that name it. */
    private List<Target> targets(Finding f) {
        List<Target> out = new ArrayList<>();
        out.add(new Target(TargetKind.FINDING, FindingIds.annotationId(f.id())));
        for (AnalystAnnotations.Finding saved : store.findings()) {
            Target t = new Target(TargetKind.FINDING, saved.id());
            if (sameFinding(saved, f) && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * A finding saved in the case is the detector's finding when its details or summary carry the detector's id,
     * or when it names the same host and the same first time (saved before ids were stored).
     */
    static boolean sameFinding(AnalystAnnotations.Finding s, Finding f) {
        if (s.details() != null && s.details().contains(f.id())) {
            return true;
        }
        if (s.summary() != null && s.summary().contains(f.id())) {
            return true;
        }
        return f.host().equals(s.host()) && s.first() != null && s.first().equals(f.firstSeen());
    }
}
