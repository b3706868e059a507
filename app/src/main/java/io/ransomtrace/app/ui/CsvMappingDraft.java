package io.ransomtrace.app.ui;

import io.ransomtrace.importers.csv.CsvField;
import io.ransomtrace.importers.csv.CsvMapping;
import io.ransomtrace.importers.csv.CsvMappingCheck;
import io.ransomtrace.importers.csv.CsvMappings;
import io.ransomtrace.importers.csv.CsvOperation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping the analyst is editing for one CSV file, without any UI: the file's sample, the mapping as it
 * stands, and its check against the file's header after every edit. {@link CsvMappingDialog} only mirrors it.
 */
public final class CsvMappingDraft {

    private static final int MAX_ACTION_VALUES = 50;

    private final CsvSample sample;
    private CsvMapping mapping;
    private CsvMappingCheck check;

    public CsvMappingDraft(CsvSample sample, CsvMapping start) {
        this.sample = sample;
        setMapping(start);
    }

    /** A draft starting from the closest built-in mapping, or from an empty one when none shares a column. */
    public static CsvMappingDraft startingFor(CsvSample sample, String fileName) {
        return new CsvMappingDraft(sample, closestStart(sample, fileName));
    }

    /**
     * The built-in with most columns present in the header, keeping only those columns (spelled as in the header)
     * and its action values; an empty mapping when no built-in shares a column.
     */
    static CsvMapping closestStart(CsvSample sample, String fileName) {
        String name = "custom-" + fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        CsvMapping best = null;
        Map<CsvField, String> bestColumns = Map.of();
        for (CsvMapping builtIn : CsvMappings.builtIns()) {
            Map<CsvField, String> present = new EnumMap<>(CsvField.class);
            builtIn.columns().forEach((field, column) -> {
                int i = CsvMapping.indexIn(sample.header(), column);
                if (i >= 0) {
                    present.put(field, sample.header().get(i));
                }
            });
            if (present.size() > bestColumns.size()) {
                best = builtIn;
                bestColumns = present;
            }
        }
        if (best == null) {
            return new CsvMapping(name, null, sample.delimiter(), "auto", ZoneId.of("UTC"), Map.of(), Map.of(),
                    CsvOperation.OTHER);
        }
        Map<CsvField, String> fileColumns = new EnumMap<>(CsvField.class); // the acting process of file rows
        best.fileColumns().forEach((field, column) -> {
            int i = CsvMapping.indexIn(sample.header(), column);
            if (i >= 0) {
                fileColumns.put(field, sample.header().get(i));
            }
        });
        return new CsvMapping(name, "edited from " + best.name(), sample.delimiter(), best.timestampFormat(),
                best.zone(), bestColumns, best.actions(), best.unmatchedAction(), fileColumns);
    }

    public CsvSample sample() {
        return sample;
    }

    public CsvMapping mapping() {
        return mapping;
    }

    public CsvMappingCheck check() {
        return check;
    }

    /** Whether OK may import with this mapping: the check found no error. */
    public boolean usable() {
        return check.fits();
    }

    /** Replaces the whole mapping (a loaded YAML file); its delimiter is kept, since a mapping is for a format. */
    public void setMapping(CsvMapping m) {
        mapping = m;
        check = m.check(headerFor(m.delimiter()));
    }

    public void setColumn(CsvField field, String column) {
        setMapping(mapping.withColumn(field, column));
    }

    public void setAction(String value, CsvOperation operation) {
        setMapping(mapping.withAction(value, operation));
    }

    public void setTimestampFormat(String format) {
        setMapping(mapping.withSettings(mapping.name(), mapping.delimiter(), format, mapping.zone()));
    }

    public void setZone(ZoneId zone) {
        setMapping(mapping.withSettings(mapping.name(), mapping.delimiter(), mapping.timestampFormat(), zone));
    }

    public void setName(String name) {
        setMapping(mapping.withSettings(name, mapping.delimiter(), mapping.timestampFormat(), mapping.zone()));
    }

    /** The column chosen for a field, spelled as in the header when it is there; null when none. */
    public String columnFor(CsvField field) {
        String c = mapping.column(field);
        int i = CsvMapping.indexIn(sample.header(), c);
        return i >= 0 ? sample.header().get(i) : c;
    }

    /**
     * The action values to map: those the mapping lists, then the distinct values of the action column in the
     * sample rows, so the analyst sees what this file actually contains.
     */
    public List<String> actionValues() {
        Set<String> values = new LinkedHashSet<>(mapping.actions().keySet());
        int col = CsvMapping.indexIn(sample.header(), mapping.column(CsvField.ACTION));
        if (col >= 0) {
            for (List<String> row : sample.rows()) {
                if (values.size() >= MAX_ACTION_VALUES) {
                    break;
                }
                if (col < row.size() && !row.get(col).isBlank()) {
                    values.add(row.get(col).strip());
                }
            }
        }
        return new ArrayList<>(values);
    }

    /** The operation an action value maps to explicitly, or null when it falls to the unmatched action. */
    public CsvOperation operationFor(String actionValue) {
        return mapping.actions().get(actionValue);
    }

    /** The message under the table: errors first, then warnings, or that the mapping reads the file. */
    public String message() {
        List<String> lines = new ArrayList<>();
        check.errors().forEach(e -> lines.add("Error: " + e));
        check.warnings().forEach(w -> lines.add("Warning: " + w));
        if (lines.isEmpty()) {
            return "The mapping fits this file's header.";
        }
        return String.join("\n", lines);
    }

    private List<String> headerFor(char delimiter) {
        // The sample was split on the guessed delimiter; a loaded mapping may say otherwise, and then its
        // check has to see the header as that mapping's importer will.
        if (delimiter == sample.delimiter() || sample.header().isEmpty()) {
            return sample.header();
        }
        return CsvSample.split(String.join(String.valueOf(sample.delimiter()), sample.header()), delimiter);
    }
}
