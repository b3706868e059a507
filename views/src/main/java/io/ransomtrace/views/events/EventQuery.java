package io.ransomtrace.views.events;

/** A filter plus an order: what one grid listing asks the case store for. */
public record EventQuery(GridFilter filter, boolean newestFirst) {
    public static final EventQuery ALL = new EventQuery(GridFilter.NONE, false);
}
