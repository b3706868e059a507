package io.ransomtrace.app.store;

import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.finding.SignalMeasurement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the last detection run over the case concluded, kept in the case (schema v6) so that opening it shows the
 * findings at once: every finding (as the engine reported it, with its signals and evidence), the process it is
 * rooted at and the processes of its campaign, the coverage assessment, and the {@link Stamp} that says what the
 * run was computed from. Whoever opens the case compares the stamp with the present one and re-analyses only when
 * they differ.
 *
 * <p>Findings are kept packed by {@link FindingCodec} (one row each, with the columns a list needs beside it);
 * signals and campaign processes also as rows, for the process tree's badges and lineage; the coverage
 * assessment packed by {@link CoverageCodec}. Nothing here needs a JSON library: opening a case reads it first.
 */
public final class LastAnalysis {

    /**
     * What a run was computed from.
     *
     * @param engineVersion the detection engine's code (see the analysis package's EngineVersion)
     * @param settingsHash  the profile and allowlist the run used
     * @param caseData      the case's sources and their event counts at the time ({@link #caseData()})
     */
    public record Stamp(String engineVersion, String settingsHash, String caseData) {
    }

    /**
     * A stored run.
     *
     * @param roots process key of each finding's root in the process tree, in the order of {@code findings}
     *              (null where the root was not found in the case)
     */
    public record Run(Stamp stamp, Instant finishedAt, long millis, long events, List<Finding> findings,
                      List<Long> roots, List<HostCoverage> coverage) {
        public Run {
            findings = List.copyOf(findings);
            roots = java.util.Collections.unmodifiableList(new ArrayList<>(roots));
            coverage = List.copyOf(coverage);
            if (roots.size() != findings.size()) {
                throw new IllegalArgumentException("one root per finding");
            }
        }
    }

    private final Connection c;
    private final boolean readOnly;
    private final AtomicBoolean importRunning;

    LastAnalysis(Connection c, boolean readOnly, AtomicBoolean importRunning) {
        this.c = c;
        this.readOnly = readOnly;
        this.importRunning = importRunning;
    }

    /** The case's sources as a stamp sees them: each source's id, status and event count. */
    public String caseData() {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, status, events FROM sources ORDER BY id")) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.append(sb.isEmpty() ? "" : ",").append(rs.getInt(1)).append(':').append(rs.getString(2))
                        .append(':').append(rs.getLong(3));
            }
            return sb.toString();
        } catch (SQLException e) {
            throw new CaseStoreException("Failed reading the case's sources: " + e.getMessage(), e);
        }
    }

    /** The stamp of the stored run, without reading its findings; empty when none is stored. */
    public Optional<Stamp> stamp() {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT engine_version, settings_hash, case_data FROM analysis")) {
            return rs.next() ? Optional.of(new Stamp(rs.getString(1), rs.getString(2), rs.getString(3)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new CaseStoreException("Failed reading the stored analysis: " + e.getMessage(), e);
        }
    }

    /**
     * The stored run; empty when none is stored, or when it cannot be read back (written by an engine whose
     * findings had another shape): then the case is simply analysed again.
     */
    public Optional<Run> read() {
        return read("", List.of());
    }

    /**
     * The stored run with only the findings an export chooses: those with the given ids, or without ids the
     * unsuppressed ones at or above {@code floor}. The others are not read: a busy case keeps thousands of low
     * findings (megabytes), and an export of its two critical ones need not unpack them. Empty as {@link #read()}.
     */
    public Optional<Run> read(List<String> ids, Severity floor) {
        if (!ids.isEmpty()) {
            return read(" WHERE finding_id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
                    + ")", List.copyOf(ids));
        }
        List<Object> labels = new ArrayList<>();
        for (Severity s : Severity.values()) {
            if (s.atLeast(floor)) {
                labels.add(s.label());
            }
        }
        return read(" WHERE suppressed = 0 AND severity IN (" + String.join(",",
                java.util.Collections.nCopies(labels.size(), "?")) + ")", labels);
    }

    private Optional<Run> read(String findingsWhere, List<Object> parameters) {
        try {
            Stamp stamp;
            Instant finished;
            long millis;
            long events;
            List<HostCoverage> coverage;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT engine_version, settings_hash, case_data, finished_at, millis, "
                         + "events, coverage, format FROM analysis")) {
                if (!rs.next() || rs.getInt(8) != FindingCodec.FORMAT) {
                    return Optional.empty();
                }
                stamp = new Stamp(rs.getString(1), rs.getString(2), rs.getString(3));
                finished = Instant.parse(rs.getString(4));
                millis = rs.getLong(5);
                events = rs.getLong(6);
                coverage = CoverageCodec.decode(rs.getBytes(7));
            }
            List<Finding> findings = new ArrayList<>();
            List<Long> roots = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT finding, root_process_key FROM analysis_findings"
                    + findingsWhere + " ORDER BY position")) {
                for (int i = 0; i < parameters.size(); i++) {
                    ps.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        findings.add(FindingCodec.decode(rs.getBytes(1)));
                        long root = rs.getLong(2);
                        roots.add(rs.wasNull() ? null : root);
                    }
                }
            }
            return Optional.of(new Run(stamp, finished, millis, events, findings, roots, coverage));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // another engine's shape of what is kept: analyse again
        } catch (SQLException e) {
            throw new CaseStoreException("Failed reading the stored analysis: " + e.getMessage(), e);
        }
    }

    /** The kept run's coverage assessment alone (it depends on the events, not on the settings). */
    public Optional<List<HostCoverage>> coverage() {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coverage, format FROM analysis")) {
            return rs.next() && rs.getInt(2) == FindingCodec.FORMAT ? Optional.of(CoverageCodec.decode(rs.getBytes(1)))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (SQLException e) {
            throw new CaseStoreException("Failed reading the stored analysis: " + e.getMessage(), e);
        }
    }

    /** The fired signals of the stored findings, per process key of their roots: the process tree's badges. */
    public Map<Long, Set<String>> badges() {
        Map<Long, Set<String>> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT f.root_process_key, s.kind FROM analysis_findings f "
                     + "JOIN analysis_signals s ON s.position = f.position "
                     + "WHERE f.root_process_key IS NOT NULL AND s.fired = 1 ORDER BY f.position, s.ordinal")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw new CaseStoreException("Failed reading the stored analysis: " + e.getMessage(), e);
        }
    }

    /** The process key of each stored finding's root, by finding id (findings whose root is not in the case left out). */
    public Map<String, Long> roots() {
        Map<String, Long> out = new java.util.HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT finding_id, root_process_key FROM analysis_findings "
                     + "WHERE root_process_key IS NOT NULL")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw new CaseStoreException("Failed reading the stored analysis: " + e.getMessage(), e);
        }
    }

    /** The processes of a stored finding's campaign (its root and the root's descendants), in key order. */
    public List<Long> campaignProcesses(String findingId) {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.process_key FROM analysis_processes p "
                + "JOIN analysis_findings f ON f.position = p.position WHERE f.finding_id = ? ORDER BY p.process_key")) {
            ps.setString(1, findingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CaseStoreException("Failed reading the stored analysis: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the stored run, in one transaction.
     *
     * @param campaigns the processes of each finding's campaign, in the order of the run's findings
     */
    public void write(Run run, List<List<Long>> campaigns) {
        if (readOnly) {
            throw new CaseStoreException("The case is open read-only; its analysis cannot be stored.", null);
        }
        if (importRunning.get()) {
            throw new CaseStoreException("An import is running on this case; its analysis is stored afterwards.", null);
        }
        if (campaigns.size() != run.findings().size()) {
            throw new IllegalArgumentException("one list of campaign processes per finding");
        }
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                insert(run, campaigns);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new CaseStoreException("Failed storing the analysis: " + e.getMessage(), e);
        }
    }

    private static void broken(Object tag, SQLException why) throws SQLException {
        throw why; // positions are ours and unique: a failure here is a broken case
    }

    private void insert(Run run, List<List<Long>> campaigns) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String table : List.of("analysis", "analysis_findings", "analysis_signals", "analysis_processes")) {
                st.execute("DELETE FROM " + table);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO analysis(id, engine_version, settings_hash, "
                + "case_data, events, finished_at, millis, format, coverage) VALUES (1,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, run.stamp().engineVersion());
            ps.setString(2, run.stamp().settingsHash());
            ps.setString(3, run.stamp().caseData());
            ps.setLong(4, run.events());
            ps.setString(5, run.finishedAt().toString());
            ps.setLong(6, run.millis());
            ps.setInt(7, FindingCodec.FORMAT);
            ps.setBytes(8, CoverageCodec.encode(run.coverage()));
            ps.executeUpdate();
        }
        // hundreds of findings with thousands of signals and campaign processes: many rows a statement
        BatchInsert finding = new BatchInsert(c, "INSERT INTO analysis_findings(position, finding_id, severity, score, "
                + "host, title, first_us, last_us, suppressed, root_process_key, finding)", 11, 32, LastAnalysis::broken);
        BatchInsert signal = new BatchInsert(c, "INSERT INTO analysis_signals(position, ordinal, kind, fired, value, "
                + "threshold, contribution, description)", 8, 128, LastAnalysis::broken);
        BatchInsert process = new BatchInsert(c, "INSERT OR IGNORE INTO analysis_processes(position, process_key)", 2,
                256, LastAnalysis::broken);
        try {
            for (int i = 0; i < run.findings().size(); i++) {
                Finding f = run.findings().get(i);
                finding.add(new Object[]{i, f.id(), f.severity().label(), f.score(), f.host(), f.title(),
                        f.firstSeen() == null ? null : Times.toMicros(f.firstSeen()),
                        f.lastSeen() == null ? null : Times.toMicros(f.lastSeen()), f.suppressed() ? 1 : 0,
                        run.roots().get(i), FindingCodec.encode(f)}, null);
                for (int k = 0; k < f.signals().size(); k++) {
                    SignalMeasurement s = f.signals().get(k);
                    signal.add(new Object[]{i, k, s.kind(), s.fired() ? 1 : 0, s.value(), s.threshold(),
                            s.contribution(), s.description()}, null);
                }
                for (Long key : campaigns.get(i)) {
                    process.add(new Object[]{i, key}, null);
                }
            }
            finding.flush();
            signal.flush();
            process.flush();
        } finally {
            finding.close();
            signal.close();
            process.close();
        }
    }

}
