package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.process.ProcessInfo;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.signal.ToolUse;
import io.ransomtrace.engine.snapshot.SnapshotFormatException;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What one campaign put into encrypted archives, so that deleting it afterwards counts as holding it hostage
 * (the QLocker family on NAS boxes: {@code 7z a -p… -mhe=on} or {@code zip -e}, {@code rar -hp}, gpgtar, or
 * {@code tar c … | openssl enc}/{@code gpg -c}, then the originals deleted and a note left).
 *
 * <p>An archive is encrypted when the archiver itself encrypts (7z/rar with a password, zip -e/-P, gpgtar -e/-c),
 * when a {@code tar c} writing to stdout has an encrypting tool reading stdin at the other end of the pipe (the
 * two are started by the same shell within {@link #PIPE_MILLIS}), or when a {@code tar c -f F} archive F is
 * later named as the input of an encrypting command. The inputs (files, or directories standing for
 * everything below them) are then remembered; a file deleted later by the campaign that is one of them, or lies
 * below one, is an archived original deleted.
 *
 * <p>The processes that write the encrypted archive (the archiver, gpgtar's gpg, the encrypting end of the pipe)
 * are remembered too: what they create is the archive, not a victim's file.
 *
 * <p>Bounded: at most {@link #MAX_INPUTS} input paths, {@link #MAX_PENDING} pending pipe ends or file archives
 * and {@link #MAX_WRITERS} writers (the oldest go first).
 */
final class ArchivedInputs {
    /** How far apart the two ends of a pipeline may start. */
    static final long PIPE_MILLIS = 5_000;
    private static final int MAX_INPUTS = 65_536;
    private static final int MAX_PENDING = 64;
    private static final int MAX_WRITERS = 64;
    private static final int MAX_EXAMPLES = 3;

    /** A run waiting for its other half: a tar to stdout, an encryptor reading stdin, a tar into a file. */
    private record Pending(ProcessInfo process, long millis, List<String> inputs) {
    }

    /** A process writing an encrypted archive, with the hashes of its inputs. */
    private record Writer(ProcessInfo process, long[] inputHashes) {
    }

    private LongHashSet encrypted;
    private final List<String> examples = new ArrayList<>(MAX_EXAMPLES);
    private long lastEncryptedMillis = Long.MIN_VALUE;
    private ArrayDeque<Pending> stdoutArchives;
    private ArrayDeque<Pending> stdinEncryptors;
    private Map<Long, Pending> fileArchives;
    private ArrayDeque<Writer> writers;
    private int archives;

    /** Encrypted archives made so far. */
    int archives() {
        return archives;
    }

    /** The first archived input paths (for the signal's sentence). */
    List<String> examples() {
        return examples;
    }

    /** An exec of an archiver or an encrypting tool in this campaign. */
    void run(ProcessInfo p, ToolUse use, long millis) {
        if (use.action() == ToolUse.Action.ARCHIVE) {
            Pending tar = new Pending(p, millis, use.targets());
            if (ToolUse.STDOUT.equals(use.output())) {
                Pending reader = sibling(stdinEncryptors, p, millis);
                if (reader != null) {
                    encrypted(tar.inputs, millis, reader.process);
                } else {
                    stdoutArchives = offer(stdoutArchives, tar);
                }
            } else if (use.output() != null) {
                if (fileArchives == null) {
                    fileArchives = new HashMap<>();
                }
                if (fileArchives.size() >= MAX_PENDING) {
                    fileArchives.clear();
                }
                fileArchives.put(PathNames.hash(use.output()), tar);
            }
            return;
        }
        if (!use.encrypts()) {
            return;
        }
        if (use.archive()) {
            encrypted(use.targets(), millis, p);
        } else if (use.encryptsStdin()) {
            Pending tar = sibling(stdoutArchives, p, millis);
            if (tar != null) {
                encrypted(tar.inputs, millis, p);
            } else {
                stdinEncryptors = offer(stdinEncryptors, new Pending(p, millis, List.of()));
            }
        } else if (fileArchives != null) {
            for (String target : use.targets()) {
                Pending tar = fileArchives.remove(PathNames.hash(target));
                if (tar != null) {
                    encrypted(tar.inputs, millis, p);
                }
            }
        }
    }

    /** The other end of p's pipe: a pending run of the same parent started within {@link #PIPE_MILLIS}. */
    private static Pending sibling(ArrayDeque<Pending> pending, ProcessInfo p, long millis) {
        if (pending == null) {
            return null;
        }
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending q = it.next();
            if (Math.abs(millis - q.millis) > PIPE_MILLIS) {
                it.remove();
            } else if (q.process.ppid() == p.ppid() && q.process != p) {
                it.remove();
                return q;
            }
        }
        return null;
    }

    private static ArrayDeque<Pending> offer(ArrayDeque<Pending> pending, Pending p) {
        ArrayDeque<Pending> q = pending != null ? pending : new ArrayDeque<>();
        if (q.size() >= MAX_PENDING) {
            q.pollFirst();
        }
        q.addLast(p);
        return q;
    }

    private void encrypted(List<String> inputs, long millis, ProcessInfo writer) {
        archives++;
        lastEncryptedMillis = millis;
        if (encrypted == null) {
            encrypted = new LongHashSet(8, MAX_INPUTS);
        }
        long[] hashes = new long[inputs.size()];
        int n = 0;
        for (String input : inputs) {
            String root = root(input);
            if (root == null) {
                continue;
            }
            long h = PathNames.hash(root);
            hashes[n++] = h;
            encrypted.add(h);
            if (examples.size() < MAX_EXAMPLES && !examples.contains(root)) {
                examples.add(root);
            }
        }
        if (writers == null) {
            writers = new ArrayDeque<>();
        }
        if (writers.size() >= MAX_WRITERS) {
            writers.pollFirst();
        }
        writers.addLast(new Writer(writer, java.util.Arrays.copyOf(hashes, n)));
    }

    /**
     * The path an input stands for: the operand itself, or for a wildcard the directory above the first
     * wildcard ({@code 7z a -p x.7z '/srv/docs/*'}); null for the file system root (nothing is that broad).
     */
    private static String root(String input) {
        int wild = -1;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                wild = i;
                break;
            }
        }
        String r = input;
        if (wild >= 0) {
            int slash = input.lastIndexOf('/', wild);
            r = slash <= 0 ? null : input.substring(0, slash);
        }
        while (r != null && r.length() > 1 && r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r == null || r.isEmpty() || r.equals("/") ? null : r;
    }

    /** {@link #coverage}: the path went into no encrypted archive of this campaign. */
    static final int NOT_COVERED = 0;
    /** {@link #coverage}: the path itself was named as an archive input. */
    static final int INPUT = 1;
    /** {@link #coverage}: the path lies below a folder named as an archive input (the archiver walked the tree). */
    static final int BELOW_INPUT = 2;

    /**
     * Whether {@code path}, deleted at {@code millis}, went into an encrypted archive of this campaign within
     * {@code windowMillis} before: {@link #INPUT}, {@link #BELOW_INPUT} or {@link #NOT_COVERED}.
     */
    int coverage(String path, long millis, long windowMillis) {
        if (encrypted == null || millis - lastEncryptedMillis > windowMillis) {
            return NOT_COVERED;
        }
        // FNV state over the path: at each '/', the hash of the prefix before it (= PathNames.hash(path, 0, i))
        long h = 0xcbf29ce484222325L;
        int n = path.length();
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if (c == '/' && i > 0 && encrypted.contains(PathNames.mix(h))) {
                return BELOW_INPUT;
            }
            h = (h ^ c) * 0x100000001b3L;
        }
        return encrypted.contains(PathNames.mix(h)) ? INPUT : NOT_COVERED;
    }

    /** True when p (or, for gpgtar's gpg, the process given) writes an encrypted archive of this campaign. */
    boolean isWriter(ProcessInfo p) {
        if (writers == null || p == null) {
            return false;
        }
        for (Writer w : writers) {
            if (w.process == p) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code stemHash} (a created file's path without its last suffix) is one of the writer's inputs:
     * {@code 7z a -p f.pdf.7z f.pdf} writes an encrypted copy of one file, which counts like f.pdf.enc.
     */
    boolean copyOfInput(ProcessInfo writer, long stemHash) {
        if (writers == null) {
            return false;
        }
        for (Writer w : writers) {
            if (w.process == writer) {
                for (long h : w.inputHashes) {
                    if (h == stemHash) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Writes what the campaign archived so far, for a detector snapshot. */
    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(archives);
        w.writeLong(lastEncryptedMillis);
        w.writeStrings(examples);
        w.writeBoolean(encrypted != null);
        if (encrypted != null) {
            encrypted.writeState(w);
        }
        writePending(w, stdoutArchives);
        writePending(w, stdinEncryptors);
        w.writeInt(fileArchives == null ? -1 : fileArchives.size());
        if (fileArchives != null) {
            for (Map.Entry<Long, Pending> e : fileArchives.entrySet()) {
                w.writeFixedLong(e.getKey());
                writePending(w, e.getValue());
            }
        }
        w.writeInt(writers == null ? -1 : writers.size());
        if (writers != null) {
            for (Writer wr : writers) {
                ProcessInfo.writeReference(w, wr.process);
                w.writeInt(wr.inputHashes.length);
                for (long h : wr.inputHashes) {
                    w.writeFixedLong(h);
                }
            }
        }
    }

    /** Restores what {@link #writeState} wrote into this fresh instance. */
    void readState(SnapshotReader r) throws IOException {
        archives = r.readInt();
        lastEncryptedMillis = r.readLong();
        r.readStrings(examples);
        if (r.readBoolean()) {
            encrypted = new LongHashSet(8, MAX_INPUTS);
            encrypted.readState(r);
        }
        stdoutArchives = readPendingQueue(r);
        stdinEncryptors = readPendingQueue(r);
        int n = r.readInt();
        if (n >= 0) {
            fileArchives = new HashMap<>();
            for (int i = 0; i < n; i++) {
                fileArchives.put(r.readFixedLong(), readPending(r));
            }
        }
        n = r.readInt();
        if (n >= 0) {
            writers = new ArrayDeque<>();
            for (int i = 0; i < n; i++) {
                ProcessInfo p = ProcessInfo.readReference(r);
                long[] hashes = new long[r.readLength()];
                for (int j = 0; j < hashes.length; j++) {
                    hashes[j] = r.readFixedLong();
                }
                writers.addLast(new Writer(p, hashes));
            }
        }
    }

    private static void writePending(SnapshotWriter w, ArrayDeque<Pending> queue) throws IOException {
        w.writeInt(queue == null ? -1 : queue.size());
        if (queue != null) {
            for (Pending p : queue) {
                writePending(w, p);
            }
        }
    }

    private static void writePending(SnapshotWriter w, Pending p) throws IOException {
        ProcessInfo.writeReference(w, p.process);
        w.writeLong(p.millis);
        w.writeStrings(p.inputs);
    }

    private static ArrayDeque<Pending> readPendingQueue(SnapshotReader r) throws IOException {
        int n = r.readInt();
        if (n < 0) {
            return null;
        }
        if (n > MAX_PENDING) {
            throw new SnapshotFormatException("corrupt snapshot: " + n + " pending archive runs");
        }
        ArrayDeque<Pending> q = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            q.addLast(readPending(r));
        }
        return q;
    }

    private static Pending readPending(SnapshotReader r) throws IOException {
        ProcessInfo p = ProcessInfo.readReference(r);
        if (p == null) {
            throw new SnapshotFormatException("corrupt snapshot: a pending archive run without its process");
        }
        return new Pending(p, r.readLong(), List.copyOf(r.readStringList()));
    }
}
