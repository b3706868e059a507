package io.ransomtrace.app.store;

import java.util.List;

/**
 * The layout of a {@code .rtcase} file and its history. Each {@link Migration} moves a case from version
 * {@code n-1} to {@code n}; a new case is made by running all of them, so new and migrated cases are built by
 * the same statements and cannot drift apart.
 *
 * <p>The version lives in {@code PRAGMA user_version}; {@code PRAGMA application_id} marks the file as ours so
 * that opening some other SQLite database gives a clear message instead of odd query errors.
 *
 * <p>Compactness: strings that repeat are interned ({@code paths}, {@code hosts}, {@code actors}); times are
 * epoch microseconds; the event kind is a small integer ({@link EventKind#code()}). Rarely present parts of an
 * event (content hints, fields of other records) live in side tables keyed by event id.
 */
public final class CaseSchema {

    /** "RTCS" in ASCII. */
    public static final int APPLICATION_ID = 0x52544353;

    public record Migration(int version, String description, List<String> statements) {
    }

    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "sources, hosts, processes, events, import errors", List.of(
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID",
                    """
                    CREATE TABLE sources (
                      id INTEGER PRIMARY KEY,
                      path TEXT NOT NULL,
                      size INTEGER NOT NULL,
                      sha256 TEXT,
                      fingerprint TEXT NOT NULL,
                      format TEXT NOT NULL,
                      host TEXT,
                      imported_at TEXT NOT NULL,
                      status TEXT NOT NULL,
                      status_note TEXT,
                      bytes_read INTEGER NOT NULL DEFAULT 0,
                      records_read INTEGER NOT NULL DEFAULT 0,
                      records_in_events INTEGER NOT NULL DEFAULT 0,
                      records_other INTEGER NOT NULL DEFAULT 0,
                      events INTEGER NOT NULL DEFAULT 0,
                      errors INTEGER NOT NULL DEFAULT 0,
                      last_line INTEGER NOT NULL DEFAULT 0,
                      last_byte_offset INTEGER NOT NULL DEFAULT 0,
                      first_event_us INTEGER,
                      last_event_us INTEGER,
                      record_type_counts TEXT,
                      import_millis INTEGER NOT NULL DEFAULT 0)""",
                    "CREATE INDEX sources_fingerprint ON sources(fingerprint)",
                    "CREATE TABLE hosts (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
                    // parent_id points at the directory's own row, so directory aggregation is a GROUP BY. No UNIQUE
                    // constraint: the importer keeps paths unique (see PathDictionary); the text index is built
                    // after the load with the event indexes.
                    "CREATE TABLE paths (id INTEGER PRIMARY KEY, path TEXT NOT NULL, parent_id INTEGER)",
                    """
                    CREATE TABLE actors (
                      id INTEGER PRIMARY KEY, pid INTEGER, ppid INTEGER, exe TEXT, comm TEXT,
                      uid INTEGER, euid INTEGER, gid INTEGER, auid INTEGER, session INTEGER,
                      user TEXT, login_user TEXT, entity_id TEXT)""",
                    """
                    CREATE TABLE processes (
                      key INTEGER PRIMARY KEY,
                      host_id INTEGER,
                      pid INTEGER NOT NULL,
                      ppid INTEGER,
                      parent_key INTEGER,
                      start_us INTEGER,
                      exit_us INTEGER,
                      first_seen_us INTEGER,
                      exe TEXT, comm TEXT, argv TEXT, argv_truncated INTEGER NOT NULL DEFAULT 0,
                      cwd TEXT, tty TEXT,
                      uid INTEGER, euid INTEGER, gid INTEGER, auid INTEGER, session INTEGER,
                      user TEXT, login_user TEXT, entity_id TEXT, parent_entity_id TEXT,
                      exec_success INTEGER,
                      exit_code INTEGER,
                      source_id INTEGER NOT NULL)""",
                    "CREATE INDEX processes_parent ON processes(parent_key)",
                    "CREATE INDEX processes_host_pid ON processes(host_id, pid)",
                    """
                    CREATE TABLE events (
                      id INTEGER PRIMARY KEY,
                      time_us INTEGER NOT NULL,
                      host_id INTEGER,
                      proc_key INTEGER,
                      actor_id INTEGER,
                      kind INTEGER NOT NULL,
                      path_id INTEGER,
                      path2_id INTEGER,
                      flags INTEGER,
                      mode INTEGER,
                      result INTEGER,
                      inode INTEGER,
                      source_id INTEGER NOT NULL,
                      line INTEGER NOT NULL,
                      byte_offset INTEGER NOT NULL,
                      native_id TEXT)""",
                    """
                    CREATE TABLE content_hints (
                      event_id INTEGER PRIMARY KEY, entropy REAL, header_hex TEXT, original_extension TEXT,
                      text_excerpt TEXT)""",
                    """
                    CREATE TABLE other_details (
                      event_id INTEGER PRIMARY KEY, type TEXT NOT NULL, summary TEXT, fields TEXT)""",
                    """
                    CREATE TABLE import_errors (
                      id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
                      byte_offset INTEGER NOT NULL, reason TEXT NOT NULL, raw_text TEXT)""",
                    "CREATE INDEX import_errors_source ON import_errors(source_id, id)")),
            new Migration(2, "findings with evidence, analyst tags and notes", List.of(
                    """
                    CREATE TABLE findings (
                      id INTEGER PRIMARY KEY,
                      rule TEXT NOT NULL,
                      title TEXT NOT NULL,
                      severity TEXT NOT NULL,
                      score REAL,
                      host TEXT,
                      root_process_key INTEGER,
                      first_us INTEGER,
                      last_us INTEGER,
                      summary TEXT,
                      details TEXT,
                      profile_id INTEGER,
                      created_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE finding_evidence (
                      finding_id INTEGER NOT NULL, event_id INTEGER NOT NULL, role TEXT NOT NULL,
                      PRIMARY KEY (finding_id, event_id, role)) WITHOUT ROWID""",
                    "CREATE INDEX finding_evidence_event ON finding_evidence(event_id)",
                    """
                    CREATE TABLE tags (
                      target_kind TEXT NOT NULL, target_id INTEGER NOT NULL, tag TEXT NOT NULL,
                      created_at TEXT NOT NULL,
                      PRIMARY KEY (target_kind, target_id, tag)) WITHOUT ROWID""",
                    "CREATE INDEX tags_by_tag ON tags(tag)",
                    """
                    CREATE TABLE notes (
                      id INTEGER PRIMARY KEY, target_kind TEXT NOT NULL, target_id INTEGER NOT NULL,
                      text TEXT NOT NULL, created_at TEXT NOT NULL)""",
                    "CREATE INDEX notes_target ON notes(target_kind, target_id)")),
            new Migration(3, "allowlist, detection profiles and tuning history", List.of(
                    """
                    CREATE TABLE allowlist (
                      id INTEGER PRIMARY KEY, kind TEXT NOT NULL, pattern TEXT NOT NULL, reason TEXT,
                      created_at TEXT NOT NULL, UNIQUE (kind, pattern))""",
                    """
                    CREATE TABLE detection_profiles (
                      id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, yaml TEXT NOT NULL,
                      active INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE tuning_history (
                      id INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL, changed_at TEXT NOT NULL,
                      parameter TEXT NOT NULL, old_value TEXT, new_value TEXT, note TEXT)""")),
            // No query looks a process up by (host, pid): the tree walks parent keys. The index only cost a sort
            // of every process row after each import (over a second per million processes).
            new Migration(4, "drop the unused (host, pid) index of processes", List.of(
                    "DROP INDEX IF EXISTS processes_host_pid")),
            // sha256 stays the file's own digest (chain of custody); content_sha256 is the digest of what the file
            // holds (decompressed, CRLF as LF), so the same log gzipped or with Windows line ends is one source.
            new Migration(5, "digest of each source's content, for duplicates by content", List.of(
                    "ALTER TABLE sources ADD COLUMN content_sha256 TEXT")),
            // The events again, packed for the detector's re-runs (ReplayChunks): a few hundred rows per
            // million events read in order instead of seven joined look-ups per event. A copy: cases without
            // chunks (made before, or whose chunks do not cover every event) replay the events table.
            new Migration(6, "replay chunks and the last analysis: the events packed for re-running detection; findings "
                    + "with their signals and campaign processes", List.of(
                    """
                    CREATE TABLE replay_chunks (
                      id INTEGER PRIMARY KEY,
                      source_id INTEGER NOT NULL,
                      events INTEGER NOT NULL,
                      first_us INTEGER NOT NULL,
                      first_id INTEGER NOT NULL,
                      last_us INTEGER NOT NULL,
                      last_id INTEGER NOT NULL,
                      format INTEGER NOT NULL,
                      data BLOB NOT NULL)""",
                    // What the last detection run concluded, so that opening a case shows it at once instead of replaying
                    // every event. The run's stamp says what it was computed from (the engine's code, the settings, the
                    // sources as they were); a case whose stamp no longer matches is re-analysed in the background.
                    """
                    CREATE TABLE analysis (
                      id INTEGER PRIMARY KEY CHECK (id = 1),
                      engine_version TEXT NOT NULL,
                      settings_hash TEXT NOT NULL,
                      case_data TEXT NOT NULL,
                      events INTEGER NOT NULL,
                      finished_at TEXT NOT NULL,
                      millis INTEGER NOT NULL,
                      format INTEGER NOT NULL,
                      coverage BLOB NOT NULL)""",
                    """
                    CREATE TABLE analysis_findings (
                      position INTEGER PRIMARY KEY,
                      finding_id TEXT NOT NULL,
                      severity TEXT NOT NULL,
                      score INTEGER NOT NULL,
                      host TEXT,
                      title TEXT NOT NULL,
                      first_us INTEGER,
                      last_us INTEGER,
                      suppressed INTEGER NOT NULL,
                      root_process_key INTEGER,
                      finding BLOB NOT NULL)""",
                    """
                    CREATE TABLE analysis_signals (
                      position INTEGER NOT NULL,
                      ordinal INTEGER NOT NULL,
                      kind TEXT NOT NULL,
                      fired INTEGER NOT NULL,
                      value REAL NOT NULL,
                      threshold REAL NOT NULL,
                      contribution REAL NOT NULL,
                      description TEXT,
                      PRIMARY KEY (position, ordinal)) WITHOUT ROWID""",
                    """
                    CREATE TABLE analysis_processes (
                      position INTEGER NOT NULL,
                      process_key INTEGER NOT NULL,
                      PRIMARY KEY (position, process_key)) WITHOUT ROWID""")));

    public static final int CURRENT_VERSION = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    /** An index on a bulk-loaded table. */
    public record Index(String name, String columns) {
        String createSql() {
            return "CREATE INDEX IF NOT EXISTS " + name + " ON " + columns;
        }
    }

    /**
     * Indexes for the queries on the bulk-loaded tables. They are dropped before a large bulk load and rebuilt
     * after it: building an index once over the finished table is cheaper than keeping it up to date row by
     * row, even for the time index whose keys arrive almost in order (measured on 1.13 M events: 0.8 s less in
     * all, the row-by-row upkeep doubling the cost of inserting the events). Host filters use
     * {@code events_time} (a case has few hosts).
     */
    public static final List<Index> EVENT_INDEXES = List.of(
            new Index("events_time", "events(time_us, id)"),
            new Index("events_process", "events(proc_key, time_us)"),
            new Index("events_path", "events(path_id)"),
            new Index("events_path2", "events(path2_id) WHERE path2_id IS NOT NULL"),
            new Index("paths_path", "paths(path)"),
            // made by migration 1 too; rebuilt like the others, since a busy log can have a process per event
            new Index("processes_parent", "processes(parent_key)"));

    private CaseSchema() {
    }
}
