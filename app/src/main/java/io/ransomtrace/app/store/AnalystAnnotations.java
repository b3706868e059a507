package io.ransomtrace.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the analyst adds to a case and what the detector concluded: findings with their evidence, tags and
 * notes on findings, events and processes, allowlist entries, detection profiles and the history of their
 * tuning. Small, explicit methods; every write is its own transaction.
 */
public final class AnalystAnnotations {

    /** What a tag or note is attached to. The id is a finding id, an event id or a process key. */
    public enum TargetKind { FINDING, EVENT, PROCESS }

    public record Target(TargetKind kind, long id) {
    }

    public record Note(long id, Target target, String text, Instant createdAt) {
    }

    /** A finding as stored. {@code details} is free-form (JSON by convention) for what the detector explains. */
    public record Finding(long id, String rule, String title, String severity, Double score, String host,
                          Long rootProcessKey, Instant first, Instant last, String summary, String details,
                          Long profileId, Instant createdAt) {
    }

    /** An event cited by a finding, with the role it plays ("first overwrite", "note", "trigger"). */
    public record Evidence(long eventId, String role) {
    }

    /**
     * A row of the allowlist table as stored: {@code kind} says what {@code pattern} matches (exe, path prefix,
     * user...), {@code reason} is free text (the workbench keeps a small JSON object there).
     */
    public record AllowlistTableRow(long id, String kind, String pattern, String reason, Instant createdAt) {
    }

    public record Profile(long id, String name, String yaml, boolean active, Instant createdAt) {
    }

    public record TuningChange(long id, long profileId, Instant changedAt, String parameter, String oldValue,
                               String newValue, String note) {
    }

    private final Connection c;
    private final boolean readOnly;
    private final java.util.concurrent.atomic.AtomicBoolean importRunning;

    AnalystAnnotations(Connection c, boolean readOnly, java.util.concurrent.atomic.AtomicBoolean importRunning) {
        this.c = c;
        this.readOnly = readOnly;
        this.importRunning = importRunning;
    }

    // ----------------------------------------------------------------------------------- tags and notes

    public void addTag(Target target, String tag) {
        update("INSERT OR IGNORE INTO tags(target_kind, target_id, tag, created_at) VALUES (?,?,?,?)",
                target.kind().name(), target.id(), tag, Instant.now().toString());
    }

    public void removeTag(Target target, String tag) {
        update("DELETE FROM tags WHERE target_kind=? AND target_id=? AND tag=?", target.kind().name(), target.id(), tag);
    }

    public List<String> tags(Target target) {
        return query("SELECT tag FROM tags WHERE target_kind=? AND target_id=? ORDER BY tag",
                rs -> rs.getString(1), target.kind().name(), target.id());
    }

    /** Every tag on targets of one kind (every tagged process, say), by target id. */
    public java.util.Map<Long, java.util.Set<String>> tagsOf(TargetKind kind) {
        java.util.Map<Long, java.util.Set<String>> out = new java.util.HashMap<>();
        for (Object[] row : query("SELECT target_id, tag FROM tags WHERE target_kind=? ORDER BY tag",
                rs -> new Object[]{rs.getLong(1), rs.getString(2)}, kind.name())) {
            out.computeIfAbsent((Long) row[0], k -> new java.util.TreeSet<>()).add((String) row[1]);
        }
        return out;
    }

    /** Everything carrying a tag, e.g. all events marked "patient zero". */
    public List<Target> tagged(String tag) {
        return query("SELECT target_kind, target_id FROM tags WHERE tag=? ORDER BY target_kind, target_id",
                rs -> new Target(targetKind(rs.getString(1)), rs.getLong(2)), tag);
    }

    public long addNote(Target target, String text) {
        return insert("INSERT INTO notes(target_kind, target_id, text, created_at) VALUES (?,?,?,?)",
                target.kind().name(), target.id(), text, Instant.now().toString());
    }

    public List<Note> notes(Target target) {
        return query("SELECT id, text, created_at FROM notes WHERE target_kind=? AND target_id=? ORDER BY id",
                rs -> new Note(rs.getLong(1), target, rs.getString(2), Sql.instant(rs.getString(3))),
                target.kind().name(), target.id());
    }

    public void deleteNote(long noteId) {
        update("DELETE FROM notes WHERE id=?", noteId);
    }

    // ----------------------------------------------------------------------------------- findings

    /** Stores a finding with its evidence in one transaction; returns its id. */
    public long saveFinding(Finding f, List<Evidence> evidence) {
        requireWritable();
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long id = insert("INSERT INTO findings(rule, title, severity, score, host, root_process_key, first_us, "
                                + "last_us, summary, details, profile_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        f.rule(), f.title(), f.severity(), f.score(), f.host(), f.rootProcessKey(),
                        f.first() == null ? null : Times.toMicros(f.first()),
                        f.last() == null ? null : Times.toMicros(f.last()), f.summary(), f.details(), f.profileId(),
                        Instant.now().toString());
                for (Evidence e : evidence) {
                    update("INSERT OR IGNORE INTO finding_evidence(finding_id, event_id, role) VALUES (?,?,?)",
                            id, e.eventId(), e.role());
                }
                c.commit();
                return id;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new CaseStoreException("Failed saving a finding: " + e.getMessage(), e);
        }
    }

    public List<Finding> findings() {
        return query("SELECT id, rule, title, severity, score, host, root_process_key, first_us, last_us, summary, "
                + "details, profile_id, created_at FROM findings ORDER BY id", rs -> new Finding(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), Sql.getDouble(rs, "score"), rs.getString(6),
                Sql.getLong(rs, "root_process_key"), Sql.getMicros(rs, "first_us"), Sql.getMicros(rs, "last_us"),
                rs.getString(10), rs.getString(11), Sql.getLong(rs, "profile_id"), Sql.instant(rs.getString(13))));
    }

    public List<Evidence> evidence(long findingId) {
        return query("SELECT event_id, role FROM finding_evidence WHERE finding_id=? ORDER BY event_id, role",
                rs -> new Evidence(rs.getLong(1), rs.getString(2)), findingId);
    }

    /** Removes all findings (before storing the result of a new detector run); tags and notes on them go too. */
    public void clearFindings() {
        update("DELETE FROM tags WHERE target_kind='FINDING'");
        update("DELETE FROM notes WHERE target_kind='FINDING'");
        update("DELETE FROM finding_evidence");
        update("DELETE FROM findings");
    }

    // ----------------------------------------------------------------------------------- allowlist, profiles

    public long allow(String kind, String pattern, String reason) {
        update("INSERT OR REPLACE INTO allowlist(kind, pattern, reason, created_at) VALUES (?,?,?,?)",
                kind, pattern, reason, Instant.now().toString());
        return query("SELECT id FROM allowlist WHERE kind=? AND pattern=?", rs -> rs.getLong(1), kind, pattern).get(0);
    }

    public void disallow(long entryId) {
        update("DELETE FROM allowlist WHERE id=?", entryId);
    }

    public List<AllowlistTableRow> allowlist() {
        return query("SELECT id, kind, pattern, reason, created_at FROM allowlist ORDER BY kind, pattern",
                rs -> new AllowlistTableRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.instant(rs.getString(5))));
    }

    /** Stores (or replaces the text of) a named profile; returns its id. */
    public long saveProfile(String name, String yaml) {
        update("INSERT INTO detection_profiles(name, yaml, created_at) VALUES (?,?,?) "
                + "ON CONFLICT(name) DO UPDATE SET yaml=excluded.yaml", name, yaml, Instant.now().toString());
        return query("SELECT id FROM detection_profiles WHERE name=?", rs -> rs.getLong(1), name).get(0);
    }

    public void activateProfile(long profileId) {
        update("UPDATE detection_profiles SET active = (id = ?)", profileId);
    }

    public List<Profile> profiles() {
        return query("SELECT id, name, yaml, active, created_at FROM detection_profiles ORDER BY id",
                rs -> new Profile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0,
                        Sql.instant(rs.getString(5))));
    }

    public Optional<Profile> activeProfile() {
        return profiles().stream().filter(Profile::active).findFirst();
    }

    public long recordTuning(long profileId, String parameter, String oldValue, String newValue, String note) {
        return insert("INSERT INTO tuning_history(profile_id, changed_at, parameter, old_value, new_value, note) "
                + "VALUES (?,?,?,?,?,?)", profileId, Instant.now().toString(), parameter, oldValue, newValue, note);
    }

    public List<TuningChange> tuningHistory(long profileId) {
        return query("SELECT id, profile_id, changed_at, parameter, old_value, new_value, note FROM tuning_history "
                        + "WHERE profile_id=? ORDER BY id",
                rs -> new TuningChange(rs.getLong(1), rs.getLong(2), Sql.instant(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), profileId);
    }

    // -----------------------------------------------------------------------------------

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CaseStoreException("Failed reading analyst data: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... params) {
        requireWritable();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CaseStoreException("Failed saving analyst data: " + e.getMessage(), e);
        }
    }

    private long insert(String sql, Object... params) {
        update(sql, params);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new CaseStoreException("Failed saving analyst data: " + e.getMessage(), e);
        }
    }

    private void requireWritable() {
        if (readOnly) {
            throw new CaseStoreException("The case is open read-only; open it for writing to change it.", null);
        }
        // the import commits its own large transactions on this connection; a write in between would commit
        // half a batch without its progress record
        if (importRunning.get()) {
            throw new CaseStoreException("An import is running on this case; save again when it has finished.", null);
        }
    }

    private static TargetKind targetKind(String stored) {
        try {
            return TargetKind.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CaseStoreException("the case holds a tag on '" + stored + "', which Ransomtrace never writes: "
                    + "the case was changed by another program (ransomtrace repair copies its data into a new case)", e);
        }
    }
}
