package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.CaseWriter;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventPage;
import io.ransomtrace.app.store.SourceStatus;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.views.events.EventKey;
import io.ransomtrace.views.events.EventQuery;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.events.EventsGrid;
import io.ransomtrace.app.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events grid over a real case file of two million events: its source driven as the grid drives it (count,
 * first pages, a drag to the end, newest first, a drag to the middle), then the real {@link EventsGrid} on
 * screen scrolled to the end and back. Every answer is one page at most and the heap stays flat: nothing loads
 * the case into memory.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MillionsOfEventsGridTest {
    private static final int EVENTS = 2_000_000;
    /** Four events share each millisecond, so the order's tie-break on the event id is exercised everywhere. */
    private static final int PER_MILLI = 4;
    /** Every tenth event is a rename, the rest writes: a kind filter the store counts in SQL. */
    private static final int RENAME_EVERY = 10;
    private static final int PAGE = EventsGrid.PAGE_SIZE;
    /**
     * Far below what holding the case would take (two million rows are several hundred MB), with room for what
     * JavaFX and the JIT keep on the heap as they warm up: 64 MB was exceeded once (74 MB) on a machine at load 20.
     */
    private static final long HEAP_GROWTH_LIMIT = 128L * 1024 * 1024;
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static CaseStore store;
    private static StoreEventPageSource grid;
    /** Events the store handed out through {@link CaseQueries#events}: the grid must read only what it shows. */
    private static final AtomicLong rowsRead = new AtomicLong();
    private static int sourceId;
    private EventsGrid eventsGrid;

    @BeforeAll
    static void writeCase(@TempDir Path tmp) throws Exception {
        long started = System.nanoTime();
        store = CaseStore.create(tmp.resolve("two-million.rtcase"));
        try (CaseWriter writer = store.openWriter()) {
            writer.beginBulk(true);
            try {
                sourceId = writer.beginSource(
                        new CaseWriter.NewSource(tmp.resolve("synthetic-audit.log"), EVENTS, "synthetic", "AUDITD_RAW"),
                        null);
                Actor openssl = Actor.of(4242, 4000, "/usr/bin/openssl");
                for (int i = 0; i < EVENTS; i++) {
                    writer.write(event(i, openssl));
                    if (i % 200_000 == 199_999) {
                        writer.commit(i);
                    }
                }
                writer.finishSource(null, null, SourceStatus.COMPLETE, null, EVENTS, 0);
            } finally {
                writer.endBulk();
            }
        }
        grid = new StoreEventPageSource(counting(store.queries()), new EventRows(store.queries().sources()),
                EventFilter.all());
        System.out.printf("MillionsOfEventsGridTest: wrote %,d events in %d ms%n", EVENTS,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static FileOp event(int ordinal, Actor actor) {
        boolean rename = ordinal % RENAME_EVERY == 0;
        String path = "/srv/share/team" + (ordinal % 50) + "/report" + (ordinal % 997) + ".docx";
        return new FileOp(EventId.of(sourceId, ordinal), T0.plusMillis(ordinal / PER_MILLI), "files-01", actor,
                rename ? FileOpKind.RENAME : FileOpKind.WRITE, path, rename ? path + ".locked" : null,
                OpenFlags.O_WRONLY, 0644, true, 1000 + ordinal % 997, null,
                new Provenance(sourceId, ordinal + 1L, ordinal * 120L, null));
    }

    /** The grid as the workbench shows it, fetching on the FX thread so each step is done when it returns. */
    @Start
    void showGrid(Stage stage) {
        Theme.LIGHT.apply();
        eventsGrid = new EventsGrid(Runnable::run);
        eventsGrid.setSource(grid);
        stage.setScene(new Scene(eventsGrid, 1200, 700));
        stage.show();
    }

    /** The store's queries, counting the events every page query returns. */
    private static CaseQueries counting(CaseQueries real) {
        return (CaseQueries) Proxy.newProxyInstance(CaseQueries.class.getClassLoader(),
                new Class<?>[]{CaseQueries.class}, (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (answer instanceof EventPage page) {
                        rowsRead.addAndGet(page.events().size());
                    }
                    return answer;
                });
    }

    @AfterAll
    static void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void scrollingTwoMillionEventsHoldsOnlyPagesInMemory() {
        long heapBefore = usedHeapAfterGc();
        long started = System.nanoTime();
        long readBefore = rowsRead.get();

        assertThat(grid.count(EventQuery.ALL)).isEqualTo(EVENTS);

        // the first screens, page after page as the analyst scrolls down
        EventKey after = null;
        long expected = 0;
        for (int p = 0; p < 40; p++) {
            List<EventRow> page = grid.page(after, PAGE, EventQuery.ALL);
            expected = assertRun(page, expected, +1);
            after = page.get(page.size() - 1).key();
        }

        // dragged to the bottom: the page before the last row, then nothing after it
        long lastPageStart = EVENTS - PAGE;
        EventKey beforeLast = grid.keyBefore(lastPageStart, EventQuery.ALL);
        List<EventRow> last = grid.page(beforeLast, PAGE, EventQuery.ALL);
        assertRun(last, lastPageStart, +1);
        assertThat(ordinal(last.get(last.size() - 1))).isEqualTo(EVENTS - 1);
        assertThat(grid.page(last.get(last.size() - 1).key(), PAGE, EventQuery.ALL)).isEmpty();

        // newest first from the top, and scrolling on backwards through time
        EventQuery newest = new EventQuery(EventQuery.ALL.filter(), true);
        assertThat(grid.count(newest)).isEqualTo(EVENTS);
        after = null;
        expected = EVENTS - 1;
        for (int p = 0; p < 40; p++) {
            List<EventRow> page = grid.page(after, PAGE, newest);
            expected = assertRun(page, expected, -1);
            after = page.get(page.size() - 1).key();
        }

        // dragged to the middle, both orders, and scrolling on from there
        long middle = EVENTS / 2 + 3; // not on a millisecond boundary: the jump lands between tied rows
        List<EventRow> fromMiddle = grid.page(grid.keyBefore(middle, EventQuery.ALL), PAGE, EventQuery.ALL);
        long next = assertRun(fromMiddle, middle, +1);
        assertRun(grid.page(fromMiddle.get(PAGE - 1).key(), PAGE, EventQuery.ALL), next, +1);
        List<EventRow> fromMiddleNewest = grid.page(grid.keyBefore(middle, newest), PAGE, newest);
        assertRun(fromMiddleNewest, EVENTS - 1 - middle, -1);

        // dragged to the bottom of the newest-first listing: the oldest events, ending with the first one
        List<EventRow> oldest = grid.page(grid.keyBefore(EVENTS - PAGE, newest), PAGE, newest);
        assertRun(oldest, PAGE - 1, -1);
        assertThat(grid.keyBefore(EVENTS + 5, EventQuery.ALL)).isNull();

        // 85 pages were shown: the store read those rows and no more (no walking to count or to jump)
        assertThat(rowsRead.get() - readBefore).isEqualTo(85L * PAGE);

        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        long growth = usedHeapAfterGc() - heapBefore;
        System.out.printf("MillionsOfEventsGridTest: scroll session %d ms, heap growth %,d bytes%n", elapsedMs, growth);
        assertThat(growth).isLessThan(HEAP_GROWTH_LIMIT);
    }

    @Test
    void aKindFilterIsCountedAndJumpedInSql() {
        var renames = new EventQuery(io.ransomtrace.views.events.GridFilter.NONE.withKind("rename"), false);
        assertThat(grid.count(renames)).isEqualTo(EVENTS / RENAME_EVERY);

        long index = EVENTS / RENAME_EVERY - 10;
        List<EventRow> page = grid.page(grid.keyBefore(index, renames), PAGE, renames);
        assertThat(page).hasSize(10).allSatisfy(r -> assertThat(r.kind()).isEqualTo("RENAME"));
        assertThat(page).extracting(MillionsOfEventsGridTest::ordinal)
                .containsExactly(java.util.stream.LongStream.range(0, 10)
                        .map(i -> (index + i) * RENAME_EVERY).boxed().toArray(Long[]::new));

        // a filter SQL cannot express exactly (a pid) is still answered, page-bounded, by the Java test
        var byPid = new EventQuery(io.ransomtrace.views.events.GridFilter.NONE.withProcess("4242"), true);
        assertRun(grid.page(null, PAGE, byPid), EVENTS - 1, -1);
    }

    @Test
    void theEventsGridScrollsTheCaseToTheEndAndBackAndNewestFirst(FxRobot robot) {
        long heapBefore = usedHeapAfterGc();
        long readBefore = rowsRead.get();
        long started = System.nanoTime();
        assertThat(eventsGrid.size()).isEqualTo(EVENTS);
        int onScreen = eventsGrid.visibleRows().size();
        assertThat(onScreen).isPositive();

        // drags of the scroll bar down to the end, then back to the top
        int steps = 10;
        for (int i = 0; i <= steps; i++) {
            long index = (EVENTS - 1L) * i / steps;
            robot.interact(() -> eventsGrid.scrollToIndex(index));
            assertShowsFrom(Math.min(index, EVENTS - onScreen), +1);
        }
        for (int i = steps; i >= 0; i--) {
            long index = (EVENTS - 1L) * i / steps;
            robot.interact(() -> eventsGrid.scrollToIndex(index));
        }
        assertShowsFrom(0, +1);

        // the time column sorted newest first: the last event on top, then a drag to the oldest.
        robot.clickOn("Time (UTC)");
        robot.clickOn("Time (UTC)");
        assertThat(eventsGrid.isNewestFirst()).isTrue();
        assertThat(eventsGrid.size()).isEqualTo(EVENTS);
        assertShowsFrom(0, -1);
        robot.interact(() -> eventsGrid.scrollToIndex(EVENTS - 1));
        assertShowsFrom(EVENTS - onScreen, -1);
        assertThat(ordinal(eventsGrid.visibleRows().get(onScreen - 1))).isZero();

        // screen by screen back through time from the middle, with the keyboard
        robot.interact(() -> {
            eventsGrid.scrollToIndex(EVENTS / 2);
            eventsGrid.selectIndex(EVENTS / 2);
        });
        robot.interact(() -> eventsGrid.table().requestFocus());
        for (int i = 0; i < 8; i++) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        assertThat(ordinal(eventsGrid.selectedEventProperty().get()))
                .isEqualTo(EVENTS - 1 - (EVENTS / 2 + 8L * onScreen));

        assertThat(eventsGrid.rows().pagesHeld()).isLessThanOrEqualTo(EventsGrid.MAX_PAGES);
        long read = rowsRead.get() - readBefore;
        assertThat(read).as("rows read from the store").isLessThan(EVENTS / 100);
        long growth = usedHeapAfterGc() - heapBefore;
        System.out.printf("MillionsOfEventsGridTest: grid on screen %d ms, %,d rows read, heap growth %,d bytes%n",
                (System.nanoTime() - started) / 1_000_000, read, growth);
        assertThat(growth).isLessThan(HEAP_GROWTH_LIMIT);
    }

    /** The grid shows consecutive events from grid position {@code first}, in time order or newest first. */
    private void assertShowsFrom(long first, int step) {
        assertThat(eventsGrid.firstVisibleIndex()).isEqualTo(first);
        long want = step > 0 ? first : EVENTS - 1 - first;
        for (EventRow r : eventsGrid.visibleRows()) {
            assertThat(ordinal(r)).isEqualTo(want);
            want += step;
        }
    }

    /** The page is full and its ids follow on from {@code first} in the given direction; returns the next id. */
    private static long assertRun(List<EventRow> page, long first, int step) {
        assertThat(page).hasSize(PAGE);
        long want = first;
        for (EventRow r : page) {
            assertThat(ordinal(r)).isEqualTo(want);
            assertThat(r.time()).isEqualTo(T0.plusMillis(want / PER_MILLI));
            want += step;
        }
        return want;
    }

    private static long ordinal(EventRow r) {
        assertThat(EventId.sourceOf(r.eventId())).isEqualTo(sourceId);
        return EventId.ordinalOf(r.eventId());
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
