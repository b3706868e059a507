package io.ransomtrace.app.ui;

import io.ransomtrace.importers.csv.CsvImporter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The head of a CSV export as the mapping dialog shows it: the header columns, the first few rows and the
 * delimiter they split on. Only the first lines are read (each capped), so a 5 GB export opens instantly.
 *
 * @param header    column names of the first non-blank line
 * @param rows      up to the requested number of following rows, split on {@code delimiter}
 * @param delimiter the separator among comma, semicolon and tab that splits the header into most columns
 */
public record CsvSample(List<String> header, List<List<String>> rows, char delimiter) {

    private static final int MAX_LINE_CHARS = 64 * 1024;

    public CsvSample {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Reads the header and at most {@code maxRows} rows; a gzip-compressed export is read through gunzip. */
    public static CsvSample read(Path file, int maxRows) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             BufferedReader in = new BufferedReader(new InputStreamReader(gunzipIfNeeded(raw), StandardCharsets.UTF_8))) {
            String headerLine = null;
            List<String> lines = new ArrayList<>();
            String line;
            while ((headerLine == null || lines.size() < maxRows) && (line = in.readLine()) != null) {
                if (line.length() > MAX_LINE_CHARS) {
                    line = line.substring(0, MAX_LINE_CHARS);
                }
                if (headerLine == null) {
                    if (!line.isBlank()) {
                        headerLine = line.startsWith("\ufeff") ? line.substring(1) : line;
                    }
                } else if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            if (headerLine == null) {
                return new CsvSample(List.of(), List.of(), ',');
            }
            char delimiter = guessDelimiter(headerLine);
            List<List<String>> rows = new ArrayList<>();
            for (String l : lines) {
                rows.add(split(l, delimiter));
            }
            return new CsvSample(split(headerLine, delimiter), rows, delimiter);
        }
    }

    /** True when no built-in mapping reads this CSV file, so the analyst has to pick or write one. */
    public static boolean needsMapping(Path file) throws IOException {
        CsvSample sample = read(file, 0);
        return io.ransomtrace.importers.csv.CsvMappings.bestFor(sample.header()).isEmpty()
                && io.ransomtrace.importers.csv.CsvMappings.bestFor(CsvImporter.readHeader(file, ',')).isEmpty();
    }

    static char guessDelimiter(String headerLine) {
        char best = ',';
        int most = 1;
        for (char d : new char[]{',', ';', '\t', '|'}) {
            int n = split(headerLine, d).size();
            if (n > most) {
                most = n;
                best = d;
            }
        }
        return best;
    }

    /** One line split as CSV; a line whose quotes do not close (a field spanning lines) is split as far as it goes. */
    static List<String> split(String line, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).get();
        try (CSVParser p = CSVParser.parse(new StringReader(line), format)) {
            for (CSVRecord r : p) {
                return r.toList();
            }
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1));
        }
    }

    private static InputStream gunzipIfNeeded(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in) : in;
    }
}
