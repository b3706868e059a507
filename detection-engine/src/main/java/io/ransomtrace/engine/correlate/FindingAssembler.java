package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.finding.AllowlistMatch;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.NoteSummary;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.finding.SignalMeasurement;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.process.ProcessInfo;
import io.ransomtrace.engine.process.ProcessRole;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.engine.profile.AllowlistEntry;
import io.ransomtrace.engine.profile.AllowlistSubject;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.signal.Signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds the analyst-facing {@link Finding} from a campaign, applying the allowlist. */
final class FindingAssembler {
    /** Share of a campaign's files one program must have changed to be named its root (§1.3). */
    static final double DOING_SHARE = 0.9;

    private final CampaignSettings settings;
    private final Allowlist allowlist;

    FindingAssembler(CampaignSettings settings, Allowlist allowlist) {
        this.settings = settings;
        this.allowlist = allowlist;
    }

    Finding build(Campaign c) {
        RootProcess root = rootProcess(c);
        List<String> files = files(c);
        List<String> directories = List.copyOf(c.directoryNames);
        int filesAffected = c.filesAffected();
        OverwriteKind overwrite = overwriteKind(c);
        NoteSummary notes = c.notes.fired()
                ? new NoteSummary(c.notes.noteNames(), c.notes.noteCount(), c.notes.noteDirectories())
                : NoteSummary.NONE;
        List<SignalMeasurement> signals = signals(c);
        List<String> extensions = c.extension.suffixes();
        Severity severity = c.severity;
        boolean suppressed = false;
        AllowlistMatch match = null;
        Optional<AllowlistEntry> entry = allowlist.match(new AllowlistSubject(c.host, root.exe(), root.commandLine(),
                root.user() != null ? root.user() : root.uid() != null ? String.valueOf(root.uid()) : null,
                root.parentExe(), c.exes, directories,
                c.directoryCount() <= directories.size(), c.lastSeen));
        if (entry.isPresent()) {
            AllowlistEntry e = entry.get();
            match = new AllowlistMatch(e.id(), e.reason(), e.author(), severity);
            if (e.effect() == AllowlistEffect.SUPPRESS) {
                suppressed = true;
            } else {
                severity = Severity.min(severity, e.cap());
            }
        }
        List<String> tools = new ArrayList<>(c.tools);
        for (String exe : c.exes) {
            if (tools.size() >= 32) {
                break;
            }
            if (!tools.contains(exe)) {
                tools.add(exe);
            }
        }
        return new Finding(id(c), severity, c.score, c.host, title(c, root, filesAffected, extensions, notes),
                root, tools, c.firstSeen, c.lastSeen, c.firstAlert, filesAffected, files, c.directoryCount(),
                directories, extensions, overwrite, notes, signals, c.filesAtFirstHigh, suppressed, match,
                c.evidence.refs());
    }

    /** Stable across runs: derived from host, root identity and the campaign's first event. */
    static String id(Campaign c) {
        ProcessInfo r = c.root;
        String basis = c.host + '\u0000' + r.pid() + '\u0000' + r.startMillis() + '\u0000' + r.firstEventId()
                + '\u0000' + c.firstEventId;
        return String.format("rt-%016x", PathNames.hash(basis));
    }

    private RootProcess rootProcess(Campaign c) {
        ProcessInfo script = c.root;
        ProcessInfo r = doingProgram(c);
        String parentExe = c.parentExe;
        String launchedBy = null;
        String exe;
        String commandLine;
        if (r == null) {
            r = script;
            exe = c.rootExeAtStart != null ? c.rootExeAtStart : r.exe() != null ? r.exe() : r.exeName();
            commandLine = c.rootCommandLineAtStart != null ? c.rootCommandLineAtStart : r.commandLine();
        } else {
            parentExe = c.rootExeAtStart != null ? c.rootExeAtStart : script.exe() != null ? script.exe() : script.exeName();
            launchedBy = c.rootCommandLineAtStart != null ? c.rootCommandLineAtStart : script.commandLine();
            exe = r.exe() != null ? r.exe() : r.exeName();
            commandLine = r.commandLine();
        }
        Credentials cr = r.credentials() != Credentials.UNKNOWN ? r.credentials() : c.actorCredentials;
        Long uid = Credentials.shownId(cr.uid());
        String user = cr.user() != null ? cr.user() : uid != null && uid == 0 ? "root" : null;
        Long loginUid = Credentials.shownId(cr.loginUid());
        String loginUser = cr.loginUser() != null ? cr.loginUser() : loginUid != null && loginUid == 0 ? "root" : null;
        return new RootProcess(r.pid(), r.ppid(), exe, commandLine, uid, user, loginUid, loginUser, parentExe,
                launchedBy);
    }

    /**
     * When the campaign root is a script and one program it started (a binary in no list) changed at least
     * {@link #DOING_SHARE} of the campaign's files, that program is what the analyst must look at: the
     * script only did discovery and launched it (the root is then named as "launched by").
     */
    static ProcessInfo doingProgram(Campaign c) {
        if (c.root.role() != ProcessRole.SCRIPT_RUNNER) {
            return null;
        }
        int total = 0;
        ProcessInfo best = null;
        int bestFiles = 0;
        for (var e : c.filesByProgram.entrySet()) {
            total += e.getValue()[0];
            if (e.getValue()[0] > bestFiles) {
                bestFiles = e.getValue()[0];
                best = e.getKey();
            }
        }
        int all = Math.max(total, c.identities());
        return best != null && bestFiles >= DOING_SHARE * all ? best : null;
    }

    private static List<String> files(Campaign c) {
        Set<String> out = new LinkedHashSet<>(c.impactedFiles);
        if (out.isEmpty()) {
            out.addAll(c.changedFiles);
        }
        return new ArrayList<>(out);
    }

    static OverwriteKind overwriteKind(Campaign c) {
        int inPlace = c.overwrite.inPlace();
        int pairs = c.deleteAfter.pairs();
        int archived = c.deleteAfter.archived();
        int renamed = c.overwrite.renameOnly();
        if (inPlace == 0 && pairs == 0 && renamed == 0 && archived == 0) {
            return OverwriteKind.NONE;
        }
        if (inPlace >= pairs && inPlace >= renamed && inPlace >= archived) {
            return OverwriteKind.IN_PLACE;
        }
        if (archived > pairs && archived >= renamed) {
            return OverwriteKind.ARCHIVED_THEN_DELETED;
        }
        return pairs >= renamed ? OverwriteKind.NEW_FILE_THEN_DELETE : OverwriteKind.RENAME_ONLY;
    }

    static final String UNCORROBORATED_OVERWRITE = " — not counted as encryption: no new file name, ransom note,"
            + " encrypting tool, early fact or encrypted-looking data goes with it, and writing existing files is what"
            + " databases, file servers and web applications do";

    private static List<SignalMeasurement> signals(Campaign c) {
        List<Signal> measured = new ArrayList<>();
        for (Signal s : c.signals) {
            if (s.measured()) {
                measured.add(s);
            }
        }
        measured.sort(Comparator.comparing((Signal s) -> !s.fired())
                .thenComparing(s -> -s.contribution())
                .thenComparing(s -> s.kind().ordinal()));
        List<SignalMeasurement> out = new ArrayList<>();
        for (Signal s : measured) {
            String description = s.describe();
            if (s == c.overwrite && s.fired() && !c.overwriteCorroborated()) {
                description += UNCORROBORATED_OVERWRITE;
            }
            if (s == c.deleteAfter && c.deletedBeforeEncryption() > 0) {
                description += "; " + c.deletedBeforeEncryption() + " files deleted before anything was encrypted"
                        + " (backups or snapshots removed first?), not counted among the files affected";
            }
            out.add(new SignalMeasurement(s.kind().label(), description, s.value(), s.threshold(), s.fired(),
                    Math.round(s.contribution() * 10) / 10.0));
        }
        return out;
    }

    private String title(Campaign c, RootProcess root, int files, List<String> extensions, NoteSummary notes) {
        String what;
        int impact = c.impactFiles();
        if (impact > 0 && (c.extension.fired() || c.deleteAfter.fired() || c.overwriteCorroborated())) {
            what = impact >= settings.highMinFiles || c.notes.fired() ? "Mass encryption" : "Encryption of files";
        } else if (c.notes.fired()) {
            what = "Ransom notes dropped";
        } else if (c.encryptionTool.fired()) {
            what = c.encryptionTool.runs() == 1 ? "Encryption tool run" : "Encryption tool runs";
        } else {
            what = "Bulk file modification";
        }
        StringBuilder sb = new StringBuilder(what);
        String rootName = root.exe() != null ? PathNames.baseName(root.exe())
                : root.unnamed() ? "an unnamed process" : "pid " + root.pid();
        sb.append(" by ").append(rootName);
        // the human behind it first: the login user, else their login uid when the log never named it
        String user = root.loginUser() != null ? root.loginUser()
                : root.loginUid() != null ? "login uid " + root.loginUid() : root.user();
        if (user != null) {
            sb.append(" (").append(user).append(")");
        }
        sb.append(" on ").append(c.host).append(": ").append(c.filesCapped() ? "at least " : "").append(files)
                .append(files == 1 ? " file" : " files");
        if (!extensions.isEmpty() && c.extension.fired()) {
            sb.append(" → ").append(extensions.get(0));
        }
        if (notes.count() > 0) {
            sb.append(", notes in ").append(c.notes.value() >= 1 ? (int) c.notes.value() : notes.directories().size())
                    .append(" directories");
        }
        return sb.toString();
    }
}
