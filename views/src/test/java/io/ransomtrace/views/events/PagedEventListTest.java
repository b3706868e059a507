package io.ransomtrace.views.events;

import io.ransomtrace.views.testdata.GeneratedEventSource;
import io.ransomtrace.views.testdata.ListEventSource;
import io.ransomtrace.views.testdata.SyntheticCase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PagedEventListTest {

    @Test
    void rowsReadInOrderComeFromKeysetPagesWithoutSeeking() {
        GeneratedEventSource source = new GeneratedEventSource(10_000);
        PagedEventList list = new PagedEventList(source, EventQuery.ALL, 10_000, 100, 4, Runnable::run);
        for (int i = 0; i < 10_000; i++) {
            assertThat(list.get(i).eventId()).isEqualTo(i);
        }
        assertThat(source.pageCalls.get()).isEqualTo(100);
        assertThat(source.seekCalls.get()).isZero();
        assertThat(list.pagesHeld()).isLessThanOrEqualTo(4);
    }

    @Test
    void aFarJumpSeeksOnceThenContinuesByKeyset() {
        GeneratedEventSource source = new GeneratedEventSource(5_000_000);
        PagedEventList list = new PagedEventList(source, EventQuery.ALL, 5_000_000, 256, 6, Runnable::run);
        assertThat(list.get(4_999_999).eventId()).isEqualTo(4_999_999);
        assertThat(list.get(3_000_001).time()).isEqualTo(GeneratedEventSource.T0.plusMillis(3_000_001));
        long seeks = source.seekCalls.get();
        assertThat(seeks).isEqualTo(2);
        // Reading on from the jump uses the previous page's last key: no more seeks.
        for (int i = 3_000_001; i < 3_010_000; i++) {
            assertThat(list.get(i).eventId()).isEqualTo(i);
        }
        assertThat(source.seekCalls.get()).isEqualTo(seeks);
        assertThat(list.pagesHeld()).isLessThanOrEqualTo(6);
    }

    @Test
    void scrollingBackwardsReusesRememberedPageBoundaries() {
        GeneratedEventSource source = new GeneratedEventSource(100_000);
        PagedEventList list = new PagedEventList(source, EventQuery.ALL, 100_000, 100, 3, Runnable::run);
        for (int i = 0; i < 5_000; i++) {
            list.get(i);
        }
        for (int i = 4_999; i >= 0; i--) {
            assertThat(list.get(i).eventId()).isEqualTo(i);
        }
        assertThat(source.seekCalls.get()).isZero();
    }

    @Test
    void newestFirstReversesTheOrder() {
        GeneratedEventSource source = new GeneratedEventSource(1_000);
        PagedEventList list = new PagedEventList(source, new EventQuery(GridFilter.NONE, true), 1_000, 64, 4,
                Runnable::run);
        assertThat(list.get(0).eventId()).isEqualTo(999);
        assertThat(list.get(999).eventId()).isEqualTo(0);
        assertThat(list.get(500).eventId()).isEqualTo(499);
    }

    @Test
    void filteredListingMatchesTheFilterRowForRow() {
        ListEventSource source = new ListEventSource(SyntheticCase.events());
        EventQuery q = new EventQuery(GridFilter.NONE.withKind("RENAME").withPathContains("/finance/"), false);
        long n = source.count(q);
        PagedEventList list = new PagedEventList(source, q, n, 7, 2, Runnable::run);
        List<EventRow> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rows.add(list.get(i));
        }
        assertThat(rows).isNotEmpty().allMatch(r -> r.kind().equals("RENAME") && r.path().contains("/finance/"));
        assertThat(rows).isSortedAccordingTo(java.util.Comparator.comparing(EventRow::key));
        assertThat(rows).hasSize((int) SyntheticCase.events().stream().filter(q.filter()::matches).count());
    }

    @Test
    void aFailingSourceGivesBlankRowsInsteadOfAnException() {
        EventPageSource broken = new EventPageSource() {
            @Override
            public long count(EventQuery query) {
                return 10;
            }

            @Override
            public List<EventRow> page(EventKey after, int limit, EventQuery query) {
                throw new IllegalStateException("database is locked");
            }

            @Override
            public EventKey keyBefore(long index, EventQuery query) {
                return null;
            }
        };
        PagedEventList list = new PagedEventList(broken, EventQuery.ALL, 10, 5, 2, Runnable::run);
        assertThat(list.get(3)).isNull();
    }
}
