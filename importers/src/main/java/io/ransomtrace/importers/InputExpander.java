package io.ransomtrace.importers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the paths a user gave (files or folders) into the ordered list of files to import. A folder
 * contributes every regular, non-hidden file in it (not recursively). Rotated sets are ordered oldest first,
 * so events come out in time order: {@code audit.log.3}, {@code audit.log.2}, {@code audit.log.1},
 * {@code audit.log}; gzip variants ({@code audit.log.2.gz}) and logrotate date suffixes
 * ({@code audit.log-20261127}) take their place in the same set. The same holds for files of one set named one by
 * one ({@code scan /var/log/audit/audit.log*}).
 */
public final class InputExpander {

    private InputExpander() {
    }

    /**
     * One file to read.
     *
     * @param fromFolder true when the file was found in a folder the user named, rather than named itself:
     *                   such a file that is not a log (a README, a notes file) is skipped, not an error
     */
    public record Input(Path file, boolean fromFolder) {
    }

    /**
     * What {@code scan} and {@code import} read for the inputs they were given.
     *
     * @param files   the files to read, in order
     * @param skipped companion files found in a folder beside the logs and left out (see {@link #isCompanionFile})
     */
    public record LogFiles(List<Path> files, List<Path> skipped) {
    }

    /**
     * The files to read for {@code inputs}: folders expanded and rotated sets ordered ({@link #expandInputs}), and,
     * when {@code skipCompanions}, the documentation found in a folder beside the logs left out (a README.md, a
     * truth.yaml: a companion file whose content is no log format). A file named directly is always read, and so
     * is a companion file that is a log after all.
     *
     * @throws IOException when an input does not exist or a folder cannot be listed
     */
    public static LogFiles logFiles(List<Path> inputs, boolean skipCompanions) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Input input : expandInputs(inputs)) {
            if (skipCompanions && input.fromFolder() && isCompanionFile(input.file()) && !isLog(input.file())) {
                skipped.add(input.file());
            } else {
                files.add(input.file());
            }
        }
        return new LogFiles(files, skipped);
    }

    private static boolean isLog(Path file) {
        try {
            return Sniffer.sniff(file) != Format.UNKNOWN;
        } catch (IOException e) {
            return false; // an unreadable README beside the logs is still documentation
        }
    }

    public static List<Path> expand(List<Path> inputs) throws IOException {
        return expandInputs(inputs).stream().map(Input::file).toList();
    }

    public static List<Input> expandInputs(List<Path> inputs) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        List<Input> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> inDir = new ArrayList<>();
                try (Stream<Path> s = Files.list(input)) {
                    s.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .forEach(inDir::add);
                }
                inDir.sort(ROTATION_ORDER);
                for (Path p : inDir) {
                    if (seen.add(p.toAbsolutePath().normalize())) files.add(new Input(p, true));
                }
            } else if (Files.exists(input)) {
                if (seen.add(input.toAbsolutePath().normalize())) files.add(new Input(input, false));
            } else {
                throw new java.nio.file.NoSuchFileException(input.toString(), null, "input does not exist");
            }
        }
        oldestFirstWithinRotatedSets(files);
        return files;
    }

    /**
     * Files named one by one that belong to one rotated set (same folder, same base name) are read oldest first
     * whatever order they were named in: the shell expands {@code audit.log*} to {@code audit.log audit.log.1
     * audit.log.2}, newest first, and a stream read in that order starts processes after their own children. Each
     * set's members take the places the set had among the inputs; every other input keeps its place.
     */
    private static void oldestFirstWithinRotatedSets(List<Input> files) {
        java.util.Map<String, List<Integer>> places = new java.util.LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Input in = files.get(i);
            if (!in.fromFolder()) {
                places.computeIfAbsent(rotatedSet(in.file()), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> at : places.values()) {
            if (at.size() < 2) {
                continue;
            }
            List<Input> members = new ArrayList<>();
            for (int i : at) {
                members.add(files.get(i));
            }
            members.sort(Comparator.comparing(Input::file, ROTATION_ORDER));
            for (int k = 0; k < at.size(); k++) {
                files.set(at.get(k), members.get(k));
            }
        }
    }

    /**
     * Host names for logs whose records name no host (auditd writes {@code node=} only when {@code name_format} is set,
     * which it is not by default), when one run reads more than one rotated set: the sets are then different hosts,
     * and one host "unknown" would put their processes in one table, where a pid of one is taken for the other's.
     * A set is named after its file ({@code web01.log} → web01), or after its folder when the file has the generic
     * name {@code audit.log} ({@code fs01/audit.log.1} → fs01); names that would clash are their paths. Empty when
     * the files are one set: its host stays "unknown", as for a single log.
     */
    public static java.util.Map<Path, String> hostsOfUnnamedLogs(List<Path> files) {
        java.util.Map<String, List<Path>> sets = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            sets.computeIfAbsent(rotatedSet(f), k -> new ArrayList<>()).add(f);
        }
        if (sets.size() < 2) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> uses = new java.util.HashMap<>();
        for (java.util.Map.Entry<String, List<Path>> e : sets.entrySet()) {
            String name = setName(e.getValue().get(0), false);
            names.put(e.getKey(), name);
            uses.merge(name, 1, Integer::sum);
        }
        java.util.Map<Path, String> out = new java.util.HashMap<>();
        for (java.util.Map.Entry<String, List<Path>> e : sets.entrySet()) {
            String name = names.get(e.getKey());
            String chosen = uses.get(name) > 1 ? setName(e.getValue().get(0), true) : name;
            for (Path f : e.getValue()) {
                out.put(f, chosen);
            }
        }
        return out;
    }

    /** The rotated set a file belongs to: its folder and its name without rotation suffix. */
    private static String rotatedSet(Path file) {
        return file.toAbsolutePath().normalize().getParent() + "/" + rotation(file.getFileName().toString()).base();
    }

    private static String setName(Path file, boolean withFolder) {
        String base = rotation(file.getFileName().toString()).base();
        for (String ext : List.of(".log", ".txt", ".ndjson", ".json")) {
            if (base.endsWith(ext) && base.length() > ext.length()) {
                base = base.substring(0, base.length() - ext.length());
            }
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        boolean generic = base.equals("audit") || base.isEmpty();
        if (withFolder && parent != null) {
            return generic ? parent.toString() : parent + "/" + base; // two sets that would share a name: their paths
        }
        return generic && !folder.isEmpty() ? folder : base;
    }

    /**
     * True for a file that commonly sits beside logs in a case folder but is documentation, not telemetry
     * (README.md, notes.yaml, a checksum or signature). Such a file found in a folder is skipped, not reported
     * as an unreadable log; anything else that is not a log is still reported.
     */
    public static boolean isCompanionFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (String ext : COMPANION_EXTENSIONS) {
            if (name.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> COMPANION_EXTENSIONS = List.of(".md", ".yaml", ".yml", ".rst", ".sha256",
            ".sha256sum", ".md5", ".asc", ".sig", ".pdf", ".png", ".jpg");

    /** Where a file name sits in its rotated set. */
    record Rotation(String base, long age) {
    }

    /**
     * Splits {@code audit.log.3.gz} into base {@code audit.log} and age 3; {@code audit.log-20261127} into
     * base {@code audit.log} and an age that sorts dates oldest first; the live file has age 0.
     */
    static Rotation rotation(String fileName) {
        String name = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
        int dot = name.lastIndexOf('.');
        if (dot > 0 && dot < name.length() - 1 && allDigits(name, dot + 1) && name.length() - dot - 1 <= 6) {
            return new Rotation(name.substring(0, dot), Long.parseLong(name.substring(dot + 1)));
        }
        int dash = name.lastIndexOf('-');
        if (dash > 0 && name.length() - dash - 1 >= 8 && allDigits(name, dash + 1)) {
            // date suffix: older dates are older files; map to a large age shrinking with the date
            long date = Long.parseLong(name.substring(dash + 1, Math.min(name.length(), dash + 15)));
            return new Rotation(name.substring(0, dash), Long.MAX_VALUE / 2 - date);
        }
        return new Rotation(name, 0);
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) return false;
        }
        return from < s.length();
    }

    /** Groups by rotated set (by base name), oldest file first within a set. */
    static final Comparator<Path> ROTATION_ORDER = Comparator
            .comparing((Path p) -> rotation(p.getFileName().toString()).base())
            .thenComparing(p -> -rotation(p.getFileName().toString()).age())
            .thenComparing(p -> p.getFileName().toString());
}
