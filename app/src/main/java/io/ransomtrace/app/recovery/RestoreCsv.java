package io.ransomtrace.app.recovery;

import io.ransomtrace.app.report.CsvExports;
import io.ransomtrace.engine.recovery.FileRecovery;
import io.ransomtrace.engine.recovery.Recipe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan's {@code restore.csv}: one row per original with its method and the evidence for it. Keys appear masked
 * (kind, length, fingerprint); only decrypt.sh holds them in full. Cells a spreadsheet would run as formulas are
 * defused as in the other CSV exports.
 */
public final class RestoreCsv {

    static final String[] HEADER = {"finding_id", "host", "original", "method", "encrypted_file", "archive_member",
            "tool", "cipher", "key", "key_event", "evidence_event", "seize", "reason"};

    private RestoreCsv() {
    }

    public static void write(List<FindingRecovery> plans, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        for (FindingRecovery fr : plans) {
            for (FileRecovery f : fr.plan().files()) {
                Recipe r = f.recipe();
                Recipe.Target t = f.target();
                List<String> cells = new ArrayList<>(HEADER.length);
                cells.add(fr.findingId());
                cells.add(fr.host());
                cells.add(f.original());
                cells.add(f.method().label());
                cells.add(t == null ? "" : nullToEmpty(t.encryptedPath()));
                cells.add(t == null ? "" : nullToEmpty(t.member()));
                cells.add(r == null ? "" : r.tool());
                cells.add(r == null ? "" : r.cipher());
                cells.add(r == null ? "" : r.key().masked());
                cells.add(r == null ? "" : Long.toString(r.key().eventId()));
                cells.add(f.evidence() < 0 ? "" : Long.toString(f.evidence()));
                cells.add(nullToEmpty(f.seize()));
                cells.add(f.reason());
                List<String> safe = new ArrayList<>(cells.size());
                for (String c : cells) {
                    safe.add(CsvExports.exact(c)); // paths a restore job must find: byte-exact, formulas defused
                }
                p.printRecord(safe);
            }
        }
        p.flush();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
