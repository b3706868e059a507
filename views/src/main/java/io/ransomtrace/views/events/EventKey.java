package io.ransomtrace.views.events;

import java.time.Instant;
import java.util.Comparator;

/** Where a row sits in the grid's order: time, then event id to break ties. The keyset-paging cursor. */
public record EventKey(Instant time, long eventId) implements Comparable<EventKey> {
    private static final Comparator<EventKey> ORDER =
            Comparator.comparing(EventKey::time).thenComparingLong(EventKey::eventId);

    @Override
    public int compareTo(EventKey o) {
        return ORDER.compare(this, o);
    }
}
