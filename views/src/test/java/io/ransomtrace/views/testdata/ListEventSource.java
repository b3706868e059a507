package io.ransomtrace.views.testdata;

import io.ransomtrace.views.events.EventKey;
import io.ransomtrace.views.events.EventPageSource;
import io.ransomtrace.views.events.EventQuery;
import io.ransomtrace.views.events.EventRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Events held in a list, filtered with {@link io.ransomtrace.views.events.GridFilter#matches}: small cases. */
public final class ListEventSource implements EventPageSource {
    private final List<EventRow> rows;

    public ListEventSource(List<EventRow> rows) {
        this.rows = new ArrayList<>(rows);
        this.rows.sort(Comparator.comparing(EventRow::key));
    }

    private List<EventRow> matching(EventQuery q) {
        List<EventRow> m = new ArrayList<>(rows.stream().filter(q.filter()::matches).toList());
        if (q.newestFirst()) {
            java.util.Collections.reverse(m);
        }
        return m;
    }

    @Override
    public long count(EventQuery query) {
        return rows.stream().filter(query.filter()::matches).count();
    }

    @Override
    public List<EventRow> page(EventKey after, int limit, EventQuery query) {
        List<EventRow> out = new ArrayList<>();
        for (EventRow r : matching(query)) {
            if (after != null) {
                int c = r.key().compareTo(after);
                if (query.newestFirst() ? c >= 0 : c <= 0) {
                    continue;
                }
            }
            out.add(r);
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    @Override
    public EventKey keyBefore(long index, EventQuery query) {
        return index <= 0 ? null : matching(query).get((int) index - 1).key();
    }
}
