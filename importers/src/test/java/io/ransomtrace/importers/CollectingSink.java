package io.ransomtrace.importers;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything an importer delivers, for assertions. */
public class CollectingSink implements ImportSink {
    public final List<Event> events = new ArrayList<>();
    public final List<QuarantinedRecord> quarantined = new ArrayList<>();

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void quarantined(QuarantinedRecord record) {
        quarantined.add(record);
    }

    public <T extends Event> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends Event> List<T> ofType(Class<T> type) {
        return of(type);
    }

    public List<FileOp> fileOps(FileOpKind kind) {
        return of(FileOp.class).stream().filter(f -> f.kind() == kind).toList();
    }

    public List<ProcessExec> execsOf(String exe) {
        return of(ProcessExec.class).stream().filter(e -> exe.equals(e.actor().exe())).toList();
    }
}
