/**
 * The case file ({@code .rtcase}): one portable SQLite database per investigation.
 *
 * <ul>
 *   <li>{@link io.ransomtrace.app.store.CaseStore}: create / open (upgrades older cases, marks dead imports
 *       interrupted) / open read-only (never modifies the file); kill-safety design in its class comment.</li>
 *   <li>{@link io.ransomtrace.app.store.CaseSchema}: tables and forward migrations; version in
 *       {@code PRAGMA user_version}, a newer case gives {@link io.ransomtrace.app.store.CaseVersionException}.</li>
 *   <li>{@link io.ransomtrace.app.store.CaseWriter}: the bulk writer the import pipeline drives; it stores an
 *       event or, when the case cannot take it, quarantines it with its line.</li>
 *   <li>{@link io.ransomtrace.app.store.CaseQueries}: what views and detector ask (events keyset-paged and
 *       filtered, process tree, timeline buckets, directory aggregation, replay in time order, sources, import
 *       errors), answered with engine model types and small records.</li>
 *   <li>{@link io.ransomtrace.app.store.AnalystAnnotations}: findings with evidence, tags and notes, allowlist,
 *       detection profiles and tuning history.</li>
 * </ul>
 *
 * <p>Times are stored as epoch microseconds: an event time finer than a microsecond is truncated (no supported
 * log format carries nanoseconds; auditd has milliseconds).
 */
package io.ransomtrace.app.store;
