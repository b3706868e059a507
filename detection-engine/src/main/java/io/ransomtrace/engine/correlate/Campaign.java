package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.process.ProcessInfo;
import io.ransomtrace.engine.process.ProcessRole;
import io.ransomtrace.engine.signal.BulkInvocationSignal;
import io.ransomtrace.engine.signal.ContentHintSignal;
import io.ransomtrace.engine.signal.DeleteAfterEncryptSignal;
import io.ransomtrace.engine.signal.EarlyCertaintySignal;
import io.ransomtrace.engine.signal.EncryptionToolSignal;
import io.ransomtrace.engine.signal.ExtensionChangeSignal;
import io.ransomtrace.engine.signal.MassModificationSignal;
import io.ransomtrace.engine.signal.OverwriteInPlaceSignal;
import io.ransomtrace.engine.signal.PathHashes;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.signal.RansomNoteSignal;
import io.ransomtrace.engine.signal.Signal;
import io.ransomtrace.engine.signal.SignalKind;
import io.ransomtrace.engine.signal.ToolUse;
import io.ransomtrace.engine.signal.TruncateCommand;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one lineage did, attributed to its campaign root: the files it changed, how it changed them,
 * and the signals measured on it. One campaign becomes at most one finding.
 *
 * <p>Files are counted by identity: an original and its encrypted copy (X and X.enc, or f renamed to
 * f.locked, or sedXXXX renamed over f) count as one file.
 */
final class Campaign {
    private static final int MAX_TOOLS = 32;
    private static final int MAX_PROGRAMS = 64;
    /** Programs of a campaign's own build remembered (a build links a few; a link farm is not worth more). */
    private static final int MAX_BUILT = 4096;
    /** inPlace table marks: a truncating rewrite not counted yet, and a counted in-place overwrite. */
    private static final long PENDING = 1;
    private static final long COUNTED = 2;
    /** A file a destruction tool (shred, dd, truncate) was pointed at: counted, and kept when deleted after. */
    private static final long DESTROYED = 3;
    /**
     * A file plain {@code shred F} (no {@code -u}: the name stays) was pointed at, with the pid of the process that
     * started shred in the low bits; once that process unlinks F it is marked {@link #REPLACING}, and its creating F
     * again makes the shred the wipe step of a rewrite, not destruction ({@link #rewroteWhatItWiped}).
     */
    private static final long WIPED_FOR = 1L << 40;
    private static final long REPLACING = 1L << 41;
    /** A {@link #WIPED_FOR} file whose shred was not counted: its caller had written anew what it shredded before. */
    private static final long DEFERRED = 1L << 42;
    /** inPlace table mark under {@link #rewriterKey}: this pid wrote anew a file it had shredded. */
    private static final long REWRITER = 4;
    private static final long REWRITER_SALT = 0x2545f4914f6cdd1dL;
    private static final long PID_BITS = 0xffff_ffffL;

    final long serial;
    final String host;
    final ProcessInfo root;
    /**
     * The interactive shell this campaign's root was typed at, or the shell itself when the campaign is the session's
     * own (per-file tools typed there); null otherwise. Commands typed one after another at one prompt are campaigns
     * of their own; a deletion by one of the originals another encrypted belongs to the encrypting one.
     */
    ProcessInfo promptShell;
    final String parentExe;
    /**
     * The root's image when the campaign began: a root may exec something else afterwards ({@code sh -c 'a; b'}
     * execs its last command, often a harmless one), and the finding must name what ran the campaign. Null when
     * the root's command line was not known then (the live values are used).
     */
    final String rootExeAtStart;
    final String rootCommandLineAtStart;
    final long firstEventId;
    private final CampaignSettings settings;
    private final PathMemory memory;

    Instant firstSeen;
    Instant lastSeen;
    long lastMillis;
    long firstMillis;
    Credentials actorCredentials = Credentials.UNKNOWN;
    /**
     * A process of the campaign changed a file the way encryption does with root's effective uid: it could change
     * any user's files, so a small scope is no sign of a user working on their own ({@link SeverityPolicy#close}).
     */
    boolean privilegedActor;

    final EncryptionToolSignal encryptionTool;
    final BulkInvocationSignal bulk;
    final MassModificationSignal mass;
    final ExtensionChangeSignal extension;
    final OverwriteInPlaceSignal overwrite;
    final DeleteAfterEncryptSignal deleteAfter;
    final RansomNoteSignal notes;
    final ContentHintSignal content;
    final EarlyCertaintySignal early;
    final Signal[] signals;

    private final LongHashSet files;
    private int identities;
    /** Files the campaign created and deleted again (locks, temps): not affected files; each counted once. */
    private int temporaries;
    /** Files deleted while the campaign had encrypted and destroyed nothing yet (see {@link #deletedBeforeEncryption}). */
    private int deletedFirst;
    private LongHashSet temporaryFiles;
    /** Executables a linker of this campaign wrote (a build's own programs, created on the first). */
    private LongHashSet builtExecutables;
    private static final int MAX_RENAME_CHAINS = 4096;
    /** For a file renamed without a new suffix (shred's 000… names): its current name's hash → original path. */
    private Map<Long, String> renamedFrom = Map.of(); // a HashMap from the first chain on
    /** Successful modifying file operations seen; 0 means the lineage is known from command lines only. */
    private int fileOps;
    private final LongHashSet directories;
    final List<String> directoryNames = new ArrayList<>();
    final List<String> impactedFiles = new ArrayList<>();
    /**
     * Files an encrypting command of the campaign named as its input while the lineage showed no file events: what a
     * later {@code find … -delete} may delete, by its tests ({@link #commandOriginals}). Null until one is named.
     */
    private List<String> commandOriginals;
    private static final int MAX_COMMAND_ORIGINALS = 1 << 16;
    final List<String> changedFiles = new ArrayList<>();
    /** Executables (few, in order of first use): small lists, as most campaigns are one process writing one file. */
    final List<String> tools = new ArrayList<>(2);
    final List<String> exes = new ArrayList<>(2);
    private ProcessInfo lastActor;
    /** The program (below the root) behind the current file operation, and files first changed per program. */
    private ProcessInfo program;
    /** The executable of the current actor when it is a binary outside the system directories, else null. */
    private String unknownBinary;
    /** The command line of the current actor when it is a script (an interpreter or shell running one), else null. */
    private String script;
    /** Existing files a script rewrote in place itself. */
    private int scriptRewrites;
    /** The last new file with a random name (32 hex digits, no suffix) and who wrote it where, until a pair takes it. */
    private long randomCopyDir;
    private long randomCopyMillis;
    private int randomCopyPid;
    /** Hash of the random-named copy's suffix ({@code .lck}), 0 when it has none. */
    private long randomCopySuffix;
    /**
     * The parent of the last encrypting command that read its input from a pipe and wrote to one ({@code openssl enc}
     * with neither -in nor -out), and when it started: its siblings are the rest of its pipeline. -1 when none.
     */
    private int streamCipherParent = -1;
    private long streamCipherMillis;
    /** Created on the first program that changes a file (most campaigns have none). */
    Map<ProcessInfo, int[]> filesByProgram = Map.of();
    final EvidenceLog evidence;
    /** What the campaign put into encrypted archives (a later deletion of it is an archived original deleted). */
    final ArchivedInputs archived = new ArchivedInputs();
    /** Originals with a one-file encrypted archive of their own ({@code 7z a -p f.7z f}): created on the first. */
    private LongHashSet archiveCopies;
    /** The first directories of impacted files (see {@link #impactDirectories}). */
    private final long[] impactDirs = new long[SeverityPolicy.PERSONAL_SCOPE_DIRECTORIES + 1];
    private int impactDirCount;

    /** Bumped whenever a signal's input changes; the score is recomputed only when it moved. */
    long revision;
    long scoredRevision = -1;
    int score;
    Severity severity = Severity.INFO;
    Severity notified;
    Instant firstAlert;
    Integer filesAtFirstHigh;
    /** Place in the tracker's least-recently-active list of open campaigns. */
    Campaign lruPrev;
    Campaign lruNext;

    Campaign(long serial, String host, ProcessInfo root, String parentExe, Event first, CampaignSettings settings,
             PathMemory memory) {
        this(serial, host, root, parentExe, first.id(),
                root.argvKnown() ? (root.exe() != null ? root.exe() : root.exeName()) : null,
                root.argvKnown() ? root.commandLine() : null, settings, memory);
        this.firstSeen = first.time();
        this.lastSeen = first.time();
        this.lastMillis = io.ransomtrace.engine.model.EpochMillis.of(first.time());
        this.firstMillis = lastMillis;
        if (root.argvKnown()) {
            evidence.addRoot(root.firstEventId(), root.startSource(), root.startLine());
        }
    }

    private Campaign(long serial, String host, ProcessInfo root, String parentExe, long firstEventId,
                     String rootExeAtStart, String rootCommandLineAtStart, CampaignSettings settings,
                     PathMemory memory) {
        this.serial = serial;
        this.host = host;
        this.root = root;
        this.parentExe = parentExe;
        this.rootExeAtStart = rootExeAtStart;
        this.rootCommandLineAtStart = rootCommandLineAtStart;
        this.firstEventId = firstEventId;
        this.settings = settings;
        this.memory = memory;
        var s = settings.signals;
        encryptionTool = new EncryptionToolSignal(s);
        bulk = new BulkInvocationSignal(s);
        mass = new MassModificationSignal(s);
        extension = new ExtensionChangeSignal(s, settings.benign, settings.known);
        overwrite = new OverwriteInPlaceSignal(s);
        deleteAfter = new DeleteAfterEncryptSignal(s);
        notes = new RansomNoteSignal(s, settings.noteExtensions, settings.known, settings.ordinary, settings.benign,
                settings.maxListedDirectories);
        content = new ContentHintSignal(s);
        early = new EarlyCertaintySignal(s);
        signals = new Signal[] {encryptionTool, bulk, mass, extension, overwrite, deleteAfter, notes, content, early};
        files = new LongHashSet(4, settings.maxTrackedFiles);
        directories = new LongHashSet(4, Math.max(settings.maxTrackedFiles / 4, 1000));
        evidence = new EvidenceLog(settings.evidencePerSignal);
    }

    /** Writes everything the campaign measured (its settings and the shared path memory are written elsewhere). */
    void writeState(SnapshotWriter w) throws IOException {
        w.writeLong(serial);
        w.writeString(host);
        ProcessInfo.writeReference(w, root);
        ProcessInfo.writeReference(w, promptShell);
        w.writeString(parentExe);
        w.writeLong(firstEventId);
        w.writeString(rootExeAtStart);
        w.writeString(rootCommandLineAtStart);
        w.writeInstant(firstSeen);
        w.writeInstant(lastSeen);
        w.writeLong(lastMillis);
        w.writeLong(firstMillis);
        w.writeCredentials(actorCredentials);
        w.writeBoolean(privilegedActor);
        for (Signal s : signals) {
            s.writeState(w);
        }
        files.writeState(w);
        w.writeInt(identities);
        w.writeInt(temporaries);
        w.writeInt(deletedFirst);
        writeOptional(w, temporaryFiles);
        writeOptional(w, builtExecutables);
        writeOptional(w, archiveCopies);
        w.writeInt(renamedFrom.size());
        for (Map.Entry<Long, String> e : renamedFrom.entrySet()) {
            w.writeFixedLong(e.getKey());
            w.writeString(e.getValue());
        }
        w.writeInt(fileOps);
        directories.writeState(w);
        w.writeStrings(directoryNames);
        w.writeStrings(impactedFiles);
        w.writeLongs(impactDirs, impactDirCount);
        w.writeStrings(changedFiles);
        w.writeStrings(tools);
        w.writeStrings(exes);
        ProcessInfo.writeReference(w, lastActor);
        ProcessInfo.writeReference(w, program);
        w.writeString(unknownBinary);
        w.writeString(script);
        w.writeInt(scriptRewrites);
        w.writeLong(randomCopyDir);
        w.writeLong(randomCopyMillis);
        w.writeInt(randomCopyPid);
        w.writeLong(randomCopySuffix);
        w.writeInt(streamCipherParent);
        w.writeLong(streamCipherMillis);
        w.writeInt(filesByProgram.size());
        for (Map.Entry<ProcessInfo, int[]> e : filesByProgram.entrySet()) {
            ProcessInfo.writeReference(w, e.getKey());
            w.writeInt(e.getValue()[0]);
        }
        evidence.writeState(w);
        archived.writeState(w);
        w.writeLong(revision);
        w.writeLong(scoredRevision);
        w.writeInt(score);
        w.writeEnum(severity);
        w.writeEnum(notified);
        w.writeInstant(firstAlert);
        w.writeBoolean(filesAtFirstHigh != null);
        if (filesAtFirstHigh != null) {
            w.writeInt(filesAtFirstHigh);
        }
        w.writeStrings(commandOriginals);
    }

    private static void writeOptional(SnapshotWriter w, LongHashSet set) throws IOException {
        w.writeBoolean(set != null);
        if (set != null) {
            set.writeState(w);
        }
    }

    private static LongHashSet readOptional(SnapshotReader r, int initialCapacity, int cap) throws IOException {
        if (!r.readBoolean()) {
            return null;
        }
        LongHashSet set = new LongHashSet(initialCapacity, cap);
        set.readState(r);
        return set;
    }

    /** Reads a campaign {@link #writeState} wrote. */
    static Campaign readState(SnapshotReader r, CampaignSettings settings, PathMemory memory) throws IOException {
        long serial = r.readLong();
        String host = r.readString();
        ProcessInfo root = ProcessInfo.readReference(r);
        ProcessInfo promptShell = ProcessInfo.readReference(r);
        String parentExe = r.readString();
        long firstEventId = r.readLong();
        String rootExeAtStart = r.readString();
        String rootCommandLineAtStart = r.readString();
        if (root == null) {
            throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: campaign without root");
        }
        Campaign c = new Campaign(serial, host, root, parentExe, firstEventId, rootExeAtStart, rootCommandLineAtStart,
                settings, memory);
        c.promptShell = promptShell;
        c.firstSeen = r.readInstant();
        c.lastSeen = r.readInstant();
        c.lastMillis = r.readLong();
        c.firstMillis = r.readLong();
        c.actorCredentials = r.readCredentials();
        c.privilegedActor = r.readBoolean();
        for (Signal s : c.signals) {
            s.readState(r);
        }
        c.files.readState(r);
        c.identities = r.readInt();
        c.temporaries = r.readInt();
        c.deletedFirst = r.readInt();
        c.temporaryFiles = readOptional(r, 8, settings.maxTrackedFiles);
        c.builtExecutables = readOptional(r, 8, MAX_BUILT);
        c.archiveCopies = readOptional(r, 8, c.archiveCopiesCap());
        int n = r.readLength();
        if (n > 0) {
            c.renamedFrom = new HashMap<>();
        }
        for (int i = 0; i < n; i++) {
            c.renamedFrom.put(r.readFixedLong(), r.readString());
        }
        c.fileOps = r.readInt();
        c.directories.readState(r);
        r.readStrings(c.directoryNames);
        r.readStrings(c.impactedFiles);
        int dirs = r.readLength();
        if (dirs > c.impactDirs.length) {
            throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: " + dirs
                    + " impact directories, at most " + c.impactDirs.length + " are kept");
        }
        for (int i = 0; i < dirs; i++) {
            c.impactDirs[i] = r.readLong();
        }
        c.impactDirCount = dirs;
        r.readStrings(c.changedFiles);
        r.readStrings(c.tools);
        r.readStrings(c.exes);
        c.lastActor = ProcessInfo.readReference(r);
        c.program = ProcessInfo.readReference(r);
        c.unknownBinary = r.readString();
        c.script = r.readString();
        c.scriptRewrites = r.readInt();
        c.randomCopyDir = r.readLong();
        c.randomCopyMillis = r.readLong();
        c.randomCopyPid = r.readInt();
        c.randomCopySuffix = r.readLong();
        c.streamCipherParent = r.readInt();
        c.streamCipherMillis = r.readLong();
        n = r.readLength();
        if (n > 0) {
            c.filesByProgram = new IdentityHashMap<>(4);
        }
        for (int i = 0; i < n; i++) {
            c.filesByProgram.put(ProcessInfo.readReference(r), new int[] {r.readInt()});
        }
        c.evidence.readState(r);
        c.archived.readState(r);
        c.revision = r.readLong();
        c.scoredRevision = r.readLong();
        c.score = r.readInt();
        c.severity = r.readEnum(Severity.values());
        c.notified = r.readEnum(Severity.values());
        c.firstAlert = r.readInstant();
        c.filesAtFirstHigh = r.readBoolean() ? r.readInt() : null;
        List<String> originals = r.readStringList();
        c.commandOriginals = originals.isEmpty() ? null : originals;
        return c;
    }

    /**
     * Files the campaign changed the way encryption does: overwritten in place, paired with a copy, archived into
     * an encrypted archive and deleted, or renamed.
     */
    /**
     * Files overwritten in place (or replaced by a rename) are encryption only with a sign that their content became
     * something else: they also got a new name, a ransom note was left, an encrypting tool ran, early facts hold, a
     * program from outside the system directories or a script rewrote files it did not create, originals were
     * deleted after their copies, or the written data looks encrypted. Without one, writing existing files is what databases, file servers,
     * web applications and editors do all day (postgres recycling WAL segments, smbd saving documents, php-fpm
     * writing sessions), and it is not counted as encryption.
     */
    boolean overwriteCorroborated() {
        return overwrite.fired() && (extension.fired() || notes.fired() || deleteAfter.fired()
                || encryptionTool.runs() > 0 || early.fired() || early.rewriterOutsideTheSystem() || content.fired());
    }

    int impactFiles() {
        return overwrite.inPlace() + deleteAfter.pairs() + deleteAfter.archived() + overwrite.renameOnly();
    }

    /** Distinct files changed, notes excluded (from command lines when the lineage sent no file events). */
    int filesAffected() {
        if (deleteAfter.fromCommandLines()) {
            return deleteAfter.pairs();
        }
        return Math.max(0, identities - temporaries - notes.noteCount() - deletedBeforeEncryption());
    }

    /** Files deleted before the campaign encrypted or destroyed anything, once it has (else 0: they are its work). */
    int deletedBeforeEncryption() {
        return nothingEncryptedYet() ? 0 : deletedFirst;
    }

    /** Distinct files changed, notes included. */
    int identities() {
        return identities;
    }

    boolean filesCapped() {
        return files.full();
    }

    int directoryCount() {
        return directories.size();
    }

    private long key(long pathHash) {
        return RecentPathTable.key(serial, pathHash);
    }

    private void touch(Event e, long millis) {
        if (millis >= lastMillis) {
            if (millis > lastMillis || e.time().isAfter(lastSeen)) {
                lastSeen = e.time();
            }
            lastMillis = millis;
        } else if (millis <= firstMillis && e.time().isBefore(firstSeen)) {
            firstSeen = e.time();
            firstMillis = millis;
        }
    }

    /** A process of this campaign acted; remembers its executable and credentials. */
    void actor(ProcessInfo p) {
        if (p == lastActor) {
            return;
        }
        lastActor = p;
        String exe = p.exe() != null ? p.exe() : p.exeName();
        if (exe != null && exes.size() < MAX_TOOLS && !exes.contains(exe)) {
            exes.add(exe);
        }
        if (actorCredentials == Credentials.UNKNOWN && p.credentials() != Credentials.UNKNOWN) {
            actorCredentials = p.credentials();
        }
    }

    /** An exec of an encryption or destruction tool, or a bulk runner, in this campaign. */
    void onTool(Event exec, ProcessInfo p, ToolUse use, String bulkIndicator, long millis) {
        revision++;
        touch(exec, millis);
        actor(p);
        if (bulkIndicator != null) {
            bulk.recordInvocation(bulkIndicator);
            evidence.add(SignalKind.BULK_INVOCATION, exec);
        }
        if (use == null) {
            return;
        }
        if (use.encrypts() || use.action() == ToolUse.Action.ARCHIVE) {
            archived.run(p, use, millis);
        }
        if (use.encrypts()) {
            if (use.targets().isEmpty() && (use.output() == null || ToolUse.STDOUT.equals(use.output()))) {
                streamCipherParent = p.ppid();
                streamCipherMillis = millis;
            }
            encryptionTool.record(use);
            evidence.add(SignalKind.ENCRYPTION_TOOL, exec);
            addTool(p, use.tool());
            traversalFact(use);
            long copy = use.archive() ? ARCHIVE_INPUT : copyStem(use);
            String out = use.output();
            if (!use.archive() && out != null && !ToolUse.STDOUT.equals(out)) {
                memory.encryptedByCommand.put(outputKey(out), millis, 0, serial);
                if (use.targets().isEmpty() && copy != NO_COPY_STEM) {
                    // fed on stdin (gzip -c F | openssl enc -out F.lock): the output is named after the file it
                    // holds, the only trace of which one; rm F after it deletes an original, as after -in F
                    memory.encryptedByCommand.put(key(copy), millis, copy, serial);
                }
            }
            for (String target : use.targets()) {
                memory.encryptedByCommand.put(key(PathNames.hash(target)), millis, copy, serial);
                if (fileOps == 0 && !use.archive()) {
                    if (commandOriginals == null) {
                        commandOriginals = new ArrayList<>();
                    }
                    if (commandOriginals.size() < MAX_COMMAND_ORIGINALS) {
                        commandOriginals.add(target);
                    }
                }
            }
        } else if (use.action() == ToolUse.Action.DELETE) {
            for (String target : use.targets()) {
                int slot = memory.encryptedByCommand.find(key(PathNames.hash(target)), millis - settings.pairWindowMillis);
                if (slot >= 0 && fileOps > 0) {
                    // the lineage sends file events: its unlink of the target pairs it (onDelete), wherever the copy went
                    evidence.add(SignalKind.DELETE_AFTER_ENCRYPT, exec);
                } else if (slot >= 0) {
                    memory.encryptedByCommand.remove(slot);
                    deleteAfter.pairedByCommands(target);
                    early.deletedAfterCopy(target);
                    evidence.add(SignalKind.DELETE_AFTER_ENCRYPT, exec);
                    if (fileOps == 0) {
                        listImpact(target);
                        directory(target, PathNames.directoryHash(target));
                    }
                } else if (fileOps == 0) {
                    // no file events from this lineage: rm -rf DIR after tar c DIR | openssl … is what the commands show
                    long ph = PathNames.hash(target);
                    if (archivedThenDeleted(exec, target, ph, millis) != ArchivedInputs.NOT_COVERED) {
                        directory(target, PathNames.directoryHash(target));
                        newIdentity(ph, target, millis);
                    }
                }
            }
        } else if (use.destroys()) {
            boolean keepsTheName = "shred".equals(use.label()) && p.ppid() > 0;
            // a caller that wrote anew what it had shredded before: this shred is the wipe step of its next rewrite
            boolean deferred = keepsTheName && memory.inPlace.find(rewriterKey(p.ppid()), millis - settings.pairWindowMillis) >= 0;
            if (!deferred) {
                encryptionTool.record(use);
                addTool(p, use.tool());
            }
            for (String target : use.targets()) {
                long ph = PathNames.hash(target);
                int slot = memory.inPlace.find(key(ph), Long.MIN_VALUE);
                if (slot < 0 || memory.inPlace.aux(slot) == PENDING) {
                    long mark = !keepsTheName ? DESTROYED : deferred ? WIPED_FOR | DEFERRED | p.ppid() : WIPED_FOR | p.ppid();
                    memory.inPlace.put(key(ph), millis, mark, serial);
                    if (!deferred) {
                        overwrite.destroyedByTool(use.label());
                        listImpact(target);
                    }
                }
                newIdentity(ph, target, millis);
                directory(target, PathNames.directoryHash(target));
            }
            evidence.add(SignalKind.OVERWRITE_IN_PLACE, exec);
        }
        bulk.directories(directories.size());
        notes.impactFiles(impactFiles());
    }

    /**
     * The originals the campaign's encrypting commands named, still waiting for their deletion, that {@code find}
     * deletes by its tests (a {@code find DIR ! -name '*.gpg' -delete} after {@code gpg --encrypt-files}): on a host
     * whose log shows no deletions, what the find's command line says it removed.
     */
    List<String> commandOriginals(io.ransomtrace.engine.signal.FindSelection find, long millis) {
        if (commandOriginals == null || fileOps > 0) {
            return List.of();
        }
        long since = millis - settings.pairWindowMillis;
        List<String> out = new ArrayList<>();
        for (String path : commandOriginals) {
            if (find.selects(path) && memory.encryptedByCommand.find(key(PathNames.hash(path)), since) >= 0) {
                out.add(path);
            }
        }
        return out;
    }

    /**
     * A deleted path that went into one of the campaign's encrypted archives is an original held in it (counted
     * once); returns how the archives covered it.
     */
    private int archivedThenDeleted(Event deletion, String path, long ph, long millis) {
        int coverage = archived.coverage(path, millis, settings.pairWindowMillis);
        if (coverage != ArchivedInputs.NOT_COVERED && !files.contains(ph)) {
            revision++;
            deleteAfter.archivedThenDeleted(path);
            early.deletedAfterCopy(path);
            if (coverage == ArchivedInputs.BELOW_INPUT && !early.traversalHeld()
                    && root.role() != ProcessRole.INTERACTIVE_SHELL) {
                // the archiver walked a whole folder (tar c DIR | openssl, 7z a -p DIR.7z DIR): one run is a traversal
                early.traversal("an encrypted archive of a whole folder (" + String.join(", ", archived.examples()) + ")");
            }
            evidence.add(SignalKind.DELETE_AFTER_ENCRYPT, deletion);
            listImpact(path);
        }
        return coverage;
    }

    /**
     * True when the campaign holds an encrypted copy of {@code path} whose original is still to be deleted: a copy it
     * wrote under a new suffix, an encrypting command of its that named the file as input, or an encrypted archive of
     * its that read it.
     */
    boolean holdsCopyOf(String path, long ph, long millis) {
        long since = millis - settings.pairWindowMillis;
        return memory.createdWithSuffix.find(key(ph), since) >= 0 || memory.encryptedByCommand.find(key(ph), since) >= 0
                || archived.coverage(path, millis, settings.pairWindowMillis) != ArchivedInputs.NOT_COVERED;
    }

    /** encryptedByCommand value of an encrypted archive's input: its deletion is judged by {@link ArchivedInputs}. */
    private static final long ARCHIVE_INPUT = 0;
    /** encryptedByCommand value of an encrypting run whose output has no suffix to pair by, or is unknown. */
    private static final long NO_COPY_STEM = 1;

    /**
     * The stem (path before its last suffix) of the file an encrypting command writes ({@code openssl -out
     * /dev/shm/.o/a.pdf.stg}), to find that copy again when the input is deleted; {@link #NO_COPY_STEM} when the
     * command names no output file or it has no suffix.
     */
    private long copyStem(ToolUse use) {
        String out = use.output();
        if (out == null || out.equals(ToolUse.STDOUT)) {
            return NO_COPY_STEM;
        }
        long stem = memory.scratch.of(out).stem;
        return stem == ARCHIVE_INPUT || stem == NO_COPY_STEM ? NO_COPY_STEM : stem;
    }

    /**
     * The encrypting tool is driven by a traversal: a recursive flag, repeated runs under a bulk runner or a
     * script, or one run handed many files by a bulk runner (find -exec … {} +, xargs). Never for commands typed
     * at a prompt (the campaign of an interactive session): a user encrypting a few files by hand is not a traversal.
     */
    private void traversalFact(ToolUse use) {
        if (root.role() == ProcessRole.INTERACTIVE_SHELL) {
            return;
        }
        int runs = encryptionTool.runs();
        if (use.recursive()) {
            early.traversal(use.label() + " (recursive)");
        } else if (runs >= 2 && bulk.invocations() > 0) {
            early.traversal(use.label() + " ×" + runs + " under " + bulk.firstLabel());
        } else if (use.targets().size() >= 3 && bulk.invocations() > 0) {
            // find -exec … {} + and xargs hand the files over in batches: one run over many found files
            early.traversal(use.label() + " over " + use.targets().size() + " files at once under "
                    + bulk.firstLabel());
        } else if (runs >= 3) {
            early.traversal(use.label() + " ×" + runs + " in a loop of " + root.commandLine());
        }
    }

    private void addTool(ProcessInfo p, String tool) {
        String t = p.exe() != null ? p.exe() : tool;
        if (tools.size() < MAX_TOOLS && !tools.contains(t)) {
            tools.add(t);
        }
    }

    /** A successful file operation that changes contents or names, by {@code actor} on behalf of {@code program}. */
    /**
     * @param archiveWriter the process writing one of the campaign's encrypted archives when the actor is (or
     *                      was started by) one, else null: what it creates is the archive, not a victim's file
     */
    void onFileOp(FileOp op, ProcessInfo actor, ProcessInfo program, long millis, boolean copyTool,
                  ProcessInfo archiveWriter, String unknownBinary, String script, boolean implied) {
        this.program = program;
        this.unknownBinary = unknownBinary;
        this.script = script;
        // an operation implied by a command's arguments (a host without file events) is no file telemetry: the
        // campaign's deletions are still paired from the commands (onTool)
        if (implied) {
            mass.fromCommandLine();
        } else if (fileOps++ == 0) {
            deleteAfter.fileTelemetry();
            revision++;
        }
        touch(op, millis);
        actor(actor);
        String path = op.path();
        if (path == null || path.isEmpty()) {
            return;
        }
        PathHashes h = memory.scratch.of(path);
        long ph = h.full;
        switch (op.kind()) {
            case CREATE -> {
                if ((op.openFlags() & OpenFlags.O_TMPFILE) == OpenFlags.O_TMPFILE) {
                    unnamedFile(path, millis);
                    return;
                }
                if (archiveWriter != null && archiveOutput(path, h, archiveWriter, millis)) {
                    return;
                }
                if (copyTool || actor.pid() < 0) {
                    // file events that name no process (file integrity monitoring) may be a copy tool's as well: a
                    // file of the same name created just before a rename means an intact copy exists (keptElsewhere)
                    memory.created.put(copiedNameKey(path, h.slash), millis, 0, serial);
                }
                onCreate(op, path, h, millis);
            }
            case WRITE, TRUNCATE -> {
                if (emptiedAfterItsCopy(actor, ph, millis)) {
                    // truncate -s 0 F after F's encrypted copy was written: F's content is gone as if unlinked, and
                    // the empty name left behind holds nothing; the copy pairs with it like with rm F, and the
                    // original, counted when truncate's command line named it, is the same file as its copy
                    boolean countedByItsCommand = files.contains(ph);
                    onDelete(op, path, ph, h.directory, millis, false);
                    if (countedByItsCommand && identities > 0) {
                        identities--;
                    }
                } else {
                    boolean copiesCiphertext = copyTool && copiesEncryptedOutput(actor, path, millis);
                    onWrite(op, path, ph, h.directory, millis, copyTool && !copiesCiphertext, copiesCiphertext);
                }
            }
            case RENAME -> onRename(op, path, ph, h.directory, millis);
            case DELETE -> onDelete(op, path, ph, h.directory, millis, archiveWriter != null);
            default -> {
                return;
            }
        }
        if (op.contentHint() != null) {
            revision++;
            content.observe(op.contentHint(), op.kind() == FileOpKind.RENAME
                    && op.targetPath() != null ? op.targetPath() : path);
            evidence.add(SignalKind.CONTENT_HINT, op);
        }
        evidence.add(SignalKind.MASS_MODIFICATION, op);
        bulk.directories(directories.size());
        notes.impactFiles(impactFiles());
    }

    /**
     * A file created by the writer of an encrypted archive is the archive (or its temp file), not a victim's
     * file: remembered as the campaign's own, never counted. An archive named after its one input
     * ({@code 7z a -p f.pdf.7z f.pdf}, or {@code docs.7z} of the folder docs) waits to pair with a deletion of
     * that input like f.pdf.enc would; the original is counted when it is deleted.
     */
    private int archiveCopiesCap() {
        return Math.max(1000, settings.maxTrackedFiles / 4);
    }

    private boolean archiveOutput(String path, PathHashes h, ProcessInfo writer, long millis) {
        if (h.dot > 0 && archived.copyOfInput(writer, h.stem)) {
            if (archiveCopies == null) {
                archiveCopies = new LongHashSet(8, archiveCopiesCap());
            }
            archiveCopies.add(h.stem);
            if (ExtensionChangeSignal.eligible(settings.benign, path, h.dot + 1, path.length())) {
                memory.createdWithSuffix.put(key(h.stem), millis, extension.register(path, h.dot), serial);
            }
        }
        memory.created.put(key(h.full), millis, 0, serial);
        files.add(h.full);
        directory(path, h.directory);
        return true;
    }

    private void onCreate(FileOp op, String path, PathHashes h, long millis) {
        long ph = h.full;
        rewroteWhatItWiped(op, ph, millis);
        int dot = h.dot;
        long originalKey = key(h.stem);
        memory.created.put(key(ph), millis, 0, serial);
        if (randomName(path, h.slash)) {
            randomCopyDir = h.directory;
            randomCopyMillis = millis;
            randomCopyPid = lastActor != null ? lastActor.pid() : -1;
            randomCopySuffix = suffixHash(path);
        }
        long dirHash = directory(path, h.directory);
        boolean newFile = !files.contains(ph);
        boolean note = dot > 0 && files.contains(h.stem)
                ? notes.createdPerFile(path, h.slash, dot, dirHash, millis, op.contentHint(), newFile)
                : notes.created(path, h.slash, dot, dirHash, millis, op.contentHint(), newFile);
        if (note) {
            revision++;
            evidence.add(SignalKind.RANSOM_NOTE, op);
            String spread = notes.spreadNote();
            if (spread == null && !early.noteHeld()) {
                spread = notes.spreadNoteNamedAfter(extension.topSuffix());
            }
            if (spread != null) {
                early.note(spread);
            }
        }
        if (dot > 0 && ExtensionChangeSignal.eligible(settings.benign, path, dot + 1, path.length())) {
            long suffixHash = extension.register(path, dot);
            int slot = memory.deleted.find(originalKey, millis - settings.pairWindowMillis);
            if (slot >= 0) {
                memory.deleted.remove(slot);
                if (deletedFirst > 0 && nothingEncryptedYet()) {
                    deletedFirst--; // read, unlinked, then written under a new suffix: the first file held, not clean-up
                }
                pair(path.substring(0, dot), suffixHash, op, false);
                files.add(ph); // the copy of a file already counted
                return;
            }
            memory.createdWithSuffix.put(originalKey, millis, suffixHash, serial);
        }
        newIdentity(ph, path, millis);
    }

    /**
     * {@code shred F} without {@code -u} overwrites F's blocks and leaves the name; when the process that started it
     * then unlinks F and creates F again (ansible-vault encrypt: the plaintext shredded, the vault text written under
     * the same name, O_EXCL), the name holds the data its owner's tool just wrote: the shred was the wipe step of a
     * rewrite by that process, not a destroying run. The file still counts as overwritten in place, and as for any
     * rewrite in place the rest of the campaign (notes, suffixes, an unknown binary, the content) tells whether
     * that is encryption ({@link #overwriteCorroborated}). Once a process has done so, its next plain shreds are not
     * counted as destroying runs at all until it unlinks and writes the file again (a tool of 32 such rewrites is
     * never, between a shred and its rewrite, a campaign of 31 overwrites and a destroying run).
     */
    private void rewroteWhatItWiped(FileOp op, long ph, long millis) {
        int slot = memory.inPlace.find(key(ph), millis - settings.pairWindowMillis);
        if (slot < 0 || op.actor() == null) {
            return;
        }
        long mark = memory.inPlace.aux(slot);
        if ((mark & REPLACING) != 0 && (mark & PID_BITS) == op.actor().pid()) {
            memory.inPlace.remove(slot);
            if ((mark & DEFERRED) != 0) {
                overwrite.overwritten(); // never counted as destroyed: counted now as what it is, a rewrite in place
                listImpact(op.path());
            } else {
                overwrite.rewrittenByCaller();
                encryptionTool.retract("shred");
            }
            memory.inPlace.put(rewriterKey(op.actor().pid()), millis, REWRITER, serial);
            revision++;
        }
    }

    /** Key under which the inPlace table remembers a process that rewrites what it shreds (keys of their own). */
    private long rewriterKey(int pid) {
        return key(pid ^ REWRITER_SALT);
    }

    /**
     * Key of a file an encrypting command of the campaign wrote ({@code openssl enc … -out /dev/shm/.s/x.e}), kept in
     * the encryptedByCommand table under keys of their own (the path's hash salted), so no input lookup meets them.
     */
    private long outputKey(String path) {
        return key(PathNames.hash(path) ^ ENCRYPTED_OUTPUT_SALT);
    }

    private static final long ENCRYPTED_OUTPUT_SALT = 0x5bd1e9955bd1e995L;

    /**
     * The copy tool writing {@code path} copies a file one of the campaign's encrypting commands wrote: a source
     * operand of its command line (every operand but the written file) is such an output. cp writes its source's
     * bytes, so {@code cp --no-preserve=all STAGE/x.e F} over an existing F puts ciphertext over the original, which
     * is an overwrite in place however legitimate the copier; copies of any other file stay copies.
     */
    private boolean copiesEncryptedOutput(ProcessInfo actor, String path, long millis) {
        if (actor == null || !actor.argvKnown()) {
            return false;
        }
        List<String> argv = actor.argv();
        long since = millis - settings.pairWindowMillis;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.isEmpty() || a.startsWith("-")) {
                continue;
            }
            String operand = PathNames.resolve(actor.cwd(), a);
            if (operand != null && !operand.equals(path)
                    && memory.encryptedByCommand.find(outputKey(operand), since) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void onWrite(FileOp op, String path, long ph, long dirHash, long millis, boolean copyTool,
                         boolean encryptedSource) {
        int flags = op.openFlags();
        boolean append = (flags & OpenFlags.O_APPEND) != 0;
        // a cache rewritten in place (fc-cache, debconf, mandb under a package install) is regenerated, not held
        if (!append && !copyTool && !PathNames.inCacheDirectory(path)
                && memory.created.find(key(ph), millis - settings.pairWindowMillis) < 0) {
            int slot = memory.inPlace.find(key(ph), Long.MIN_VALUE);
            // Truncating rewrites (O_TRUNC, truncate(2)) are what every build and copy does to stale files;
            // they count only once the same file is also renamed to a new suffix, or its content looks
            // encrypted. A rewrite that keeps the file (O_RDWR, O_WRONLY without O_TRUNC) counts at once.
            boolean truncating = op.kind() == FileOpKind.TRUNCATE || OpenFlags.truncates(flags);
            boolean ciphertext = encryptedSource || op.contentHint() != null && op.contentHint().entropy() != null
                    && op.contentHint().entropy() >= settings.signals.contentEntropy();
            // renamed to a new suffix first, rewritten after (mv f f.rnsmw; … cat enc > f.rnsmw): the suffix
            // came before the truncation this time, and it tells the same
            boolean renamedFirst = truncating && memory.renamedTo.find(key(ph), Long.MIN_VALUE) >= 0;
            boolean counts = !truncating || ciphertext || renamedFirst;
            if (slot < 0) {
                memory.inPlace.put(key(ph), millis, counts ? COUNTED : PENDING, serial);
                if (counts) {
                    inPlaceCounted(op, path, ph);
                    if (!truncating && fedByAStreamCipher(millis)) {
                        early.pipedInPlace(path);
                    }
                }
            } else if (counts && memory.inPlace.aux(slot) == PENDING) {
                memory.inPlace.put(key(ph), millis, COUNTED, serial);
                inPlaceCounted(op, path, ph);
            }
        }
        directory(path, dirHash);
        newIdentity(ph, path, millis);
    }

    /**
     * The writer is {@code truncate} told to cut its files to size 0 (coreutils: {@code -s 0}, {@code -s0},
     * {@code --size=0}, {@code --size 0}), and the file already has an encrypted sibling (F.enc written by the
     * campaign just before): the original destroyed, the way {@code rm F} would. Without the sibling an emptied file
     * (a log cleared by hand) stays an ordinary write.
     */
    private boolean emptiedAfterItsCopy(ProcessInfo actor, long ph, long millis) {
        return actor != null && "truncate".equals(actor.exeName()) && TruncateCommand.emptiesFiles(actor.argv())
                && memory.createdWithSuffix.find(key(ph), millis - settings.pairWindowMillis) >= 0;
    }

    /** How close in time a pipeline's members start: a shell forks them one after the other, within milliseconds. */
    private static final long PIPELINE_MILLIS = 2_000;

    /**
     * The writer rewriting a file in place (without truncating it) is a sibling of an encrypting command that reads
     * and writes pipes, started with it: {@code dd if=F | openssl enc … | dd of=F conv=notrunc} puts F's encryption
     * back over F's own blocks. Siblings share the shell that forked the pipeline, hence the parent.
     */
    private boolean fedByAStreamCipher(long millis) {
        return streamCipherParent > 0 && lastActor != null && lastActor.ppid() == streamCipherParent
                && Math.abs(millis - streamCipherMillis) <= PIPELINE_MILLIS;
    }

    private void inPlaceCounted(Event e, String path, long ph) {
        revision++;
        overwrite.overwritten();
        rewriteFacts();
        evidence.add(SignalKind.OVERWRITE_IN_PLACE, e);
        if (memory.renamedTo.find(key(ph), Long.MIN_VALUE) >= 0) {
            overwrite.renamedThenWritten(); // renamed first (f -> f.locked), encrypted after
        } else {
            listImpact(path);
        }
    }

    private void onRename(FileOp op, String path, long ph, long dirHash, long millis) {
        String target = op.targetPath();
        newIdentity(ph, path, millis);
        directory(path, dirHash);
        if (target == null || target.isEmpty()) {
            return;
        }
        long th = PathNames.hash(target);
        files.add(th); // the same file under its new name
        // the campaign's own file, unless it is a victim's file its temp replaced (that file's story goes on)
        boolean ownFile = memory.created.find(key(ph), millis - settings.pairWindowMillis) >= 0
                && !replacedPending(ph);
        if (ownFile) {
            if (memory.encryptedByCommand.find(key(th), millis - settings.pairWindowMillis) >= 0) {
                replacedByItsEncryption(op, target, th, millis);
                return;
            }
            if (memory.created.find(key(th), millis - settings.pairWindowMillis) < 0
                    && memory.inPlace.find(key(th), Long.MIN_VALUE) < 0) {
                // a temp moved over a file the campaign did not create (sed -i, an editor's or a script's safe
                // write): the file's content replaced wholesale, as a truncating rewrite does; like one, it counts
                // only if the file then gets a new suffix (a locker's tempfile + os.replace + rename)
                memory.inPlace.put(key(th), millis, PENDING, serial);
            }
            memory.created.put(key(th), millis, 0, serial); // later writes to it are the campaign's own (sed, rsync)
            return;
        }
        int dot = ExtensionChangeSignal.renameSuffixDot(settings.benign, settings.known, settings.ordinary, path, target);
        if (dot < 0 || (memory.inPlace.find(key(ph), Long.MIN_VALUE) < 0 && keptElsewhere(path, millis))) {
            followRename(path, ph, th, millis);
            return;
        }
        revision++;
        extension.record(extension.register(target, dot));
        suffixFact();
        evidence.add(SignalKind.EXTENSION_CHANGE, op);
        int written = memory.inPlace.find(key(ph), Long.MIN_VALUE);
        if (written >= 0 && memory.inPlace.aux(written) == PENDING) {
            memory.inPlace.put(key(ph), millis, COUNTED, serial); // truncated, rewritten, then given a new suffix
            overwrite.overwritten();
            rewriteFacts(); // perl's open '>' and python's open('w') truncate: the rename is what tells it apart
            evidence.add(SignalKind.OVERWRITE_IN_PLACE, op);
            listImpact(path);
        } else if (written < 0) {
            overwrite.renamedOnly();
            memory.renamedTo.put(key(th), millis, 0, serial);
            listImpact(path);
        }
    }

    /**
     * Salt of the key under which the created table remembers that one of the campaign's copy tools wrote a file of
     * a base name (cp F /archive/ writes /archive/F), beside the full paths it holds under their own hash.
     */
    private static final long COPIED_NAME = 0x5bd1e995c0f7a1a5L;

    private long copiedNameKey(String path, int slash) {
        return key(COPIED_NAME ^ PathNames.hash(path, slash + 1, path.length()));
    }

    /**
     * The file, untouched by the campaign, was copied intact under its own name by one of the campaign's copy tools
     * just before this rename ({@code cp -p F /archive/ && mv F F.processed}): its content is kept, the new name
     * only marks it done (ingest jobs, spools). Such a rename holds nothing hostage and is followed like any other.
     * A file the campaign rewrote first, or one renamed with no intact copy, still counts.
     */
    private boolean keptElsewhere(String path, long millis) {
        return memory.created.find(copiedNameKey(path, path.lastIndexOf('/')), millis - settings.pairWindowMillis) >= 0;
    }

    /** How soon after its random-named copy an original must go to be taken as that copy's original. */
    private static final long RANDOM_COPY_MILLIS = 2_000;

    /**
     * An ordinary file the campaign never touched, deleted by the process that wrote a random-named file into the
     * same folder just before (a locker naming each encrypted copy uuid4().hex). A random name replacing a random
     * name (cache eviction) does not count, nor a copy whose name relates to the original's (gzip, convert): those
     * pair by name or not at all.
     */
    private boolean copiedUnderARandomName(String path, long ph, long dirHash, long millis) {
        return randomCopyMillis > 0 && dirHash == randomCopyDir && millis - randomCopyMillis <= RANDOM_COPY_MILLIS
                && lastActor != null && lastActor.pid() == randomCopyPid && !files.contains(ph)
                && !randomName(path, path.lastIndexOf('/'))
                && (randomCopySuffix == 0 || randomCopySuffix != suffixHash(path));
    }

    /**
     * {@code open(DIR, O_TMPFILE)}: a new file in DIR that has no name yet (linkat gives it one, often not audited).
     * Like a copy under a random name, it pairs with the deletion of an ordinary file of DIR by the same process just
     * after ({@link #copiedUnderARandomName}): a locker writing each encrypted copy through an unnamed file. It is no
     * file of its own until named.
     */
    private void unnamedFile(String folder, long millis) {
        String dir = folder.length() > 1 && folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        randomCopyDir = PathNames.hash(dir);
        randomCopyMillis = millis;
        randomCopyPid = lastActor != null ? lastActor.pid() : -1;
        randomCopySuffix = UNNAMED_COPY;
    }

    /** randomCopySuffix of an unnamed copy: not a suffix hash; its original is the file to count (the copy never was). */
    private static final long UNNAMED_COPY = 1;

    /**
     * Case-insensitive hash of a name's suffix, 0 without one. A copy named by its content's hash that keeps the
     * original's type ({@code IMG_2041.JPG} → {@code <sha1>.jpg}, a photo deduplicator moving across file systems)
     * is that file under a new name, not its encryption.
     */
    private static long suffixHash(String path) {
        int dot = PathNames.suffixDot(path);
        return dot > 0 ? PathNames.hashLower(path, dot + 1, path.length()) : 0;
    }

    /**
     * A file name of at least 16 hex digits (dashes allowed, as in a UUID) and no word, with at most one short suffix
     * after it ({@code uuid4().hex}, {@code <uuid>.lck}): a name made by a program, not by a person or from the
     * original's.
     */
    static boolean randomName(String path, int slash) {
        int end = path.length();
        int dot = path.lastIndexOf('.');
        if (dot > slash && end - dot - 1 >= 1 && end - dot - 1 <= MAX_RANDOM_NAME_SUFFIX) {
            for (int i = dot + 1; i < end; i++) {
                if (!Character.isLetterOrDigit(path.charAt(i))) {
                    return false;
                }
            }
            end = dot;
        }
        int hex = 0;
        for (int i = slash + 1; i < end; i++) {
            char c = path.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                hex++;
            } else if (c != '-') {
                return false;
            }
        }
        return hex >= 16;
    }

    /** The longest suffix a random name may carry: the lockers' own ({@code .lck}, {@code .8bx1}, {@code .locked}). */
    private static final int MAX_RANDOM_NAME_SUFFIX = 8;

    private boolean replacedPending(long ph) {
        int slot = memory.inPlace.find(key(ph), Long.MIN_VALUE);
        return slot >= 0 && memory.inPlace.aux(slot) == PENDING;
    }

    /**
     * A file the campaign wrote moved over a file an encrypting command had read ({@code openssl enc -in f -out
     * f.tmp; mv -f f.tmp f}): the original's content replaced by its encryption, a rewrite in place by other
     * means. A temp moved over a file no encrypting command read stays what sed -i, rsync and dpkg do.
     */
    private void replacedByItsEncryption(FileOp op, String target, long th, long millis) {
        revision++;
        memory.inPlace.put(key(th), millis, COUNTED, serial);
        overwrite.overwritten();
        rewriteFacts();
        evidence.add(SignalKind.OVERWRITE_IN_PLACE, op);
        listImpact(target);
    }

    /**
     * A rename to a name with no new suffix keeps the file's story going under the new name: shred -u
     * renames {@code f} to {@code 0000…}, {@code 000…}, … {@code 0} before unlinking it, and that unlink is
     * the deletion of {@code f} (pairing with {@code f.gpg}, and taking back an in-place overwrite, as for a
     * plain delete of {@code f}).
     */
    private void followRename(String path, long ph, long th, long millis) {
        boolean moved = false;
        int slot = memory.createdWithSuffix.find(key(ph), millis - settings.pairWindowMillis);
        if (slot >= 0) {
            long when = memory.createdWithSuffix.millis(slot);
            long suffixHash = memory.createdWithSuffix.aux(slot);
            memory.createdWithSuffix.remove(slot);
            memory.createdWithSuffix.put(key(th), when, suffixHash, serial);
            moved = true;
        }
        slot = memory.inPlace.find(key(ph), millis - settings.pairWindowMillis);
        if (slot >= 0) {
            long when = memory.inPlace.millis(slot);
            long mark = memory.inPlace.aux(slot);
            memory.inPlace.remove(slot);
            memory.inPlace.put(key(th), when, mark, serial);
            moved = true;
        }
        if (moved) {
            if (renamedFrom.isEmpty()) {
                renamedFrom = new HashMap<>();
            }
            String origin = renamedFrom.remove(ph);
            if (renamedFrom.size() < MAX_RENAME_CHAINS) {
                renamedFrom.put(th, origin != null ? origin : path);
            }
        }
    }

    /** @param byArchiveWriter the deleting process writes one of the campaign's encrypted archives */
    private void onDelete(FileOp op, String path, long ph, long dirHash, long millis, boolean byArchiveWriter) {
        String origin = renamedFrom.isEmpty() ? null : renamedFrom.remove(ph);
        int written = memory.inPlace.find(key(ph), millis - settings.pairWindowMillis);
        int slot = memory.createdWithSuffix.find(key(ph), millis - settings.pairWindowMillis);
        if (written >= 0) {
            long mark = memory.inPlace.aux(written);
            // written then deleted: a temporary, not an overwritten original; shredded then deleted is
            // destruction (shred -u) and stays, unless an encrypted copy pairs with it (gpg f; shred -u f:
            // the copy is what remains, new-file-then-delete)
            boolean destroyed = mark == DESTROYED || (mark & WIPED_FOR) != 0 && (mark & DEFERRED) == 0;
            if (mark == COUNTED || (destroyed && slot >= 0)) {
                revision++;
                overwrite.retracted();
            }
            memory.inPlace.remove(written);
            if ((mark & WIPED_FOR) != 0 && slot < 0 && op.actor() != null && op.actor().pid() == (mark & PID_BITS)) {
                // the process that had F shredded unlinks it: whether it writes F anew decides what the shred was
                memory.inPlace.put(key(ph), millis, REPLACING | (mark & (DEFERRED | PID_BITS)), serial);
            }
        }
        if (slot >= 0 && origin == null && memory.created.find(key(ph), millis - settings.pairWindowMillis) >= 0) {
            // the deleted file was one the campaign itself created (the log shows its creation): split's F.part-aa
            // encrypted to F.part-aa.e and removed is a stage of the campaign's own pipeline, not an original of
            // the victim's; it is a temporary below, and its copy counts only if it stays
            memory.createdWithSuffix.remove(slot);
            slot = -1;
        }
        if (slot >= 0) {
            long suffixHash = memory.createdWithSuffix.aux(slot);
            memory.createdWithSuffix.remove(slot);
            String original = origin != null ? origin : path;
            boolean archiveCopy = archiveCopies != null && archiveCopies.contains(origin != null ? PathNames.hash(origin) : ph);
            pair(original, suffixHash, op, archiveCopy);
            if (archiveCopy) {
                directory(path, dirHash);
                newIdentity(ph, original, millis); // its archive was not counted: the original is the file
                return;
            }
            if (!files.add(ph) && origin != null && identities > 0) {
                identities--; // the original was counted when it was wiped; its copy is the same file
            }
            return;
        }
        if (origin == null && memory.created.find(key(ph), millis - settings.pairWindowMillis) >= 0
                && files.contains(ph)) {
            if (byArchiveWriter) {
                // the archiver's own probe or temp file (zip creates and unlinks F.zip before writing it through
                // a temp): it was never counted as a file, so it is no temporary to take off the count either
                return;
            }
            // created and deleted by the campaign itself: a lock or temp file (gpg's ~/.gnupg/.#lk…), not
            // a file of the victim's (a build tree cleaned twice is still one temporary per file)
            if (temporaryFiles == null) {
                temporaryFiles = new LongHashSet(8, settings.maxTrackedFiles);
            }
            if (temporaryFiles.add(ph)) {
                revision++;
                temporaries++;
            }
            return;
        }
        if (encryptedElsewhere(op, path, ph, dirHash, millis)) {
            return;
        }
        if (copiedUnderARandomName(path, ph, dirHash, millis)) {
            // the file's content went to the new file with a random name just written beside it by the same
            // process, and the file is gone: a copy and its original, whatever the names
            boolean unnamedCopy = randomCopySuffix == UNNAMED_COPY;
            randomCopyMillis = 0; // one copy, one original
            revision++;
            if (unnamedCopy) {
                newIdentity(ph, path, millis); // the copy had no name to count it by: the original is the file
            } else {
                files.add(ph);
            }
            early.deletedAfterCopy(path);
            deleteAfter.paired(path);
            rewriteFacts();
            evidence.add(SignalKind.DELETE_AFTER_ENCRYPT, op);
            directory(path, dirHash);
            listImpact(path);
            return;
        }
        memory.deleted.put(key(ph), millis, 0, serial);
        directory(path, dirHash);
        int coverage = archivedThenDeleted(op, path, ph, millis);
        // deleted before the campaign encrypted or destroyed anything: if it goes on to, this was no file held for
        // ransom but the way back removed first (rm -rf /var/backups/* /srv/backup, T1490) or clean-up, and it is
        // taken off the files affected then; a campaign that only deletes still counts what it deleted
        boolean first = coverage == ArchivedInputs.NOT_COVERED && nothingEncryptedYet() && !files.contains(ph);
        newIdentity(ph, path, millis);
        if (first) {
            deletedFirst++;
        }
    }

    /** No encrypting or destroying run yet, and no file changed the way encryption does. */
    private boolean nothingEncryptedYet() {
        return encryptionTool.runs() == 0 && impactFiles() == 0;
    }

    /**
     * A file an encrypting command of the campaign named as its input ({@code openssl enc -in f -out X}), deleted:
     * its content now lives only in what the command wrote, wherever that is — beside it under another name, or in
     * another directory ({@code -out /dev/shm/.o/share/f.stg}, a staging tree mirroring the victim's). The
     * command's own arguments relate the copy to its original, so no name has to. A copy the campaign was seen
     * writing is the same file as its original (counted once) and gives its suffix.
     */
    private boolean encryptedElsewhere(FileOp op, String path, long ph, long dirHash, long millis) {
        int slot = memory.encryptedByCommand.find(key(ph), millis - settings.pairWindowMillis);
        if (slot < 0 || memory.encryptedByCommand.aux(slot) == ARCHIVE_INPUT) {
            return false;
        }
        long copyStem = memory.encryptedByCommand.aux(slot);
        memory.encryptedByCommand.remove(slot);
        directory(path, dirHash);
        int copy = copyStem == NO_COPY_STEM ? -1
                : memory.createdWithSuffix.find(key(copyStem), millis - settings.pairWindowMillis);
        if (copy >= 0) {
            long suffixHash = memory.createdWithSuffix.aux(copy);
            memory.createdWithSuffix.remove(copy);
            pair(path, suffixHash, op, false);
            files.add(ph); // the original of a copy already counted
            return true;
        }
        revision++;
        early.deletedAfterCopy(path);
        rewriteFacts();
        deleteAfter.paired(path);
        evidence.add(SignalKind.DELETE_AFTER_ENCRYPT, op);
        listImpact(path);
        newIdentity(ph, path, millis);
        return true;
    }

    /** @param archive the copy is a one-file encrypted archive of the original (7z a -p f.7z f; then f deleted) */
    private void pair(String originalPath, long suffixHash, FileOp op, boolean archive) {
        revision++;
        early.deletedAfterCopy(originalPath);
        if (!archive) {
            // a copy under a new suffix and the original gone is the file's content replaced, as a rewrite in
            // place is: the same facts when a program in no list, outside the system directories, or a script
            // does it
            rewriteFacts();
        }
        if (archive) {
            deleteAfter.archivedThenDeleted(originalPath);
        } else {
            deleteAfter.paired(originalPath);
        }
        extension.record(suffixHash);
        suffixFact();
        evidence.add(SignalKind.DELETE_AFTER_ENCRYPT, op);
        evidence.add(SignalKind.EXTENSION_CHANGE, op);
        listImpact(originalPath);
    }

    /** Early facts of an in-place rewrite counted as such: who did it (an unknown binary, a script). */
    private void rewriteFacts() {
        if (unknownBinary != null) {
            early.unknownRewrite(unknownBinary);
        }
        if (script != null && ++scriptRewrites >= 3) {
            early.scriptRewrite(script);
        }
    }

    /** A linker of this campaign wrote {@code path}: a program of the campaign's own build. */
    void built(String path) {
        if (path == null) {
            return;
        }
        if (builtExecutables == null) {
            builtExecutables = new LongHashSet(8, MAX_BUILT);
        }
        builtExecutables.add(PathNames.hash(path));
    }

    /** True when {@code exe} is a program this campaign's own build linked (a test binary it then runs). */
    boolean builtHere(String exe) {
        return exe != null && builtExecutables != null && builtExecutables.contains(PathNames.hash(exe));
    }

    /** Three files given the same new suffix. */
    private void suffixFact() {
        if (extension.value() >= 3 && extension.topSuffix() != null && !early.suffixHeld()) {
            early.suffix(extension.topSuffix());
            if (!early.noteHeld()) {
                String named = notes.spreadNoteNamedAfter(extension.topSuffix()); // notes left before the renames
                if (named != null) {
                    early.note(named);
                }
            }
        }
    }

    private void newIdentity(long ph, String path, long millis) {
        if (files.add(ph)) {
            revision++;
            identities++;
            mass.newFile(millis);
            if (program != null) {
                int[] n = filesByProgram.get(program);
                if (n == null && filesByProgram.size() < MAX_PROGRAMS) {
                    if (filesByProgram.isEmpty()) {
                        filesByProgram = new IdentityHashMap<>(4);
                    }
                    filesByProgram.put(program, n = new int[1]);
                }
                if (n != null) {
                    n[0]++;
                }
            }
            if (changedFiles.size() < settings.maxListedFiles) {
                changedFiles.add(path);
            }
        }
    }

    /**
     * The user a process acts as: its effective uid, or, where the source gives one user id only (ECS without
     * {@code user.effective}, most EDR tables), that one — a process whose real uid is root acts as root unless it
     * dropped its privileges, which such a source would have shown as another user.
     */
    private static boolean actsAsRoot(Credentials c) {
        return c.euid() == 0 || c.euid() == Credentials.UNSET && c.uid() == 0;
    }

    private void listImpact(String path) {
        if (lastActor != null && actsAsRoot(lastActor.credentials())) {
            privilegedActor = true; // root changed a victim's file (sudo's own timestamp files do not count)
        }
        if (impactedFiles.size() < settings.maxListedFiles) {
            impactedFiles.add(path);
        }
        if (impactDirCount <= SeverityPolicy.PERSONAL_SCOPE_DIRECTORIES) {
            long h = PathNames.directoryHash(path);
            for (int i = 0; i < impactDirCount; i++) {
                if (impactDirs[i] == h) {
                    return;
                }
            }
            impactDirs[impactDirCount++] = h;
        }
    }

    /**
     * Directories of the files changed the way encryption does, counted up to one more than a user's own scope
     * ({@link SeverityPolicy#PERSONAL_SCOPE_DIRECTORIES}): whether the campaign stayed within one or two folders.
     */
    int impactDirectories() {
        return impactDirCount;
    }

    private long directory(String path, long h) {
        if (directories.add(h)) {
            revision++;
            if (directoryNames.size() < settings.maxListedDirectories) {
                directoryNames.add(PathNames.directory(path));
            }
        }
        return h;
    }
}
