package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventKind;
import io.ransomtrace.app.store.EventPage;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.views.process.ProcessRow;
import io.ransomtrace.views.process.ProcessSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process tree over the case store, one level per query. Row keys are the store's process keys as text.
 * Search asks the store for exec events whose exe or command line contains the text, then climbs each
 * process's ancestors, so it never walks the whole tree.
 */
public final class StoreProcessSource implements ProcessSource {
    /** Most roots or search hits listed at once: a host with more is narrowed with search. */
    public static final int LIMIT = 5000;

    private final CaseQueries queries;
    private final Map<Long, Set<String>> badges;
    private final Map<Long, Set<String>> tags;
    private final Map<String, Integer> childCounts = new ConcurrentHashMap<>();
    /** User names by uid on the host shown, for login uids no login record named. */
    private Map<Long, String> names = Map.of();

    /** @param badges signal badges per process key (the roots of the findings' campaigns) */
    public StoreProcessSource(CaseQueries queries, Map<Long, Set<String>> badges) {
        this(queries, badges, Map.of());
    }

    /**
     * @param badges signal badges per process key (the roots of the findings' campaigns)
     * @param tags   the analyst's tags per process key
     */
    public StoreProcessSource(CaseQueries queries, Map<Long, Set<String>> badges, Map<Long, Set<String>> tags) {
        this.queries = queries;
        this.badges = Map.copyOf(badges);
        this.tags = Map.copyOf(tags);
    }

    @Override
    public List<ProcessRow> roots(String host) {
        names = queries.userNames(host);
        return rows(queries.rootProcesses(host, LIMIT));
    }

    @Override
    public List<ProcessRow> children(ProcessRow parent) {
        return rows(queries.children(Long.parseLong(parent.key())));
    }

    @Override
    public boolean hasChildren(ProcessRow p) {
        Integer n = childCounts.get(p.key());
        return n == null ? !children(p).isEmpty() : n > 0;
    }

    @Override
    public List<List<String>> search(String host, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<Long> hits = new LinkedHashSet<>();
        String t = text.strip();
        if (t.chars().allMatch(Character::isDigit) && t.length() < 10) {
            int pid = Integer.parseInt(t);
            collect(EventFilter.all().onHost(host).ofKinds(Set.of(EventKind.EXEC)), hits,
                    e -> e.event().actor().pid() == pid);
        }
        collect(EventFilter.all().onHost(host).ofKinds(Set.of(EventKind.EXEC)).containing(t), hits, e -> true);
        List<List<String>> out = new ArrayList<>();
        for (long key : hits) {
            out.add(chainTo(key));
        }
        return out;
    }

    /** Keys from the oldest known ancestor down to {@code key}: what {@code highlightLineage} expects. */
    public List<String> chainTo(long key) {
        List<ProcessNode> up = queries.ancestors(key);
        List<String> chain = new ArrayList<>(up.size() + 1);
        for (int i = up.size() - 1; i >= 0; i--) {
            chain.add(String.valueOf(up.get(i).key()));
        }
        chain.add(String.valueOf(key));
        return chain;
    }

    private interface Match {
        boolean test(StoredEvent e);
    }

    private void collect(EventFilter filter, Set<Long> hits, Match match) {
        EventPage.Cursor cursor = null;
        do {
            EventPage page = queries.events(filter, cursor, 1000);
            for (StoredEvent e : page.events()) {
                if (e.processKey() != null && match.test(e)) {
                    hits.add(e.processKey());
                    if (hits.size() >= LIMIT) {
                        return;
                    }
                }
            }
            cursor = page.next();
        } while (cursor != null);
    }

    private List<ProcessRow> rows(List<ProcessNode> nodes) {
        List<ProcessRow> out = new ArrayList<>(nodes.size());
        for (ProcessNode n : nodes) {
            ProcessRow r = row(n);
            childCounts.put(r.key(), n.children());
            out.add(r);
        }
        return out;
    }

    public ProcessRow row(ProcessNode n) {
        Credentials c = n.credentials();
        String user = c == null ? null : c.user() != null ? c.user() : c.euid() >= 0 ? "uid " + c.euid() : null;
        String login = c == null ? null : c.loginUser() != null ? c.loginUser()
                : c.loginUid() >= 0 && c.loginUid() != 4294967295L
                ? names.getOrDefault(c.loginUid(), "uid " + c.loginUid()) : null;
        return new ProcessRow(String.valueOf(n.key()), n.pid(), n.ppid(), n.exe() != null ? n.exe() : n.comm(),
                n.commandLine(), user, login, n.start() != null ? n.start() : n.firstSeen(), n.exit(), queries.filesModified(n.key()),
                badges.getOrDefault(n.key(), Set.of()), tags.getOrDefault(n.key(), Set.of()),
                Boolean.FALSE.equals(n.execSuccess()));
    }
}
