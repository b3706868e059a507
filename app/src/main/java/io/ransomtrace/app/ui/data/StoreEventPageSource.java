package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventKind;
import io.ransomtrace.app.store.EventPage;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.views.events.EventFilter;
import io.ransomtrace.views.events.EventKey;
import io.ransomtrace.views.events.EventPageSource;
import io.ransomtrace.views.events.EventQuery;
import io.ransomtrace.views.events.EventRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events grid over the case store: keyset pages of {@link CaseQueries#events}. The grid's filter is handed
 * to SQL as far as the store's filter can express it (time range, kind, one substring), and checked exactly in
 * Java on the rows that come back (the grid's filters are "contains" tests the store has no column for).
 *
 * <p>The store has no count query: {@link #count} and {@link #keyBefore} walk the matching rows page by page
 * (keyset, so memory stays flat) and remember the last few answers. The store pages only forwards: newest-first
 * pages are cut from a forward scan (bounded memory, but a scan per page).
 */
public final class StoreEventPageSource implements EventPageSource {
    private static final int SCAN_PAGE = 2000;
    private static final int REMEMBERED = 16;

    private final CaseQueries queries;
    private final EventRows rows;
    private final io.ransomtrace.app.store.EventFilter base;
    private final Map<EventQuery, Long> counts = remembering();

    /** @param base what every listing is narrowed to (a host, or everything) */
    public StoreEventPageSource(CaseQueries queries, EventRows rows, io.ransomtrace.app.store.EventFilter base) {
        this.queries = queries;
        this.rows = rows;
        this.base = base;
    }

    @Override
    public long count(EventQuery query) {
        synchronized (counts) {
            Long known = counts.get(query);
            if (known != null) {
                return known;
            }
        }
        long[] n = {0};
        scan(query, null, r -> {
            n[0]++;
            return true;
        });
        synchronized (counts) {
            counts.put(query, n[0]);
        }
        return n[0];
    }

    @Override
    public List<EventRow> page(EventKey after, int limit, EventQuery query) {
        if (query.newestFirst()) {
            return newestFirstPage(after, limit, query);
        }
        List<EventRow> out = new ArrayList<>(limit);
        scan(query, after, r -> {
            out.add(r);
            return out.size() < limit;
        });
        return out;
    }

    /**
     * Newest first: the store only pages forwards, so the rows before {@code after} are scanned oldest first and
     * the last {@code limit} of them kept (a bounded ring, then reversed). Correct, but a scan per page.
     */
    private List<EventRow> newestFirstPage(EventKey after, int limit, EventQuery query) {
        java.util.ArrayDeque<EventRow> last = new java.util.ArrayDeque<>(limit);
        scan(query, null, r -> {
            if (after != null && r.key().compareTo(after) >= 0) {
                return false;
            }
            if (last.size() == limit) {
                last.removeFirst();
            }
            last.addLast(r);
            return true;
        });
        List<EventRow> out = new ArrayList<>(last);
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public EventKey keyBefore(long index, EventQuery query) {
        if (index <= 0) {
            return null;
        }
        if (query.newestFirst()) {
            // Row index-1 of the newest-first order is row count-index of the oldest-first order.
            long ascending = count(query) - index;
            if (ascending < 0) {
                return null;
            }
            return keyBefore(ascending + 1, new EventQuery(query.filter(), false));
        }
        long[] seen = {0};
        EventKey[] key = {null};
        scan(query, null, r -> {
            key[0] = r.key();
            return ++seen[0] < index;
        });
        return key[0];
    }

    private interface RowSink {
        boolean accept(EventRow row);
    }

    private void scan(EventQuery query, EventKey after, RowSink sink) {
        EventFilter wanted = query.filter();
        io.ransomtrace.app.store.EventFilter sql = toStoreFilter(wanted);
        EventPage.Cursor cursor = after == null ? null : new EventPage.Cursor(micros(after.time()), after.eventId());
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            EventPage page = queries.events(sql, cursor, SCAN_PAGE);
            for (StoredEvent e : page.events()) {
                EventRow r = rows.row(e);
                if (wanted.matches(r) && !sink.accept(r)) {
                    return;
                }
            }
            if (page.next() == null) {
                return;
            }
            cursor = page.next();
        }
    }

    /**
     * The part of the grid's filter SQL can do; the rest is checked with {@link EventFilter#matches}. The quick
     * filter also matches kind, result and source names, which SQL's substring test does not see: Java only.
     */
    io.ransomtrace.app.store.EventFilter toStoreFilter(EventFilter f) {
        io.ransomtrace.app.store.EventFilter s = base;
        if (f.from() != null || f.to() != null) {
            s = s.between(f.from(), f.to());
        }
        if (f.kind() != null) {
            EventKind k = kindNamed(f.kind());
            s = s.ofKinds(Set.of(k == null ? EventKind.OTHER : k));
        }
        String text = f.pathContains() != null ? f.pathContains()
                : f.process() != null && f.processPid() < 0 ? f.process() : null;
        if (text != null) {
            s = s.containing(text);
        }
        return s;
    }

    private static EventKind kindNamed(String name) {
        for (EventKind k : EventKind.values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    private static Map<EventQuery, Long> remembering() {
        return new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<EventQuery, Long> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
