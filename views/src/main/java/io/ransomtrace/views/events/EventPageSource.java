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
}
