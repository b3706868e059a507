package io.ransomtrace.importers;

import io.ransomtrace.engine.model.Event;

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
        List<T> out = new ArrayList<>();
        for (Event e : events) {
            if (type.isInstance(e)) out.add(type.cast(e));
        }
        return out;
    }
}
