package io.ransomtrace.importers.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The built-in column mappings, shipped as YAML resources under {@code /io/ransomtrace/importers/csv/mappings/}:
 * <ul>
 *   <li>{@code kibana-ecs}: Kibana Discover "Share → CSV" of an ECS index (Elastic Defend, Auditbeat), columns
 *       named by ECS field ({@code @timestamp}, {@code event.action}, {@code process.pid}, {@code file.path} ...),
 *       Kibana's default date rendering {@code Nov 28, 2026 @ 13:40:11.123}.</li>
 *   <li>{@code splunk-sysmon-linux}: a Splunk search export ({@code | table _time host EventID ...}) of Sysmon
 *       for Linux events, columns named as Sysmon's EventData ({@code ProcessId}, {@code Image},
 *       {@code CommandLine}, {@code TargetFilename} ...), action = EventID.</li>
 *   <li>{@code defender-advanced-hunting}: Microsoft Defender for Endpoint advanced hunting export of
 *       DeviceProcessEvents / DeviceFileEvents ({@code ActionType}, {@code InitiatingProcessId} ...).</li>
 *   <li>{@code crowdstrike-falcon}: CrowdStrike Falcon event search export ({@code event_simpleName},
 *       {@code RawProcessId}, {@code TargetProcessId}, {@code ContextProcessId} ...).</li>
 *   <li>{@code sentinelone-deep-visibility}: SentinelOne Deep Visibility export ({@code EventType},
 *       {@code SrcProcPid}, {@code TgtProcPid}, {@code TgtFilePath} ...).</li>
 * </ul>
 * Each YAML names in its header the vendor documentation its column names and action values come from.
 */
public final class CsvMappings {

    public static final List<String> BUILT_IN_NAMES = List.of("kibana-ecs", "splunk-sysmon-linux",
            "defender-advanced-hunting", "crowdstrike-falcon", "sentinelone-deep-visibility");
    private static final String RESOURCE_DIR = "/io/ransomtrace/importers/csv/mappings/";

    private static volatile List<CsvMapping> builtIns;

    private CsvMappings() {
    }

    public static List<CsvMapping> builtIns() {
        List<CsvMapping> b = builtIns;
        if (b == null) {
            List<CsvMapping> loaded = new ArrayList<>();
            for (String name : BUILT_IN_NAMES) {
                loaded.add(builtIn(name));
            }
            b = List.copyOf(loaded);
            builtIns = b;
        }
        return b;
    }

    static CsvMapping builtIn(String name) {
        try (InputStream in = CsvMappings.class.getResourceAsStream(RESOURCE_DIR + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in mapping " + name + " missing from the build");
            }
            return CsvMapping.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvMappingException e) {
            throw new IllegalStateException("built-in mapping " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Every built-in checked against a header, best fit first (fitting, then fewest missing columns). */
    public static List<CsvMappingCheck> checkAll(List<String> header) {
        List<CsvMappingCheck> checks = new ArrayList<>();
        for (CsvMapping m : builtIns()) {
            checks.add(m.check(header));
        }
        checks.sort(Comparator.comparing((CsvMappingCheck c) -> !c.fits())
                .thenComparingInt(c -> c.warnings().size()));
        return checks;
    }

    /**
     * The built-in whose columns a header shares most (ties: the earlier built-in), with the columns of it the
     * header lacks: what an analyst should compare when no built-in fits. Empty when no built-in shares a column.
     */
    public static Optional<Closest> closest(List<String> header) {
        Closest best = null;
        for (CsvMapping m : builtIns()) {
            java.util.Set<String> wanted = new java.util.LinkedHashSet<>(m.columns().values());
            wanted.addAll(m.fileColumns().values());
            List<String> missing = new ArrayList<>();
            int present = 0;
            for (String column : wanted) {
                if (CsvMapping.indexIn(header, column) >= 0) {
                    present++;
                } else {
                    missing.add(column);
                }
            }
            if (present > 0 && (best == null || present > best.present())) {
                best = new Closest(m, present, missing);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A built-in, how many of its columns a header has, and which it lacks (in the mapping's order). */
    public record Closest(CsvMapping mapping, int present, List<String> missing) {
        public Closest {
            missing = List.copyOf(missing);
        }
    }

    /** The built-in that fits a header best, if any fits. */
    public static Optional<CsvMapping> bestFor(List<String> header) {
        return checkAll(header).stream().filter(CsvMappingCheck::fits).map(CsvMappingCheck::mapping).findFirst();
    }
}
