package io.ransomtrace.views.events;

import java.util.List;

/**
 * Where the events grid reads rows: keyset paging over the case store, so scrolling through millions of
 * events holds only a few pages in memory and never uses large OFFSETs while scrolling. Called off the
 * JavaFX thread.
 *
 * <p>Order is by {@link EventKey} (time, then event id), ascending, or descending when
 * {@link EventQuery#newestFirst()}.
 */
public interface EventPageSource {

    /** How many events match the query. */
    long count(EventQuery query);

    /**
     * Up to {@code limit} matching rows that come strictly after {@code after} in the query's order
     * ({@code after == null}: from the first row).
     */
    List<EventRow> page(EventKey after, int limit, EventQuery query);

    /**
     * The key of the row just before position {@code index} (0-based) in the query's order, or null for
     * index 0. Used only when the analyst jumps far (drags the scroll bar) to a page whose predecessor is not
     * known; an implementation may use an OFFSET query here.
     */
    EventKey keyBefore(long index, EventQuery query);

    /**
     * Where the row with {@code key} is in the query's order (0-based), or -1 when it is not listed or lies beyond
     * {@code limit} rows. The default pages through from the first row; a store may answer with a count.
     */
    default long indexOf(EventKey key, EventQuery query, long limit) {
        long index = 0;
        EventKey after = null;
        while (index < limit) {
            List<EventRow> page = page(after, 1000, query);
            if (page.isEmpty()) {
                return -1;
            }
            for (EventRow r : page) {
                if (r.key().equals(key)) {
                    return index;
                }
                index++;
            }
            after = page.get(page.size() - 1).key();
        }
        return -1;
    }
}
