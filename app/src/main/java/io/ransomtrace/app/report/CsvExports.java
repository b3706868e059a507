package io.ransomtrace.app.report;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.engine.finding.SignalMeasurement;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV exports: findings (one row each) and the restore list (one row per affected original). Cells that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return) get a leading
 * single quote, as OWASP recommends for CSV injection; control, bidi and zero-width characters are shown as
 * {@code [U+202E]} markers ({@link Inert#visible}), so a spreadsheet cannot display a disguised file name, except
 * in the restore list's {@code path} and {@code new_name}, which a restore job needs byte-exact.
 */
public final class CsvExports {

    static final String[] FINDING_HEADER = {"id", "severity", "score", "host", "title", "first_seen", "first_alert",
            "last_seen", "files_affected", "directories_affected", "overwrite", "extensions", "tools", "root_pid",
            "root_executable", "command_line", "user", "login_user", "ransom_notes", "signals_fired", "suppressed",
            "tags", "analyst_notes"};
    static final String[] RESTORE_HEADER = {"path", "host", "operation", "time", "overwrite_kind", "new_name", "finding_id"};

    private CsvExports() {
    }

    public static void findings(CaseReport report, OutputStream out) throws IOException {
        try (CSVPrinter p = printer(out, FINDING_HEADER)) {
            for (FindingSection s : report.sections()) {
                Finding f = s.finding();
                var r = f.rootProcess();
                List<String> fired = new ArrayList<>();
                for (SignalMeasurement m : f.signals()) {
                    if (m.fired()) {
                        fired.add(m.kind());
                    }
                }
                row(p, f.id(), f.severity().label(), Integer.toString(f.score()), f.host(), f.title(), str(f.firstSeen()),
                        str(f.firstAlert()), str(f.lastSeen()), Integer.toString(f.filesAffected()),
                        Integer.toString(f.directoriesAffected()), f.overwrite().label(), String.join(" ", f.extensions()),
                        String.join(" ", f.tools()), r == null ? "" : Integer.toString(r.pid()), r == null ? "" : r.exe(),
                        r == null ? "" : r.commandLine(), r == null ? "" : s.userInWords(),
                        r == null || r.loginUser() == null ? (r == null || r.loginUid() == null ? "" : "uid " + r.loginUid()) : r.loginUser(),
                        String.join(" ", f.notes().names()), String.join(" ", fired), Boolean.toString(f.suppressed()),
                        String.join(" ", s.tags()), notes(s));
            }
        }
    }

    /** The analyst's notes in one cell, each with what it is about: "finding: text | process 4711 (…): text". */
    private static String notes(FindingSection s) {
        return String.join(" | ", s.notes().stream().map(n -> n.about() + ": " + n.text()).toList());
    }

    public static void restoreList(CaseReport report, OutputStream out) throws IOException {
        try (CSVPrinter p = printer(out, RESTORE_HEADER)) {
            for (FindingSection s : report.sections()) {
                for (AffectedFile a : s.affected()) {
                    // a restore job needs the exact names: only formulas are defused in these two columns
                    p.printRecord(exact(a.path()), cell(a.host()), cell(a.operation()), cell(str(a.time())),
                            cell(a.overwrite()), exact(a.newName()), cell(a.findingId()));
                }
            }
        }
    }

    /** A cell made safe for spreadsheets: hidden characters made visible, formula starters get a leading quote. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        String v = Inert.visible(value);
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' ? "'" + v : v;
    }

    /** A cell kept byte-exact (a path a restore job must find) with only formula starters defused. */
    public static String exact(String v) {
        if (v == null || v.isEmpty()) {
            return v == null ? "" : v;
        }
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + v : v;
    }

    private static void row(CSVPrinter p, String... cells) throws IOException {
        List<String> safe = new ArrayList<>(cells.length);
        for (String c : cells) {
            safe.add(cell(c));
        }
        p.printRecord(safe);
    }

    private static CSVPrinter printer(OutputStream out, String[] header) throws IOException {
        Writer w = new OutputStreamWriter(new NavigatorLayer.NonClosing(out), StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
