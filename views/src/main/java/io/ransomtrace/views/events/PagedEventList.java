package io.ransomtrace.views.events;

import javafx.application.Platform;
import javafx.collections.ObservableListBase;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A fixed-size, read-only list of a query's events that holds only a few pages: the TableView asks for rows
 * by index, this list answers from an LRU of pages and fetches missing pages from the {@link EventPageSource}.
 *
 * <p>Pages are fetched on {@code fetcher}; until one arrives its rows read as null (drawn as blank rows) and
 * {@code onPageArrived} is told when it lands so the table can repaint. With an inline fetcher
 * ({@code Runnable::run}) rows are fetched synchronously. A page is fetched by keyset from the last key of
 * the page before it when that is known, otherwise the source is asked for the key before it (a jump).
 */
public final class PagedEventList extends ObservableListBase<EventRow> {
    private final EventPageSource source;
    private final EventQuery query;
    private final int size;
    private final int pageSize;
    private final int maxPages;
    private final Executor fetcher;
    private final Map<Integer, List<EventRow>> pages;
    /** Last key of page p-1, by p: lets page p be fetched by keyset later. Bounded like the pages. */
    private final Map<Integer, EventKey> boundaries;
    private final Set<Integer> loading = new HashSet<>();
    private volatile int wantedPage;
    private Runnable onPageArrived = () -> { };
    private long pagesFetched;
    private long jumps;
    /** True while get() fetches: an inline fetch answers get() itself, no repaint needed. */
    private boolean inGet;

    public PagedEventList(EventPageSource source, EventQuery query, long size, int pageSize, int maxPages,
                          Executor fetcher) {
        this.source = source;
        this.query = query;
        this.size = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, size));
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.fetcher = fetcher;
        this.pages = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<EventRow>> eldest) {
                return size() > PagedEventList.this.maxPages;
            }
        };
        int maxBoundaries = 4096;
        this.boundaries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, EventKey> eldest) {
                return size() > maxBoundaries;
            }
        };
    }

    public void setOnPageArrived(Runnable r) {
        onPageArrived = r == null ? () -> { } : r;
    }

    public EventQuery query() {
        return query;
    }

    @Override
    public int size() {
        return size;
    }

    /** The row at {@code index}, or null while its page is being fetched. */
    @Override
    public EventRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int p = index / pageSize;
        wantedPage = p;
        List<EventRow> page = pages.get(p);
        if (page == null) {
            inGet = true;
            try {
                fetch(p);
            } finally {
                inGet = false;
            }
            page = pages.get(p);
            if (page == null) {
                return null;
            }
        }
        int offset = index - p * pageSize;
        return offset < page.size() ? page.get(offset) : null;
    }

    /** Pages held right now (never more than the LRU capacity). */
    public int pagesHeld() {
        return pages.size();
    }

    /** Pages fetched from the source since this list was made. */
    public long pagesFetched() {
        return pagesFetched;
    }

    /** Fetches that needed {@link EventPageSource#keyBefore} (far jumps). */
    public long jumps() {
        return jumps;
    }

    private void fetch(int p) {
        if (!loading.add(p)) {
            return;
        }
        EventKey known = p == 0 ? null : knownKeyBefore(p);
        boolean needsSeek = p > 0 && known == null;
        Thread caller = Thread.currentThread();
        fetcher.execute(() -> {
            // An inline fetcher runs this inside get(): install directly, on whatever thread asked.
            boolean inline = Thread.currentThread() == caller && inGet;
            if (Math.abs(p - wantedPage) > maxPages) {
                // The analyst scrolled on; the page would be evicted before anyone looked at it.
                deliver(inline, () -> loading.remove(p));
                return;
            }
            List<EventRow> rows;
            try {
                EventKey after = needsSeek ? source.keyBefore((long) p * pageSize, query) : known;
                rows = List.copyOf(source.page(after, pageSize, query));
            } catch (RuntimeException e) {
                rows = List.of();
            }
            List<EventRow> fetched = rows;
            deliver(inline, () -> install(p, fetched, needsSeek));
        });
    }

    private static void deliver(boolean inline, Runnable r) {
        if (inline || Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private void install(int p, List<EventRow> rows, boolean wasJump) {
        boolean expected = loading.contains(p) && pages.get(p) == null;
        loading.remove(p);
        if (!expected) {
            return;
        }
        pagesFetched++;
        if (wasJump) {
            jumps++;
        }
        pages.put(p, rows);
        if (!rows.isEmpty()) {
            boundaries.put(p + 1, rows.get(rows.size() - 1).key());
        }
        if (!inGet) {
            onPageArrived.run();
        }
    }

    private EventKey knownKeyBefore(int p) {
        List<EventRow> previous = pages.get(p - 1);
        if (previous != null && !previous.isEmpty()) {
            return previous.get(previous.size() - 1).key();
        }
        return boundaries.get(p);
    }
}
