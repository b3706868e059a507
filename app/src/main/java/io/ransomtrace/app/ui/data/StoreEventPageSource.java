package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventKind;
import io.ransomtrace.app.store.EventPage;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.views.events.EventKey;
import io.ransomtrace.views.events.EventPageSource;
import io.ransomtrace.views.events.EventQuery;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.events.GridFilter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events grid over the case store: keyset pages of {@link CaseQueries#events}, oldest or newest first. The
 * grid's filter is handed to SQL as far as the store's filter can express it (time range, kind, one substring),
 * and checked exactly in Java on the rows that come back (the grid's filters are "contains" tests the store has
 * no column for).
 *
 * <p>When SQL expresses the grid's filter exactly (no filter, a time range, a kind), {@link #count} is one SQL
 * COUNT and {@link #keyBefore} one OFFSET query. Otherwise SQL would count rows the Java test drops, so both
 * walk the matching rows page by page (keyset, so memory stays flat) and the last few counts are remembered.
 */
public final class StoreEventPageSource implements EventPageSource {
    private static final int SCAN_PAGE = 2000;
    private static final int REMEMBERED = 16;
    private static final Set<EventKind> FILE_OPERATIONS = java.util.EnumSet.range(EventKind.CREATE, EventKind.RMDIR);

    private final CaseQueries queries;
    private final EventRows rows;
    private final EventFilter base;
    private final Map<EventQuery, Long> counts = remembering();

    /** @param base what every listing is narrowed to (a host, or everything) */
    public StoreEventPageSource(CaseQueries queries, EventRows rows, EventFilter base) {
        this.queries = queries;
        this.rows = rows;
        this.base = base;
    }

    @Override
    public long count(EventQuery query) {
        if (sqlIsExact(query.filter())) {
            return queries.count(toStoreFilter(query.filter()));
        }
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
        List<EventRow> out = new ArrayList<>(limit);
        if (limit <= 0) {
            return out;
        }
        // an exact SQL filter keeps every row read: read just the page (2000 joined rows per screen would be waste)
        int batch = sqlIsExact(query.filter()) ? limit : Math.max(limit, SCAN_PAGE);
        scan(query, after, batch, r -> {
            out.add(r);
            return out.size() < limit;
        });
        return out;
    }

    @Override
    public EventKey keyBefore(long index, EventQuery query) {
        if (index <= 0) {
            return null;
        }
        if (sqlIsExact(query.filter())) {
            return queries.keyAt(toStoreFilter(query.filter()), index - 1, query.newestFirst())
                    .map(c -> new EventKey(instant(c.timeMicros()), c.eventId())).orElse(null);
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

    /** Matching rows in the query's order, strictly beyond {@code after}, until the sink has enough. */
    private void scan(EventQuery query, EventKey after, RowSink sink) {
        scan(query, after, SCAN_PAGE, sink);
    }

    private void scan(EventQuery query, EventKey after, int batch, RowSink sink) {
        GridFilter wanted = query.filter();
        EventFilter sql = toStoreFilter(wanted);
        boolean exact = sqlIsExact(wanted);
        EventPage.Cursor cursor = after == null ? null : new EventPage.Cursor(micros(after.time()), after.eventId());
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            EventPage page = queries.events(sql, cursor, batch, query.newestFirst());
            for (StoredEvent e : page.events()) {
                EventRow r = rows.row(e);
                if ((exact || wanted.matches(r)) && !sink.accept(r)) {
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
     * Whether {@link #toStoreFilter} selects exactly the rows {@link GridFilter#matches} keeps, so SQL may count
     * and skip. The text criteria are wider in SQL (one substring over several columns), a pid is not in SQL
     * at all, and OTHER rows show their record type as kind; times must fit the store's microseconds.
     */
    static boolean sqlIsExact(GridFilter f) {
        if (f.pathContains() != null || f.process() != null || f.quickText() != null) {
            return false;
        }
        if (f.kind() != null && !GridFilter.FILE_OPERATIONS.equals(f.kind())) {
            EventKind k = kindNamed(f.kind());
            if (k == null || k == EventKind.OTHER) {
                return false;
            }
        }
        return onMicros(f.from()) && onMicros(f.to());
    }

    private static boolean onMicros(Instant t) {
        return t == null || t.getNano() % 1000 == 0;
    }

    /**
     * The part of the grid's filter SQL can do; the rest is checked with {@link GridFilter#matches}. The quick
     * filter also matches kind, result and source names, which SQL's substring test does not see: Java only.
     */
    EventFilter toStoreFilter(GridFilter f) {
        EventFilter s = base;
        if (f.from() != null || f.to() != null) {
            s = s.between(f.from(), f.to());
        }
        if (GridFilter.FILE_OPERATIONS.equals(f.kind())) {
            s = s.ofKinds(FILE_OPERATIONS);
        } else if (f.kind() != null) {
            EventKind k = kindNamed(f.kind());
            s = s.ofKinds(Set.of(k == null ? EventKind.OTHER : k));
        }
        if (f.host() != null) {
            s = s.onHost(f.host());
        }
        if (f.source() != null) {
            Set<Integer> ids = rows.sourceIds(f.source());
            // No source of that name: nothing can match (an id no source has).
            s = s.fromSources(ids.isEmpty() ? Set.of(-1) : ids);
        }
        if (f.outcome() != null) {
            s = s.withOutcome(!GridFilter.FAILED.equals(f.outcome()));
        }
        if (f.processKey() != null) {
            long key = Long.parseLong(f.processKey());
            s = f.withChildren() ? s.ofLineage(key) : s.ofProcess(key);
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

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
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
