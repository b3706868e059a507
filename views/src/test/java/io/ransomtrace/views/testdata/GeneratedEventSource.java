package io.ransomtrace.views.testdata;

import io.ransomtrace.views.events.EventKey;
import io.ransomtrace.views.events.EventPageSource;
import io.ransomtrace.views.events.EventQuery;
import io.ransomtrace.views.events.EventRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A case of {@code n} events that exist only when asked for: row i happens at T0 + i ms and has event id i.
 * Stands in for a multi-million-event case store without holding anything in memory; counts what it is asked.
 * Ignores filters (the grid's memory behaviour is the point).
 */
public final class GeneratedEventSource implements EventPageSource {
    public static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");
    private static final String[] KINDS = {"WRITE", "WRITE", "WRITE", "RENAME", "CREATE", "DELETE"};
    private final long n;
    public final AtomicLong pageCalls = new AtomicLong();
    public final AtomicLong rowsServed = new AtomicLong();
    public final AtomicLong seekCalls = new AtomicLong();

    public GeneratedEventSource(long n) {
        this.n = n;
    }

    public static EventRow row(long i) {
        String kind = KINDS[(int) (i % KINDS.length)];
        String path = "/srv/share/dept" + (i % 97) + "/file" + i + ".docx";
        return new EventRow(i, T0.plusMillis(i), "fs01", 4242, "/usr/bin/python3", kind, path,
                kind.equals("RENAME") ? path + ".locked" : null, "ok", "audit.log", i + 1);
    }

    @Override
    public long count(EventQuery query) {
        return n;
    }

    @Override
    public List<EventRow> page(EventKey after, int limit, EventQuery query) {
        pageCalls.incrementAndGet();
        List<EventRow> rows = new ArrayList<>(limit);
        if (query.newestFirst()) {
            long start = after == null ? n - 1 : after.eventId() - 1;
            for (long i = start; i >= 0 && rows.size() < limit; i--) {
                rows.add(row(i));
            }
        } else {
            long start = after == null ? 0 : after.eventId() + 1;
            for (long i = start; i < n && rows.size() < limit; i++) {
                rows.add(row(i));
            }
        }
        rowsServed.addAndGet(rows.size());
        return rows;
    }

    @Override
    public EventKey keyBefore(long index, EventQuery query) {
        seekCalls.incrementAndGet();
        if (index <= 0) {
            return null;
        }
        long id = query.newestFirst() ? n - index : index - 1;
        return row(id).key();
    }
}
