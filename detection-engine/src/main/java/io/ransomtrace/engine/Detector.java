package io.ransomtrace.engine;

import io.ransomtrace.engine.correlate.CampaignSettings;
import io.ransomtrace.engine.correlate.CampaignTracker;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.KernelFiles;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.ProgramName;
import io.ransomtrace.engine.process.ImpliedFileOp;
import io.ransomtrace.engine.process.ProcessClassifier;
import io.ransomtrace.engine.process.ProcessInfo;
import io.ransomtrace.engine.process.ProcessLru;
import io.ransomtrace.engine.process.ProcessTable;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.signal.AgeSelection;
import io.ransomtrace.engine.signal.BulkInvocationSignal;
import io.ransomtrace.engine.signal.CommandFileOps;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.signal.EncryptionCommandParser;
import io.ransomtrace.engine.signal.SignalSettings;
import io.ransomtrace.engine.signal.ToolUse;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The streaming detector: the only entry point of the engine. Feed it events in (roughly) time order with
 * {@link #accept(Event)}; it raises early alerts through the listener as soon as a campaign's severity
 * reaches the profile's alert level, and {@link #finish()} returns every finding in a stable order.
 *
 * <p>Memory is bounded whatever the input size: processes are forgotten after exit or idleness, campaigns are
 * closed when idle, and per-campaign sets are capped by the profile. Same events + same profile + same
 * allowlist → the same findings with the same ids. Not thread-safe: one detector per stream.
 */
public final class Detector implements Consumer<Event> {
    private static final long SWEEP_INTERVAL_MILLIS = 60_000;
    /** accept() looks at the thread's interrupt flag once per this many events (a power of two). */
    public static final int INTERRUPT_CHECK_INTERVAL = 4096;

    private final ProcessClassifier classifier;
    private final long exitGraceMillis;
    private final long processIdleMillis;
    private final ProcessLru processes;
    private final ReorderBuffer reorder;
    /** The latest event time processed (held implied operations flushed at the end are applied no earlier). */
    private long lastMillis = Long.MIN_VALUE;
    private final CampaignTracker campaigns;
    private final SignalSettings copyToolCheck;
    private final Map<String, ProcessTable> hosts = new HashMap<>();
    private final Consumer<Event> process = this::process;
    private String lastHost;
    private ProcessTable lastTable;
    private long nextSweepMillis = Long.MIN_VALUE;
    private long eventsProcessed;
    private long accepted;
    private boolean finished;
    private List<Finding> findings;

    public Detector(Profile profile, Allowlist allowlist) {
        this(profile, allowlist, null);
    }

    /**
     * @param alerts called with a snapshot finding whenever a campaign first reaches the alert severity and
     *               again each time it climbs higher (suppressed findings raise no alert); may be null
     */
    public Detector(Profile profile, Allowlist allowlist, Consumer<Finding> alerts) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(allowlist, "allowlist");
        classifier = new ProcessClassifier(profile);
        exitGraceMillis = profile.longValue("process.exitGraceSeconds") * 1000;
        processIdleMillis = profile.longValue("process.idleTimeoutSeconds") * 1000;
        processes = new ProcessLru(profile.integer("process.maxTracked"));
        reorder = new ReorderBuffer(profile.longValue("reorder.windowSeconds") * 1000,
                profile.integer("reorder.maxBufferedEvents"));
        CampaignSettings campaignSettings = new CampaignSettings(profile);
        copyToolCheck = campaignSettings.signals();
        campaigns = new CampaignTracker(campaignSettings, allowlist, alerts);
    }

    /** Runs a whole stream and returns its findings. */
    public static List<Finding> run(Iterable<? extends Event> events, Profile profile, Allowlist allowlist) {
        Detector d = new Detector(profile, allowlist);
        for (Event e : events) {
            d.accept(e);
        }
        return d.finish();
    }

    public static List<Finding> run(Stream<? extends Event> events, Profile profile, Allowlist allowlist) {
        Detector d = new Detector(profile, allowlist);
        events.forEachOrdered(d::accept);
        return d.finish();
    }

    /**
     * @throws DetectionCancelledException when the calling thread was interrupted (checked every
     *         {@value #INTERRUPT_CHECK_INTERVAL} events, so the check costs nothing measurable): the
     *         workbench interrupts a stale live-tuning re-run this way. The interrupt flag stays set and the
     *         detector must not be used any more.
     */
    @Override
    public void accept(Event event) {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        if ((++accepted & (INTERRUPT_CHECK_INTERVAL - 1)) == 0 && Thread.currentThread().isInterrupted()) {
            throw new DetectionCancelledException(accepted);
        }
        if (event == null || event.time() == null || event.host() == null || event.actor() == null) {
            return; // nothing to attribute; importers keep such records for the analyst
        }
        reorder.add(event, process);
    }

    /**
     * Flushes the reorder buffer, closes every campaign and returns all findings, ordered by first seen, host
     * and id. Calling it again returns the same list; {@link #accept} afterwards is an error.
     */
    public List<Finding> finish() {
        if (!finished) {
            reorder.flush(process);
            for (ProcessTable t : hosts.values()) {
                applyImplied(t, Long.MAX_VALUE);
            }
            finished = true;
            findings = List.copyOf(campaigns.finish());
        }
        return findings;
    }

    /**
     * For a stream that stays open (a host's feed in a stream processor): the findings of campaigns that closed
     * since the last call, each handed out once. {@link #finish()} returns only the rest.
     */
    public List<Finding> takeClosedFindings() {
        return campaigns.takeClosed();
    }

    /**
     * For a stream that may go quiet: the host's clock has reached {@code millis} and no event came. Does what
     * an event at that time would do besides being processed itself: releases the buffered events it would
     * release and closes the campaigns idle by then ({@link #takeClosedFindings()} hands them out).
     */
    public void advanceTo(long millis) {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        reorder.releaseUpTo(millis, process);
        for (ProcessTable t : hosts.values()) {
            applyImplied(t, millis);
        }
        if (millis >= nextSweepMillis) {
            sweep(millis);
        }
        for (ProcessTable t : hosts.values()) {
            t.evictExited(millis);
        }
    }

    /**
     * The detector's state, for {@link io.ransomtrace.engine.snapshot.DetectorSnapshot} (use that: it adds the
     * format version and the profile check). The profile's settings are not written: they come from the profile
     * again on restore.
     */
    public void writeState(SnapshotWriter w) throws IOException {
        if (finished) {
            throw new IllegalStateException("a finished detector has no state to keep");
        }
        reorder.writeState(w);
        w.writeInt(hosts.size());
        Map<ProcessTable, Integer> tableIndex = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, ProcessTable> e : hosts.entrySet()) {
            w.writeString(e.getKey());
            e.getValue().writeState(w);
            tableIndex.put(e.getValue(), tableIndex.size());
        }
        processes.writeState(w, tableIndex);
        w.writeLong(nextSweepMillis);
        w.writeLong(lastMillis);
        w.writeLong(eventsProcessed);
        w.writeLong(accepted);
        campaigns.writeState(w);
    }

    /** Restores what {@link #writeState} wrote into this fresh detector (built with the same profile). */
    public void readState(SnapshotReader r) throws IOException {
        if (accepted != 0 || finished) {
            throw new IllegalStateException("restore into a fresh detector only");
        }
        reorder.readState(r);
        int n = r.readLength();
        List<ProcessTable> tables = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String host = r.readString();
            ProcessTable t = table(host);
            t.readState(r);
            tables.add(t);
        }
        processes.readState(r, tables);
        lastHost = null;
        lastTable = null;
        nextSweepMillis = r.readLong();
        lastMillis = r.readLong();
        eventsProcessed = r.readLong();
        accepted = r.readLong();
        campaigns.readState(r);
    }

    /** Events that reached detection so far. */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Events that arrived later than the reorder window allowed (still processed). */
    public long lateEvents() {
        return reorder.outOfOrderReleased();
    }

    /**
     * What the hard caps on detector state cost so far: processes and campaigns forgotten or closed early
     * because memory was full (not because they ended). Zero on ordinary logs; reported in the scan summary.
     */
    public Evictions evictions() {
        return new Evictions(processes.evicted(), processes.evictedKept(), campaigns.evictedQuiet(),
                campaigns.closedEarly(), campaigns.cappedSets());
    }

    /** Processes currently remembered across all hosts (for memory checks). */
    int trackedProcesses() {
        int n = 0;
        for (ProcessTable t : hosts.values()) {
            n += t.size();
        }
        return n;
    }

    /** Campaigns currently open (for memory checks). */
    int activeCampaigns() {
        return campaigns.activeCampaigns();
    }

    private ProcessTable table(String host) {
        if (host.equals(lastHost)) {
            return lastTable;
        }
        ProcessTable t = hosts.computeIfAbsent(host,
                h -> new ProcessTable(classifier, exitGraceMillis, processes));
        lastHost = host;
        lastTable = t;
        return t;
    }

    private void process(Event e) {
        eventsProcessed++;
        long millis = io.ransomtrace.engine.model.EpochMillis.of(e.time());
        lastMillis = Math.max(lastMillis, millis);
        if (millis >= nextSweepMillis) {
            sweep(millis);
        }
        ProcessTable table = table(e.host());
        table.evictExited(millis);
        if (!(e instanceof FileOp)) {
            // a file event, even a late one, first says whether the host logs its kind (and drops what is held of it)
            applyImplied(table, millis);
        }
        if (e instanceof FileOp op) {
            fileOp(table, op, millis);
        } else if (e instanceof ProcessExec exec) {
            exec(table, exec, millis);
        } else if (e instanceof ProcessExit exit) {
            table.onExit(exit, millis);
        } else if (e instanceof OtherRecord other) {
            // logins, PAM records, config changes, lost-event notices: not evidence of encryption by themselves,
            // but a LOGIN record (or any record of a process) may show that the process began a login session
            table.onIdentity(other.actor(), millis);
        }
    }

    private void fileOp(ProcessTable table, FileOp op, long millis) {
        if (op.actor() != null && op.actor().pid() >= 0) {
            // by a process the log names: FIM that names none (osquery file_events) says nothing of what processes'
            // file operations the host records
            table.fileEvent(op.kind());
            if ((op.kind() == FileOpKind.WRITE || op.kind() == FileOpKind.TRUNCATE) && op.openFlags() > 0
                    && OpenFlags.writes(op.openFlags())) {
                // an open(2) for writing: creating a file is the same syscall (open/openat/creat with O_CREAT), so
                // a log that shows opens for writing shows creations too, even before its first one (a locker
                // that only rewrites files it then renames); what a command line implies it created is then no
                // file of the log's watched folders (cp F /dev/shm/stage/x where nothing is watched)
                table.fileEvent(FileOpKind.CREATE);
            }
        }
        if (!op.modifies() || KernelFiles.isKernelFile(op.path())) {
            return; // a redirection to /dev/null changes no stored file
        }
        ProcessInfo actor = table.forActor(op.actor(), millis, op.id());
        table.changedFiles(actor);
        ProcessInfo root = table.rootOf(actor);
        campaigns.fileOp(op, actor, root, table, millis);
    }

    private void exec(ProcessTable table, ProcessExec exec, long millis) {
        ProcessInfo p = table.onExec(exec, millis);
        if (p == null || !exec.success()) {
            return;
        }
        String name = p.exeName();
        List<String> argv = exec.argv();
        List<String> applet = ProgramName.appletArgv(name, argv);
        if (applet != null && EncryptionCommandParser.knows(applet.get(0))) {
            name = applet.get(0); // busybox rm -f F, or rm linked to busybox: the applet is the tool that runs
            argv = applet;
        }
        ToolUse use = EncryptionCommandParser.knows(name) ? EncryptionCommandParser.parse(name, argv, exec.cwd())
                : EncryptionCommandParser.parseRenamedOpenssl(name, argv, exec.cwd());
        if (use != null && use.destroys() && startedByCopyTool(table, p)) {
            use = null; // logrotate's "shred" option, a package manager wiping its own files: hygiene, not impact
        } else if (use != null && use.destroys() && startedByRetentionSweep(table, p)) {
            use = null; // find -mtime +30 -exec shred -u {} +: expired files destroyed on schedule, not data held
        } else if (use != null && "shred".equals(use.label()) && !table.logs(FileOpKind.DELETE)
                && shredsItsCallersOperands(table, p, use)) {
            // a log without file events: plain shred (the names stay) of the very files a program was handed by name
            // (ansible-vault encrypt F…: the plaintext wiped before the vault text is written under the same name) is
            // a step of that program's own rewrite of its operands, which only file events could show (Campaign)
            use = null;
        } else if (use != null && use.destroys() && "truncate".equals(use.tool()) && !use.targets().isEmpty()
                && use.targets().stream().allMatch(PathNames::isLogFile)) {
            use = null; // truncate -s 0 /var/log/app/*.log: logs cleared (by hand or as copytruncate), not data held
        }
        String bulk = BulkInvocationSignal.indicator(name, argv, classifier.isBulkRunner(name), classifier.isShell(name), use);
        if (bulk == null && argv.size() > 1 && classifier.isInterpreter(name)) {
            // GNU parallel is a perl script: /usr/bin/perl /usr/bin/parallel -j4 …
            String script = argv.get(1);
            String scriptName = script.substring(script.lastIndexOf('/') + 1);
            if (classifier.isBulkRunner(scriptName)) {
                bulk = scriptName;
            }
        }
        List<CommandFileOps.Implied> implied = notLogged(table, CommandFileOps.of(name, argv, exec.cwd(), use));
        if ("find".equals(name) && !table.logs(FileOpKind.DELETE)) {
            implied = withFindDeletes(table, p, argv, exec.cwd(), implied, millis);
        }
        if ((use == null || use.action() == ToolUse.Action.OTHER) && bulk == null && implied.isEmpty()) {
            return;
        }
        ProcessInfo root = table.rootOf(p);
        if ((use != null && use.action() != ToolUse.Action.OTHER) || bulk != null) {
            campaigns.tool(exec, p, root, table, use, bulk, millis);
        }
        // kinds of file event this host has not shown: what the command's arguments say it did to its operands is all
        // the log can show (execve-only audit rules, an EDR export of process starts, Sysmon's missing renames)
        implied(table, exec, p, root, implied, millis);
        ProcessInfo parent = table.logs(FileOpKind.DELETE) ? null : table.parent(p);
        if (parent != null && "find".equals(parent.exeName()) && parent.argvKnown()) {
            implied(table, exec, parent, root, CommandFileOps.findDeletes(parent.argv(), argv, exec.cwd()), millis);
        }
    }

    /**
     * A {@code find DIR… TESTS -delete} on a host whose log shows no deletions: the originals its campaign's
     * encrypting commands named that its tests select are deleted by it ({@code find . -type f ! -name "*.gpg"
     * -delete} after {@code xargs gpg --encrypt-files}).
     */
    private List<CommandFileOps.Implied> withFindDeletes(ProcessTable table, ProcessInfo p, List<String> argv, String cwd,
                                                         List<CommandFileOps.Implied> implied, long millis) {
        io.ransomtrace.engine.signal.FindSelection find = io.ransomtrace.engine.signal.FindSelection.ofDelete(argv, cwd);
        if (find == null) {
            return implied;
        }
        List<String> deleted = campaigns.findDeletes(table.rootOf(p), table, find, millis);
        if (deleted.isEmpty()) {
            return implied;
        }
        List<CommandFileOps.Implied> out = new java.util.ArrayList<>(implied);
        for (String path : deleted) {
            out.add(new CommandFileOps.Implied(FileOpKind.DELETE, path, null));
        }
        return out;
    }

    /** The implied operations of kinds the host's log has not shown (all of them on an execve-only host). */
    private static List<CommandFileOps.Implied> notLogged(ProcessTable table, List<CommandFileOps.Implied> ops) {
        if (ops.isEmpty()) {
            return ops;
        }
        List<CommandFileOps.Implied> out = new java.util.ArrayList<>(ops.size());
        for (CommandFileOps.Implied i : ops) {
            if (!table.logs(i.kind())) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Holds what a command's arguments imply for {@link #IMPLIED_DELAY_MILLIS}: a host that logs file events shows the
     * command's own within milliseconds (then they are dropped and the events tell); one that logs none never does.
     */
    private void implied(ProcessTable table, ProcessExec exec, ProcessInfo actor, ProcessInfo root,
                         List<CommandFileOps.Implied> ops, long millis) {
        for (CommandFileOps.Implied i : ops) {
            int flags = i.kind() == FileOpKind.WRITE ? OpenFlags.O_RDWR : 0;
            FileOp op = new FileOp(exec.id(), exec.time(), exec.host(), exec.actor(), i.kind(), i.path(), i.target(),
                    flags, -1, true, -1, null, exec.provenance());
            table.holdImplied(new ImpliedFileOp(op, actor, root, millis + IMPLIED_DELAY_MILLIS));
        }
    }

    /** How long an implied file operation waits for the host to show a file event (stream time). */
    static final long IMPLIED_DELAY_MILLIS = 1_000;

    /** Applies the implied operations due at {@code millis} (all with Long.MAX_VALUE), oldest first. */
    private void applyImplied(ProcessTable table, long millis) {
        for (ImpliedFileOp i; (i = table.takeDueImplied(millis)) != null; ) {
            // applied at the stream's time, not the command's: the campaigns' windows only move forward
            table.changedFiles(i.actor());
            campaigns.fileOp(i.op(), i.actor(), i.root(), table, millis == Long.MAX_VALUE ? lastMillis : millis, true);
        }
    }

    /** The destruction tool's parent, or the shell between them, is a find selecting files a day old or more. */
    private static boolean startedByRetentionSweep(ProcessTable table, ProcessInfo p) {
        ProcessInfo parent = table.parent(p);
        for (int up = 0; up < 2 && parent != null; up++, parent = table.parent(parent)) {
            if (parent.argvKnown() && AgeSelection.olderThanADay(parent.exeName(), parent.argv())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shred was started by a program (not a shell, not a bulk runner: those hand files to whatever they run) whose
     * own command line names every file shredded.
     */
    private boolean shredsItsCallersOperands(ProcessTable table, ProcessInfo p, ToolUse use) {
        ProcessInfo caller = table.parent(p);
        if (caller == null || !caller.argvKnown() || use.targets().isEmpty() || caller.exeName() == null
                || classifier.isShell(caller.exeName()) || classifier.isBulkRunner(caller.exeName())) {
            return false;
        }
        List<String> argv = caller.argv();
        for (String target : use.targets()) {
            boolean named = false;
            for (int i = 1; i < argv.size() && !named; i++) {
                named = target.equals(PathNames.resolve(caller.cwd(), argv.get(i)));
            }
            if (!named) {
                return false;
            }
        }
        return true;
    }

    private boolean startedByCopyTool(ProcessTable table, ProcessInfo p) {
        ProcessInfo parent = table.parent(p);
        return parent != null && copyToolCheck.isCopyTool(parent.exe(), parent.exeName());
    }

    private void sweep(long millis) {
        if (nextSweepMillis != Long.MIN_VALUE) {
            processes.forgetIdle(millis - processIdleMillis);
            for (ProcessTable t : hosts.values()) {
                t.sweepSessions();
            }
            campaigns.closeIdle(millis);
        }
        nextSweepMillis = millis + SWEEP_INTERVAL_MILLIS;
    }
}
