package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.process.ProcessInfo;
import io.ransomtrace.engine.process.ProcessRole;
import io.ransomtrace.engine.process.ProcessTable;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.signal.ToolUse;
import io.ransomtrace.engine.snapshot.FindingCodec;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps one {@link Campaign} per campaign root, scores it after every event it receives, raises early
 * alerts when its severity climbs, and closes idle campaigns into findings so memory stays bounded.
 */
public final class CampaignTracker {
    private final CampaignSettings settings;
    private final PathMemory memory = new PathMemory();
    private final SeverityPolicy policy;
    private final FindingAssembler assembler;
    private final Consumer<Finding> alerts;
    /** Most campaigns open at once (a few kB each); see {@link #closeLeastRecent}. */
    static final int MAX_ACTIVE = 10_000;

    private final Map<ProcessInfo, Campaign> active = new IdentityHashMap<>();
    private final List<Finding> closed = new ArrayList<>();
    private long nextSerial = 1;
    private ProcessInfo lastRoot;
    private Campaign lastCampaign;
    private ProcessInfo lastActor;
    private boolean lastActorCopies;
    private ProcessInfo lastProgram;
    /** The per-file tool behind the current actor (itself, or the tool that spawned it: gpg → gpg-agent). */
    private ProcessInfo lastActorTool;

    public CampaignTracker(CampaignSettings settings, Allowlist allowlist, Consumer<Finding> alerts) {
        this.settings = settings;
        this.policy = new SeverityPolicy(settings);
        this.assembler = new FindingAssembler(settings, allowlist);
        this.alerts = alerts;
    }

    public int activeCampaigns() {
        return active.size();
    }

    private Campaign campaignOf(ProcessInfo root, ProcessTable table, Event e) {
        if (root == lastRoot && lastCampaign != null) {
            return lastCampaign;
        }
        Campaign c = active.get(root);
        if (c == null) {
            if (active.size() >= MAX_ACTIVE) {
                closeLeastRecent(MAX_ACTIVE / 10);
            }
            c = new Campaign(nextSerial++, e.host(), root, parentExe(table, root), e, settings, memory);
            active.put(root, c);
        }
        lastRoot = root;
        lastCampaign = c;
        return c;
    }

    /** A file operation by {@code actor}, whose campaign root is {@code root}. */
    public void fileOp(FileOp op, ProcessInfo actor, ProcessInfo root, ProcessTable table, long millis) {
        Campaign c = campaignOf(root, table, op);
        if (actor != lastActor) {
            lastActor = actor;
            // a copy tool, or a helper it started (logrotate's gzip and shred, dpkg's scripts), replaces
            // files with legitimate content: its writes over existing files are not overwrites
            ProcessInfo parent = table.parent(actor);
            lastActorCopies = settings.signals.isCopyTool(actor.exe(), actor.exeName())
                    || (parent != null && settings.signals.isCopyTool(parent.exe(), parent.exeName()));
            lastProgram = table.actingProgram(actor, root);
            lastActorTool = actor.role() == ProcessRole.FILE_TOOL && actor.argvKnown() ? actor
                    : parent != null && parent.role() == ProcessRole.FILE_TOOL && parent.argvKnown() ? parent : null;
        }
        if (lastActorTool != null && toolHousekeeping(lastActorTool, op.path())) {
            return;
        }
        c.onFileOp(op, actor, lastProgram, millis, lastActorCopies);
        judge(c, op);
    }

    /**
     * A per-file tool (gpg, openssl, age…) keeps its own state in a hidden directory (~/.gnupg: keyrings,
     * lock files named after the pid, random_seed, agent sockets). Changes there, in a hidden directory its
     * command line never named, are the tool's housekeeping, not files of the victim's: counting them made
     * every gpg run look like four or five affected files. A command line that names the hidden directory
     * ({@code gpg -c ~/.ssh/id_rsa}) keeps counting it.
     */
    static boolean toolHousekeeping(ProcessInfo tool, String path) {
        if (path == null) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        int hidden = slash > 0 ? path.indexOf("/.", 0) : -1;
        if (hidden < 0 || hidden >= slash) {
            return false;
        }
        int end = path.indexOf('/', hidden + 1);
        String name = path.substring(hidden + 1, end < 0 ? path.length() : end);
        if (name.equals(".") || name.equals("..")) {
            return false;
        }
        for (String arg : tool.argv()) {
            if (arg.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** An exec that ran an encryption/destruction tool or a bulk runner. */
    public void tool(Event exec, ProcessInfo p, ProcessInfo root, ProcessTable table, ToolUse use, String bulk, long millis) {
        Campaign c = campaignOf(root, table, exec);
        c.onTool(exec, p, use, bulk, millis);
        judge(c, exec);
    }

    private void judge(Campaign c, Event e) {
        Severity before = c.severity;
        policy.evaluate(c);
        Severity now = c.severity;
        if (now == before) {
            return;
        }
        if (c.firstAlert == null && now.atLeast(settings.alertSeverity)) {
            c.firstAlert = e.time();
        }
        if (c.filesAtFirstHigh == null && now.atLeast(Severity.HIGH)) {
            c.filesAtFirstHigh = c.filesAffected();
        }
        if (alerts != null && now.atLeast(settings.alertSeverity) && (c.notified == null || now.compareTo(c.notified) > 0)) {
            c.notified = now;
            Finding f = assembler.build(c);
            if (!f.suppressed()) {
                alerts.accept(f);
            }
        }
    }

    /**
     * Closes campaigns idle since before {@code nowMillis - idle timeout}, and campaigns whose root process
     * has exited and that saw nothing for the (shorter) close-after-exit time.
     */
    public void closeIdle(long nowMillis) {
        long cutoff = nowMillis - settings.idleTimeoutMillis;
        long exitedCutoff = nowMillis - settings.closeAfterRootExitMillis;
        Iterator<Map.Entry<ProcessInfo, Campaign>> it = active.entrySet().iterator();
        while (it.hasNext()) {
            Campaign c = it.next().getValue();
            if (c.lastMillis < cutoff || (c.root.exited() && c.lastMillis < exitedCutoff)) {
                it.remove();
                close(c);
            }
        }
        lastRoot = null;
        lastCampaign = null;
    }

    /**
     * Closes the {@code n} campaigns that saw nothing for the longest. Only reached when more than
     * {@link #MAX_ACTIVE} roots write files within one idle timeout (a build farm, a hostile log with a new
     * process per event): their campaigns end early, as if idle, instead of exhausting the heap.
     */
    private void closeLeastRecent(int n) {
        List<Map.Entry<ProcessInfo, Campaign>> byAge = new ArrayList<>(active.entrySet());
        byAge.sort(Comparator.comparingLong(e -> e.getValue().lastMillis));
        for (Map.Entry<ProcessInfo, Campaign> e : byAge.subList(0, Math.min(n, byAge.size()))) {
            active.remove(e.getKey());
            close(e.getValue());
        }
        lastRoot = null;
        lastCampaign = null;
    }

    private void close(Campaign c) {
        if (policy.reportable(c)) {
            closed.add(assembler.build(c));
        }
    }

    private static String parentExe(ProcessTable table, ProcessInfo root) {
        ProcessInfo parent = table.parent(root);
        if (parent == null) {
            return null;
        }
        return parent.exe() != null ? parent.exe() : parent.exeName();
    }

    /**
     * Findings of the campaigns closed since the last call, in the order they closed, handed out once (a
     * stream that runs for months emits findings as campaigns close instead of at its end).
     */
    public List<Finding> takeClosed() {
        if (closed.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>(closed);
        closed.clear();
        return out;
    }

    /** The tracker's state for a detector snapshot. */
    public void writeState(SnapshotWriter w) throws IOException {
        LongHashSet open = new LongHashSet(Math.max(8, active.size() * 2), Integer.MAX_VALUE);
        for (Campaign c : active.values()) {
            open.add(c.serial);
        }
        memory.writeState(w, open::contains);
        w.writeInt(active.size());
        for (Campaign c : active.values()) {
            c.writeState(w); // its root is the key
        }
        w.writeInt(closed.size());
        for (Finding f : closed) {
            FindingCodec.write(w, f);
        }
        w.writeLong(nextSerial);
        // not a pure cache: what fileOp decided for an actor stays until another actor acts
        ProcessInfo.writeReference(w, lastActor);
        w.writeBoolean(lastActorCopies);
        ProcessInfo.writeReference(w, lastProgram);
        ProcessInfo.writeReference(w, lastActorTool);
    }

    /** Restores what {@link #writeState} wrote into this fresh tracker. */
    public void readState(SnapshotReader r) throws IOException {
        memory.readState(r);
        int n = r.readLength();
        for (int i = 0; i < n; i++) {
            Campaign c = Campaign.readState(r, settings, memory);
            active.put(c.root, c);
        }
        n = r.readLength();
        for (int i = 0; i < n; i++) {
            closed.add(FindingCodec.read(r));
        }
        nextSerial = r.readLong();
        lastActor = ProcessInfo.readReference(r);
        lastActorCopies = r.readBoolean();
        lastProgram = ProcessInfo.readReference(r);
        lastActorTool = ProcessInfo.readReference(r);
        lastRoot = null; // a pure cache of active.get(root)
        lastCampaign = null;
    }

    /** Closes everything and returns all findings in a stable order (first seen, host, id). */
    public List<Finding> finish() {
        for (Campaign c : active.values()) {
            close(c);
        }
        active.clear();
        lastRoot = null;
        lastCampaign = null;
        List<Finding> out = new ArrayList<>(closed);
        out.sort(Comparator.comparing(Finding::firstSeen).thenComparing(Finding::host).thenComparing(Finding::id));
        closed.clear();
        return out;
    }
}
