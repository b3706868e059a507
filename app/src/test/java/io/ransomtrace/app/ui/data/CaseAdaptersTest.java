package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.casefile.CaseSettings;
import io.ransomtrace.app.casefile.TaskProgress;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImporterCatalog;
import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventPage;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.app.ui.SampleCaseLogs;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.views.events.EventKey;
import io.ransomtrace.views.events.EventQuery;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.spread.DirectoryStat;
import io.ransomtrace.views.timeline.TimelineData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapters from the case store to the views, on the recorded mixed-workday case. */
class CaseAdaptersTest {
    private static CaseSession session;
    private static CaseQueries q;
    private static EventRows rows;
    private static Finding attack;

    @BeforeAll
    static void importSample(@TempDir Path tmp) throws Exception {
        Path logs = SampleCaseLogs.mixedWorkday();
        session = CaseSession.create(tmp.resolve("mixed.rtcase"));
        session.importLogs(List.of(logs), ImporterCatalog.builtIn(), ImportOptions.defaults(),
                ImportProgressListener.NONE, new Cancellation());
        q = session.queries();
        rows = new EventRows(q.sources());
        attack = session.analyse(CaseSettings.defaults(), TaskProgress.NONE).findings().stream()
                .max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    @AfterAll
    static void close() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    private static List<EventRow> everything() {
        List<EventRow> all = new ArrayList<>();
        EventPage.Cursor c = null;
        do {
            EventPage p = q.events(EventFilter.all(), c, 5000);
            p.events().forEach(e -> all.add(rows.row(e)));
            c = p.next();
        } while (c != null);
        return all;
    }

    @Test
    void keysetPagesFollowEachOtherAndCountMatchesTheGridFilter() {
        StoreEventPageSource src = new StoreEventPageSource(q, rows, EventFilter.all());
        List<EventRow> all = everything();
        assertThat(src.count(EventQuery.ALL)).isEqualTo(all.size());

        List<EventRow> paged = new ArrayList<>();
        EventKey after = null;
        List<EventRow> page;
        while (!(page = src.page(after, 97, EventQuery.ALL)).isEmpty()) {
            paged.addAll(page);
            after = page.get(page.size() - 1).key();
        }
        assertThat(paged).isEqualTo(all);
        assertThat(src.keyBefore(500, EventQuery.ALL)).isEqualTo(all.get(499).key());

        // Newest first: the same rows backwards, page after page, and far jumps land on the right row.
        EventQuery newest = new EventQuery(io.ransomtrace.views.events.GridFilter.NONE, true);
        List<EventRow> backwards = new ArrayList<>();
        after = null;
        while (!(page = src.page(after, 500, newest)).isEmpty()) {
            backwards.addAll(page);
            after = page.get(page.size() - 1).key();
        }
        List<EventRow> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        assertThat(backwards).isEqualTo(reversed);
        assertThat(src.keyBefore(10, newest)).isEqualTo(reversed.get(9).key());

        // Renames to the attack's suffix: the grid's "contains" filters, exactly as the in-memory test says.
        var filter = io.ransomtrace.views.events.GridFilter.NONE.withKind("RENAME").withPathContains(".rtx");
        EventQuery renames = new EventQuery(filter, false);
        long expected = all.stream().filter(filter::matches).count();
        assertThat(expected).isGreaterThanOrEqualTo(attack.filesAffected() / 2);
        assertThat(src.count(renames)).isEqualTo(expected);
        assertThat(src.page(null, 1000, renames)).isEqualTo(all.stream().filter(filter::matches).toList());

        // Quick filter on the source file name: checked in Java, not in SQL.
        var bySource = io.ransomtrace.views.events.GridFilter.NONE.withQuickText(all.get(0).source());
        assertThat(src.count(new EventQuery(bySource, false))).isEqualTo(all.stream().filter(bySource::matches).count());
    }

    @Test
    void theCampaignRootIsFoundAndItsLineageAndNotesFeedTheViews() {
        Optional<ProcessNode> root = session.campaigns().root(attack);
        assertThat(root).hasValueSatisfying(r -> {
            assertThat(r.pid()).isEqualTo(attack.rootProcess().pid());
            assertThat(r.host()).isEqualTo(attack.host());
        });
        CampaignView v = CampaignView.of(session, rows, attack);
        assertThat(v.chain()).endsWith(String.valueOf(root.get().key())).hasSizeGreaterThan(1);
        List<DirectoryStat> noted = v.directories().stream().filter(d -> d.notes() > 0).toList();
        assertThat(noted).extracting(DirectoryStat::path).containsExactlyInAnyOrderElementsOf(attack.notes().directories());
        assertThat(v.directories().stream().mapToLong(DirectoryStat::filesEncrypted).sum())
                .isGreaterThanOrEqualTo(attack.filesAffected());

        TimelineData data = new StoreBucketSupplier(q, v.scope(), v.markers()).bucketsFor(v.from(), v.to(), 200);
        assertThat(data.buckets()).hasSizeLessThanOrEqualTo(200);
        assertThat(data.buckets().stream().mapToLong(b -> b.write() + b.rename()).sum())
                .isGreaterThanOrEqualTo(attack.filesAffected());
        assertThat(data.markers()).extracting(m -> m.kind().name())
                .contains("FIRST_EVENT", "FIRST_ALERT", "FIRST_NOTE");

        StoreProcessSource tree = new StoreProcessSource(q, java.util.Map.of());
        assertThat(tree.search(attack.host(), "kworker-sync")).anySatisfy(path ->
                assertThat(path).isEqualTo(v.chain()));
    }

    @Test
    void evidenceRowsNameTheirSourceAndLine() {
        StoredEvent e = q.event(attack.evidence().get(0).eventId()).orElseThrow();
        EventRow r = rows.row(e);
        assertThat(r.source()).startsWith("audit.log");
        assertThat(r.line()).isPositive();
        assertThat(rows.evidence(e).summary()).contains("[" + r.pid() + "]");
    }
}
