package io.ransomtrace.engine.snapshot;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every class that makes up a detector's state, each either written by the snapshot codec or
 * rebuilt on restore (settings from the profile, caches). A field added, renamed or removed in any of these
 * classes fails this test until the codec ({@code writeState}/{@code readState} of that class) follows and the
 * list below says how the field is handled; bump {@link DetectorSnapshot#FORMAT_VERSION} when the layout changes.
 * {@link DetectorSnapshotTest} and {@code DetectorSnapshotProperties} then check the behaviour.
 */
class SnapshotFieldCensusTest {
    private static final String E = "io.ransomtrace.engine.";

    /** class → fields written to the snapshot | fields rebuilt on restore (settings, shared tables, caches). */
    private static final Map<String, String> CENSUS = new LinkedHashMap<>();

    static {
        CENSUS.put("Detector", "reorder hosts processes nextSweepMillis lastMillis eventsProcessed accepted campaigns"
                + " | classifier exitGraceMillis processIdleMillis copyToolCheck process lastHost lastTable finished findings");
        CENSUS.put("ReorderBuffer", "inOrder late newest newestMillis lastReleased outOfOrderReleased | windowMillis capacity");
        CENSUS.put("process.ProcessTable", "byPid exitedQueue scriptsBySession fileKinds implied | classifier exitGraceMillis lru");
        // the LRU links, the tracked flag and the table are written and restored by ProcessLru
        CENSUS.put("process.ProcessInfo", "pid ppid exe exeName argv argvKnown cwd tty credentials startMillis firstEventId"
                + " startSource startLine role lastSeenMillis exitMillis root sessionStart detached keep wasKept"
                + " table lruPrev lruNext lruTracked |");
        CENSUS.put("process.ProcessLru", "plain kept size evicted evictedKept | capacity keptCapacity");
        CENSUS.put("process.PidMap", "keys values size | mask");
        // the open campaigns are written in least-recently-active order, which restores the LRU links
        CENSUS.put("correlate.CampaignTracker", "memory active lruHead lruTail closed nextSerial evictedQuiet closedEarly"
                + " cappedSets lastActor lastActorCopies lastProgram lastActorTool lastArchiveWriter lastUnknownBinary lastScript"
                + " lastActorLinks lastActorCampaign"
                + " | settings policy assembler alerts lastRoot lastCampaign byPromptShell highBySession");
        CENSUS.put("correlate.Campaign", "serial host root promptShell parentExe rootExeAtStart rootCommandLineAtStart firstEventId"
                + " firstSeen lastSeen lastMillis firstMillis actorCredentials privilegedActor encryptionTool bulk mass extension overwrite"
                + " deleteAfter notes content early files identities temporaries deletedFirst temporaryFiles builtExecutables"
                + " renamedFrom fileOps directories directoryNames impactedFiles impactDirs impactDirCount changedFiles tools exes"
                + " lastActor"
                + " program unknownBinary script scriptRewrites randomCopyDir randomCopyMillis randomCopyPid randomCopySuffix streamCipherParent streamCipherMillis filesByProgram evidence archived archiveCopies revision scoredRevision score"
                + " severity notified firstAlert filesAtFirstHigh commandOriginals lruPrev lruNext"
                + " | settings memory signals");
        CENSUS.put("correlate.ArchivedInputs", "encrypted examples lastEncryptedMillis stdoutArchives stdinEncryptors"
                + " fileArchives writers archives |");
        CENSUS.put("correlate.EvidenceLog", "ids sources lines counts | perSignal");
        CENSUS.put("correlate.PathMemory", "created createdWithSuffix deleted inPlace renamedTo encryptedByCommand | scratch");
        CENSUS.put("correlate.RecentPathTable", "slots slotNumbers entries | mask");
        CENSUS.put("correlate.LongHashSet", "slots size hasZero | cap");
        CENSUS.put("signal.SlidingCounter", "buckets currentBucket total peak peakAtMillis | bucketMillis");
        CENSUS.put("signal.Signal", "| settings");
        CENSUS.put("signal.EncryptionToolSignal", "runs labels |");
        CENSUS.put("signal.BulkInvocationSignal", "invocations directories labels |");
        CENSUS.put("signal.MassModificationSignal", "first firstCount burst slow fromCommandLines |");
        CENSUS.put("signal.ExtensionChangeSignal", "counts suffixByHash lastRegistered best bestCount bestKnown anyFired | benign known");
        CENSUS.put("signal.OverwriteInPlaceSignal", "inPlace byTools renameOnly toolLabels |");
        CENSUS.put("signal.DeleteAfterEncryptSignal", "pairs example archived archivedExample inferred inferredExample"
                + " fileTelemetry |");
        CENSUS.put("signal.RansomNoteSignal", "names bestKeyed bestAny early impactFiles"
                + " | noteExtensions known ordinary benign maxListedDirectories");
        CENSUS.put("signal.EarlyCertaintySignal", "traversal deletedAfterCopy unknownRewrite scriptRewrite note suffix pipedInPlace"
                + " endedSmall |");
        CENSUS.put("signal.RansomNoteSignal$NoteName", "name firstMillis strongWord weakWord dirHashes dirs creations dirNames contentWords |");
        CENSUS.put("signal.ContentHintSignal", "highEntropy headerChanges |");
    }

    @Test
    void everyFieldOfTheDetectorsStateIsAccountedFor() throws ClassNotFoundException {
        for (Map.Entry<String, String> e : CENSUS.entrySet()) {
            Class<?> type = Class.forName(E + e.getKey());
            Set<String> actual = Arrays.stream(type.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                    .map(Field::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> listed = Arrays.stream(e.getValue().replace("|", " ").trim().split("\\s+"))
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(actual).as("fields of %s: the detector's state changed; make the snapshot codec (writeState/readState)"
                    + " follow, list the field here as written or rebuilt, and bump DetectorSnapshot.FORMAT_VERSION", e.getKey())
                    .isEqualTo(listed);
        }
    }

    @Test
    void everySignalKindIsASignalWithAState() throws ClassNotFoundException {
        // a new signal class must implement writeState/readState (they are abstract in Signal) and be listed above
        Set<String> listed = CENSUS.keySet().stream().filter(k -> k.startsWith("signal.") && k.endsWith("Signal")
                && !k.equals("signal.Signal")).collect(Collectors.toSet());
        Class<?> campaign = Class.forName(E + "correlate.Campaign");
        Class<?> signal = Class.forName(E + "signal.Signal");
        Set<String> used = Arrays.stream(campaign.getDeclaredFields())
                .filter(f -> signal.isAssignableFrom(f.getType()) && f.getType() != signal)
                .map(f -> "signal." + f.getType().getSimpleName())
                .collect(Collectors.toSet());
        assertThat(listed).containsAll(used);
    }
}
