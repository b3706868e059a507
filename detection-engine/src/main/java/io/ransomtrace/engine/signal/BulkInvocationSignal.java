package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Signal 2: recursive or bulk invocation — find -exec/-execdir/-delete, xargs, parallel, shell loops, recursive
 * tool flags (ccrypt -r, 7z -r, gpg --multifile) — or, without any of those, the observed breadth of the
 * campaign across directories.
 */
public final class BulkInvocationSignal extends Signal {
    private static final int MAX_LABELS = 8;
    private int invocations;
    private int directories;
    private Set<String> labels = Set.of(); // a LinkedHashSet from the first label on

    public BulkInvocationSignal(SignalSettings settings) {
        super(settings);
    }

    /**
     * The bulk pattern a command line shows, or null.
     *
     * @param bulkRunner true for find, xargs, parallel
     * @param shell      true for shells
     * @param use        the parsed encryption-tool use, or null
     */
    public static String indicator(String name, List<String> argv, boolean bulkRunner, boolean shell, ToolUse use) {
        if (use != null && use.recursive() && use.action() != ToolUse.Action.OTHER) {
            return use.label() + " (recursive)";
        }
        if (bulkRunner) {
            if ("find".equals(name)) {
                for (String a : argv) {
                    if (a.equals("-exec") || a.equals("-execdir") || a.equals("-ok") || a.equals("-okdir")) {
                        return "find " + a;
                    }
                    if (a.equals("-delete")) {
                        return "find -delete";
                    }
                }
                return null;
            }
            return name;
        }
        if (shell) {
            for (int i = 1; i < argv.size() - 1; i++) {
                if (argv.get(i).equals("-c") || (argv.get(i).startsWith("-") && argv.get(i).endsWith("c"))) {
                    String script = argv.get(i + 1);
                    if (loop(script)) {
                        return name + " -c loop";
                    }
                }
            }
        }
        return null;
    }

    private static boolean loop(String script) {
        return (script.contains("for ") && script.contains(" do")) || script.contains("while ")
                || script.contains("| xargs") || script.contains("|xargs") || script.contains("find ");
    }

    public void recordInvocation(String label) {
        invocations++;
        if (labels.isEmpty()) {
            labels = new LinkedHashSet<>();
        }
        if (labels.size() < MAX_LABELS) {
            labels.add(label);
        }
    }

    /** Bulk invocations seen (find -exec, xargs, parallel, loops, recursive flags). */
    public int invocations() {
        return invocations;
    }

    /** The first bulk pattern seen, or null. */
    public String firstLabel() {
        return labels.isEmpty() ? null : labels.iterator().next();
    }

    /** The campaign's current count of distinct directories changed. */
    public void directories(int directories) {
        this.directories = directories;
    }

    private boolean invocationFired() {
        return invocations >= settings.bulkThreshold;
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(invocations);
        w.writeInt(directories);
        w.writeStrings(labels);
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        invocations = r.readInt();
        directories = r.readInt();
        Set<String> read = r.readStrings(new LinkedHashSet<>());
        labels = read.isEmpty() ? Set.of() : read;
    }

    @Override
    public SignalKind kind() {
        return SignalKind.BULK_INVOCATION;
    }

    @Override
    public int weight() {
        return settings.bulkWeight;
    }

    @Override
    public double value() {
        return invocationFired() || directories < settings.bulkBreadthDirectories && invocations > 0 ? invocations : directories;
    }

    @Override
    public double threshold() {
        return invocationFired() || directories < settings.bulkBreadthDirectories && invocations > 0
                ? settings.bulkThreshold : settings.bulkBreadthDirectories;
    }

    @Override
    public boolean fired() {
        return invocationFired() || directories >= settings.bulkBreadthDirectories;
    }

    @Override
    public double strength() {
        if (invocationFired()) {
            return 1.0;
        }
        return SignalSettings.ramp(directories, settings.bulkBreadthDirectories, settings.bulkBreadthDirectories * 10.0);
    }

    @Override
    public boolean measured() {
        return invocations > 0 || directories >= settings.bulkBreadthDirectories;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (invocations > 0) {
            sb.append(plural(invocations, "bulk invocation", "bulk invocations")).append(" (")
                    .append(String.join(", ", labels)).append("; fires at ").append(settings.bulkThreshold).append(")");
        }
        if (sb.length() > 0) {
            sb.append("; ");
        }
        sb.append("changes span ").append(plural(directories, "directory", "directories"))
                .append(" (breadth fires at ").append(settings.bulkBreadthDirectories).append(")");
        return sb.toString();
    }
}
