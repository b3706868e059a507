package io.ransomtrace.app.store;

import java.util.List;

/**
 * One page of events in time order, and where the next page starts (null when this was the last).
 * Keyset paging: asking for the next page costs the same however deep into the case it is.
 */
public record EventPage(List<StoredEvent> events, Cursor next) {

    public EventPage {
        events = List.copyOf(events);
    }

    /** Position after the last event of a page: (time, id) of that event. */
    public record Cursor(long timeMicros, long eventId) {
    }
}
