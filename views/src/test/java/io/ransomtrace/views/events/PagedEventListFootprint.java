package io.ransomtrace.views.events;

import io.ransomtrace.views.testdata.GeneratedEventSource;

/**
 * Not a test: reads a generated 5,000,000-event listing the way the grid does (jumps end to end, then screen by
 * screen) and prints what it cost: pages fetched, seeks, rows served, heap used. Run:
 * <pre>
 * java -Xmx256m -cp views/target/test-classes:views/target/classes:$(cat /tmp/views-cp.txt) \
 *     io.ransomtrace.views.events.PagedEventListFootprint
 * </pre>
 */
public final class PagedEventListFootprint {
    private PagedEventListFootprint() {
    }

    public static void main(String[] args) {
        long n = 5_000_000;
        int screen = 40;
        GeneratedEventSource source = new GeneratedEventSource(n);
        PagedEventList list = new PagedEventList(source, EventQuery.ALL, n, EventsGrid.PAGE_SIZE, EventsGrid.MAX_PAGES,
                Runnable::run);
        long before = usedHeap();
        for (int step = 0; step <= 100; step++) {          // drag the scroll bar top to bottom
            long top = Math.min(n - screen, (n - 1) * step / 100);
            for (long i = top; i < top + screen; i++) {
                list.get((int) i);
            }
        }
        for (long top = 0; top + screen <= n; top += screen) { // then page down through the whole case
            for (long i = top; i < top + screen; i++) {
                list.get((int) i);
            }
        }
        long after = usedHeap();
        System.out.printf("events %,d  page %d rows  pages held %d (max %d)%n", n, EventsGrid.PAGE_SIZE,
                list.pagesHeld(), EventsGrid.MAX_PAGES);
        System.out.printf("pages fetched %,d  seeks %,d  rows served %,d%n", source.pageCalls.get(),
                source.seekCalls.get(), source.rowsServed.get());
        System.out.printf("heap used before %,d KB, after %,d KB%n", before / 1024, after / 1024);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
