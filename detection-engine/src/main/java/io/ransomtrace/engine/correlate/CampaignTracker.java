package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.process.ProcessInfo;
import io.ransomtrace.engine.process.ProcessRole;
import io.ransomtrace.engine.process.ProcessTable;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.signal.ToolUse;
import io.ransomtrace.engine.snapshot.FindingCodec;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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

    private final Map<ProcessInfo, Campaign> active = new IdentityHashMap<>();
    /** Open campaigns, least recently active first (threaded through {@link Campaign#lruPrev}/{@code lruNext}). */
    private Campaign lruHead;
    private Campaign lruTail;
    private final List<Finding> closed = new ArrayList<>();
    private long nextSerial = 1;
    private long evictedQuiet;
    private long closedEarly;
    private long cappedSets;
    private ProcessInfo lastRoot;
    private Campaign lastCampaign;
    private ProcessInfo lastActor;
    private boolean lastActorCopies;
    private ProcessInfo lastProgram;
    /** The per-file tool behind the current actor (itself, or the tool that spawned it: gpg → gpg-agent). */
    private ProcessInfo lastActorTool;
    /** The writer of an encrypted archive the current actor is (or was started by: gpgtar → gpg), or null. */
    private ProcessInfo lastArchiveWriter;
    /** The current actor's executable when it is a binary outside the system directories (or run by one), else null. */
    private String lastUnknownBinary;
    /** The current actor's command line when it is a script runner (an interpreter or shell running a script), else null. */
    private String lastScript;
    /** The current actor is a linker (ld, collect2, lld, mold…): what it writes is the campaign's own program. */
    private boolean lastActorLinks;
    private Campaign lastActorCampaign;

    public CampaignTracker(CampaignSettings settings, Allowlist allowlist, Consumer<Finding> alerts) {
        this.settings = settings;
        this.policy = new SeverityPolicy(settings);
        this.assembler = new FindingAssembler(settings, allowlist);
        this.alerts = alerts;
    }

    public int activeCampaigns() {
        return active.size();
    }

    /** Open campaigns dropped at the cap that had nothing to report. */
    public long evictedQuiet() {
        return evictedQuiet;
    }

    /** Open campaigns with something to report closed early at the cap. */
    public long closedEarly() {
        return closedEarly;
    }

    /** Closed campaigns whose distinct-file set had reached its cap. */
    public long cappedSets() {
        return cappedSets;
    }

    private Campaign campaignOf(ProcessInfo root, ProcessTable table, Event e) {
        if (root == lastRoot && lastCampaign != null) {
            touch(lastCampaign);
            return lastCampaign;
        }
        Campaign c = active.get(root);
        if (c == null) {
            c = new Campaign(nextSerial++, e.host(), root, parentExe(table, root), e, settings, memory);
            ProcessInfo parent = table.parent(root);
            c.promptShell = root.role() == ProcessRole.INTERACTIVE_SHELL ? root
                    : parent != null && parent.role() == ProcessRole.INTERACTIVE_SHELL ? parent : null;
            atPrompt(c);
            active.put(root, c);
            table.rootsCampaign(root);
            link(c);
            if (active.size() > settings.maxActive) {
                evictOne(c);
            }
        } else {
            touch(c);
        }
        lastRoot = root;
        lastCampaign = c;
        return c;
    }

    /**
     * Open campaigns by the interactive shell their roots were typed at (derived from {@link Campaign#promptShell}:
     * rebuilt on restore, never written).
     */
    private final Map<ProcessInfo, List<Campaign>> byPromptShell = new IdentityHashMap<>();

    private void atPrompt(Campaign c) {
        if (c.promptShell != null) {
            byPromptShell.computeIfAbsent(c.promptShell, k -> new ArrayList<>(2)).add(c);
        }
    }

    private void leftPrompt(Campaign c) {
        List<Campaign> same = c.promptShell == null ? null : byPromptShell.get(c.promptShell);
        if (same != null) {
            same.remove(c);
            if (same.isEmpty()) {
                byPromptShell.remove(c.promptShell);
            }
        }
    }

    /**
     * The campaign a deletion belongs to: commands typed at one prompt are campaigns of their own ({@code find …
     * -exec openssl enc … \;} then {@code find … -delete}), and an original deleted by one of them after another
     * wrote its encrypted copy is that other's file held — the deletion goes to it.
     */
    /** @param c a campaign typed at a prompt ({@link Campaign#promptShell} set), {@code op} a deletion */
    private Campaign deletionOwner(Campaign c, FileOp op, long millis) {
        List<Campaign> same = byPromptShell.get(c.promptShell);
        if (same == null || same.size() < 2 || op.path() == null) {
            return c;
        }
        long ph = PathNames.hash(op.path());
        for (Campaign other : same) {
            if (other != c && other.holdsCopyOf(op.path(), ph, millis)) {
                touch(other);
                return other;
            }
        }
        return c;
    }

    /**
     * Open campaigns already high, by the login session they run in (host, login uid, audit session): derived
     * from the open campaigns' severities, rebuilt on restore, never written.
     */
    private final Map<String, List<Campaign>> highBySession = new java.util.HashMap<>();

    /** host|loginUid|session of a process in a login session, or null (a daemon, cron without pam_loginuid). */
    private static String sessionKey(String host, ProcessInfo p) {
        io.ransomtrace.engine.model.Credentials cr = p.credentials();
        if (cr == null || !cr.hasLoginUid() || cr.session() == io.ransomtrace.engine.model.Credentials.UNSET) {
            return null;
        }
        return host + '|' + cr.loginUid() + '|' + cr.session();
    }

    /**
     * The campaign a new file that could be a ransom note belongs to: another command of the same login session
     * while an encryption in that session is already high ({@code sudo ccrypt -e -r finance hr}, then {@code sudo
     * find finance hr -type d -exec cp NOTE {} \;}) leaves its notes for that encryption — one finding with its
     * notes, not a second finding of notes alone. Only names a note could have (a note extension or keyword); the
     * session's other new files stay with their own campaign.
     */
    private Campaign noteOwner(Campaign c, FileOp op, ProcessInfo actor) {
        String key = sessionKey(op.host(), actor);
        List<Campaign> highs = key == null ? null : highBySession.get(key);
        Campaign high = null;
        for (int i = 0; highs != null && i < highs.size(); i++) {
            Campaign h = highs.get(i); // the session's first (by serial): the same choice after a restore
            if (h != c && (high == null || h.serial < high.serial)) {
                high = h;
            }
        }
        if (high == null || op.path() == null || !high.notes.candidate(op.path())) {
            return c;
        }
        touch(high);
        return high;
    }

    private void becameHigh(Campaign c) {
        String key = sessionKey(c.host, c.root);
        if (key != null) {
            highBySession.computeIfAbsent(key, k -> new ArrayList<>(1)).add(c);
        }
    }

    private void leftHigh(Campaign c) {
        if (highBySession.isEmpty()) {
            return;
        }
        String key = sessionKey(c.host, c.root);
        List<Campaign> highs = key == null ? null : highBySession.get(key);
        if (highs != null && highs.remove(c) && highs.isEmpty()) {
            highBySession.remove(key);
        }
    }

    private void link(Campaign c) {
        c.lruPrev = lruTail;
        c.lruNext = null;
        if (lruTail == null) {
            lruHead = c;
        } else {
            lruTail.lruNext = c;
        }
        lruTail = c;
    }

    private void unlink(Campaign c) {
        if (c.lruPrev == null) {
            lruHead = c.lruNext;
        } else {
            c.lruPrev.lruNext = c.lruNext;
        }
        if (c.lruNext == null) {
            lruTail = c.lruPrev;
        } else {
            c.lruNext.lruPrev = c.lruPrev;
        }
        c.lruPrev = null;
        c.lruNext = null;
    }

    private void touch(Campaign c) {
        if (lruTail != c) {
            unlink(c);
            link(c);
        }
    }

    /** How far from the old end the cap looks for a campaign with nothing to report before closing the oldest. */
    private static final int QUIET_SEARCH = 64;

    /**
     * Over the cap: drop the least recently active campaign that fired nothing (a process that wrote a log
     * line), else close the least recently active one into a finding. Never the campaign just opened.
     */
    private void evictOne(Campaign opened) {
        Campaign victim = null;
        Campaign c = lruHead;
        for (int i = 0; c != null && i < QUIET_SEARCH; i++, c = c.lruNext) {
            if (c != opened && !policy.reportable(c)) {
                victim = c;
                break;
            }
        }
        if (victim == null) {
            victim = lruHead != opened ? lruHead : opened.lruNext;
        }
        if (victim == null) {
            return;
        }
        active.remove(victim.root);
        leftPrompt(victim);
        unlink(victim);
        if (policy.reportable(victim)) {
            closedEarly++;
        } else {
            evictedQuiet++;
        }
        close(victim);
        if (victim == lastCampaign) {
            lastRoot = null;
            lastCampaign = null;
        }
    }

    /** A file operation by {@code actor}, whose campaign root is {@code root}. */
    public void fileOp(FileOp op, ProcessInfo actor, ProcessInfo root, ProcessTable table, long millis) {
        fileOp(op, actor, root, table, millis, false);
    }

    /**
     * @param implied true for an operation a command's arguments imply on a host whose log shows no file events
     *                ({@link io.ransomtrace.engine.signal.CommandFileOps})
     */
    public void fileOp(FileOp op, ProcessInfo actor, ProcessInfo root, ProcessTable table, long millis, boolean implied) {
        Campaign c = campaignOf(root, table, op);
        if (op.kind() == FileOpKind.DELETE && c.promptShell != null) {
            c = deletionOwner(c, op, millis);
        } else if (op.kind() == FileOpKind.CREATE && !highBySession.isEmpty() && !c.severity.atLeast(Severity.HIGH)) {
            c = noteOwner(c, op, actor);
        }
        if (actor != lastActor || c != lastActorCampaign) {
            lastActor = actor;
            lastActorCampaign = c;
            // a copy tool, or a helper it started (logrotate's gzip and shred, dpkg's scripts), replaces
            // files with legitimate content: its writes over existing files are not overwrites
            ProcessInfo parent = table.parent(actor);
            lastActorCopies = settings.signals.isCopyTool(actor.exe(), actor.exeName())
                    || (parent != null && settings.signals.isCopyTool(parent.exe(), parent.exeName()))
                    // a program the campaign's own build linked (a test binary rewriting its golden files)
                    || c.builtHere(actor.exe());
            lastActorLinks = settings.signals.isLinker(actor.exeName());
            lastProgram = table.actingProgram(actor, root);
            lastActorTool = actor.role() == ProcessRole.FILE_TOOL && actor.argvKnown() ? actor
                    : parent != null && parent.role() == ProcessRole.FILE_TOOL && parent.argvKnown() ? parent : null;
            lastArchiveWriter = c.archived.isWriter(actor) ? actor : c.archived.isWriter(parent) ? parent : null;
            lastUnknownBinary = unknownBinary(actor) ? actor.exe() : unknownBinary(lastProgram) ? lastProgram.exe() : null;
            lastScript = actor.role() == ProcessRole.SCRIPT_RUNNER && actor.argvKnown() && namesScript(actor.argv())
                    ? actor.commandLine() : null;
        }
        if (lastActorLinks && op.success()) {
            c.built(op.kind() == io.ransomtrace.engine.model.FileOpKind.RENAME ? op.targetPath() : op.path());
        }
        if (lastActorTool != null && toolHousekeeping(lastActorTool, op.path())) {
            return;
        }
        c.onFileOp(op, actor, lastProgram, millis, lastActorCopies, lastArchiveWriter, lastUnknownBinary, lastScript, implied);
        judge(c, op);
    }

    private static final String[] SCRIPT_SUFFIXES =
            {".py", ".pl", ".pm", ".sh", ".bash", ".rb", ".php", ".js", ".mjs", ".lua", ".tcl", ".awk", ".ps1"};

    /**
     * The command line names what the interpreter runs: its first operand is a script file (python3 l.py, perl
     * ~/.x.pl, bash enc.sh, bash /usr/local/bin/backup) or code given inline (sh -c '…'). A service's command line
     * or title is not one (php-fpm8.2 --fpm-config /etc/php/8.2/fpm/php-fpm.conf; "php-fpm: pool www"): what a
     * service writes is its own data.
     */
    static boolean namesScript(java.util.List<String> argv) {
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("-")) {
                if (a.equals("-c") || a.equals("-e")) {
                    return i + 1 < argv.size(); // code inline
                }
                continue;
            }
            // a script's extension (l.py, enc.sh), or a program path without one (/usr/local/bin/backup); a
            // configuration file (php-fpm --fpm-config /etc/php/8.2/fpm/php-fpm.conf) is neither
            return scriptSuffix(a) || (a.indexOf('/') >= 0 && a.indexOf('.', a.lastIndexOf('/') + 2) < 0);
        }
        return false;
    }

    private static boolean scriptSuffix(String name) {
        for (String suffix : SCRIPT_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A program in no list (not a shell, tool or service) whose executable lies outside the system directories. */
    private boolean unknownBinary(ProcessInfo p) {
        return p != null && p.role() == ProcessRole.ORDINARY && settings.signals.outsideSystemDirectories(p.exe());
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

    /**
     * The originals a {@code find … -delete} under {@code root} deletes by its tests, among those its campaign's
     * encrypting commands named or, typed at a prompt, those of another command typed at that prompt; empty when
     * none is open.
     */
    public List<String> findDeletes(ProcessInfo root, ProcessTable table, io.ransomtrace.engine.signal.FindSelection find,
                                    long millis) {
        Campaign c = active.get(root);
        List<String> out = c == null ? List.of() : c.commandOriginals(find, millis);
        ProcessInfo parent = table.parent(root);
        ProcessInfo prompt = c != null ? c.promptShell : root.role() == ProcessRole.INTERACTIVE_SHELL ? root
                : parent != null && parent.role() == ProcessRole.INTERACTIVE_SHELL ? parent : null;
        List<Campaign> same = prompt == null ? null : byPromptShell.get(prompt);
        if (out.isEmpty() && same != null) {
            for (Campaign other : same) {
                if (other != c && !(out = other.commandOriginals(find, millis)).isEmpty()) {
                    break;
                }
            }
        }
        return out;
    }

    /** An exec that ran an encryption/destruction tool or a bulk runner. */
    public void tool(Event exec, ProcessInfo p, ProcessInfo root, ProcessTable table, ToolUse use, String bulk, long millis) {
        Campaign c = campaignOf(root, table, exec);
        c.onTool(exec, p, use, bulk, millis);
        lastActor = null; // an exec may have made the process an archive writer (or something else)
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
        if (now.atLeast(Severity.HIGH) != before.atLeast(Severity.HIGH)) {
            if (now.atLeast(Severity.HIGH)) {
                becameHigh(c);
            } else {
                leftHigh(c);
            }
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
        // in least-recently-active order, so that findings close in the same order in every run (and after a restore)
        Campaign c = lruHead;
        while (c != null) {
            Campaign next = c.lruNext;
            if (c.lastMillis < cutoff || (c.root.exited() && c.lastMillis < exitedCutoff)) {
                active.remove(c.root);
                leftPrompt(c);
                unlink(c);
                close(c);
            }
            c = next;
        }
        lastRoot = null;
        lastCampaign = null;
    }

    private void close(Campaign c) {
        leftHigh(c);
        if (c.filesCapped()) {
            cappedSets++;
        }
        policy.close(c);
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
        for (Campaign c = lruHead; c != null; c = c.lruNext) {
            c.writeState(w); // its root is the key; written least recently active first, the LRU's order
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
        ProcessInfo.writeReference(w, lastArchiveWriter);
        w.writeString(lastUnknownBinary);
        w.writeString(lastScript);
        w.writeBoolean(lastActorLinks);
        // the campaign those were decided in, when still open (a closed one can never be current again)
        w.writeLong(lastActorCampaign != null && active.get(lastActorCampaign.root) == lastActorCampaign
                ? lastActorCampaign.serial : 0);
        w.writeLong(evictedQuiet);
        w.writeLong(closedEarly);
        w.writeLong(cappedSets);
    }

    /** Restores what {@link #writeState} wrote into this fresh tracker. */
    public void readState(SnapshotReader r) throws IOException {
        memory.readState(r);
        int n = r.readLength();
        for (int i = 0; i < n; i++) {
            Campaign c = Campaign.readState(r, settings, memory);
            if (active.put(c.root, c) != null) {
                throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: two campaigns of one root");
            }
            atPrompt(c);
            link(c);
            if (c.severity.atLeast(Severity.HIGH)) {
                becameHigh(c);
            }
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
        lastArchiveWriter = ProcessInfo.readReference(r);
        lastUnknownBinary = r.readString();
        lastScript = r.readString();
        lastActorLinks = r.readBoolean();
        long serial = r.readLong();
        lastActorCampaign = null;
        for (Campaign c = lruHead; c != null && serial != 0; c = c.lruNext) {
            if (c.serial == serial) {
                lastActorCampaign = c;
            }
        }
        evictedQuiet = r.readLong();
        closedEarly = r.readLong();
        cappedSets = r.readLong();
        lastRoot = null; // a pure cache of active.get(root)
        lastCampaign = null;
    }

    /** Closes everything and returns all findings in a stable order (first seen, host, id). */
    public List<Finding> finish() {
        for (Campaign c : active.values()) {
            close(c);
        }
        active.clear();
        byPromptShell.clear();
        highBySession.clear();
        lruHead = null;
        lruTail = null;
        lastRoot = null;
        lastCampaign = null;
        List<Finding> out = new ArrayList<>(closed);
        out.sort(Finding.STREAM_ORDER);
        closed.clear();
        return out;
    }
}
