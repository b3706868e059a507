package io.ransomtrace.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns an events row (with its joined dictionary rows) back into the engine's event. One reader per query:
 * it remembers the hosts, actors and paths it has built by their ids, because every column read is a call
 * into the driver's native code and a replay of millions of events is dominated by those calls, not by SQLite.
 */
final class EventRowReader {

    /** Columns in the order {@link #read} expects them; prefix with FROM {@link #JOINS}. */
    static final String COLUMNS = "e.id, e.time_us, h.name, e.proc_key, e.kind, p1.path, p2.path, e.flags, e.mode, "
            + "e.result, e.inode, e.source_id, e.line, e.byte_offset, e.native_id, e.actor_id, a.pid, a.ppid, a.exe, "
            + "a.comm, a.uid, a.euid, a.gid, a.auid, a.session, a.user, a.login_user, a.entity_id, ch.event_id, "
            + "ch.entropy, ch.header_hex, ch.original_extension, ch.text_excerpt, od.type, od.summary, od.fields, "
            + "pr.argv, pr.argv_truncated, pr.cwd, pr.tty, pr.parent_entity_id, e.host_id, e.path_id, e.path2_id";

    static final String JOINS = "events e "
            + "LEFT JOIN hosts h ON h.id = e.host_id "
            + "LEFT JOIN actors a ON a.id = e.actor_id "
            + "LEFT JOIN paths p1 ON p1.id = e.path_id "
            + "LEFT JOIN paths p2 ON p2.id = e.path2_id "
            + "LEFT JOIN content_hints ch ON ch.event_id = e.id "
            + "LEFT JOIN other_details od ON od.event_id = e.id "
            + "LEFT JOIN processes pr ON e.kind = " + EventKind.EXEC.code() + " AND pr.key = e.proc_key";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final Map<Long, String> hosts = new HashMap<>();
    private final LruCache<Long, Actor> actors = new LruCache<>(10_000);
    private final LruCache<Long, String> paths = new LruCache<>(10_000);

    StoredEvent read(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        var time = Times.fromMicros(rs.getLong(2));
        String host = cached(rs, 42, 3, hosts);
        long pk = rs.getLong(4);
        Long procKey = rs.wasNull() ? null : pk;
        EventKind kind = EventKind.fromCode(rs.getInt(5));
        Provenance prov = new Provenance(rs.getInt(12), rs.getLong(13), rs.getLong(14), rs.getString(15));
        Actor actor = actor(rs);
        Event event = switch (kind) {
            case EXEC -> new ProcessExec(id, time, host, actor, Argv.split(rs.getString(37)), rs.getInt(38) != 0,
                    rs.getString(39), rs.getString(40), rs.getString(41), rs.getInt(10) != 0, prov);
            case EXIT -> {
                int code = rs.getInt(10);
                yield new ProcessExit(id, time, host, actor, rs.wasNull() ? null : code, prov);
            }
            case OTHER -> new OtherRecord(id, time, host, actor, rs.getString(34), rs.getString(35),
                    fields(rs.getString(36)), prov);
            default -> new FileOp(id, time, host, actor, kind.fileOpKind(), cached(rs, 43, 6, paths),
                    cached(rs, 44, 7, paths), rs.getInt(8), rs.getInt(9), rs.getInt(10) != 0, rs.getLong(11),
                    hint(rs), prov);
        };
        return new StoredEvent(event, procKey);
    }

    /** The text of a dictionary column ({@code textColumn}), by its id ({@code idColumn}); null for no id. */
    private static String cached(ResultSet rs, int idColumn, int textColumn, Map<Long, String> cache)
            throws SQLException {
        long key = rs.getLong(idColumn);
        if (rs.wasNull()) {
            return null;
        }
        String text = cache.get(key);
        if (text == null) {
            text = rs.getString(textColumn);
            cache.put(key, text);
        }
        return text;
    }

    private Actor actor(ResultSet rs) throws SQLException {
        long key = rs.getLong(16);
        if (rs.wasNull()) {
            return Actor.NONE;
        }
        Actor a = actors.get(key);
        if (a == null) {
            Credentials cr = new Credentials(rs.getLong(21), rs.getLong(22), rs.getLong(23), rs.getLong(24),
                    rs.getLong(25), rs.getString(26), rs.getString(27));
            a = new Actor(rs.getInt(17), rs.getInt(18), rs.getString(19), rs.getString(20), cr, rs.getString(28));
            actors.put(key, a);
        }
        return a;
    }

    private static ContentHint hint(ResultSet rs) throws SQLException {
        rs.getLong(29);
        if (rs.wasNull()) {
            return null;
        }
        double entropy = rs.getDouble(30);
        Double e = rs.wasNull() ? null : entropy;
        return new ContentHint(e, rs.getString(31), rs.getString(32), rs.getString(33));
    }

    private static Map<String, String> fields(String json) throws SQLException {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable record fields in case: " + e.getOriginalMessage(), e);
        }
    }
}
