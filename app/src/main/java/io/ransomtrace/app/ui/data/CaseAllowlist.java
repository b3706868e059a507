package io.ransomtrace.app.ui.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.views.findings.Severity;
import io.ransomtrace.views.tuning.AllowlistEntry;
import io.ransomtrace.views.tuning.AllowlistEntry.Effect;
import io.ransomtrace.views.tuning.AllowlistEntry.MatchField;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyst's allowlist, kept in the case's {@code allowlist} table: {@code kind} is the field matched
 * ({@link MatchField} name), {@code pattern} the exact value or glob, and {@code reason} a small JSON object
 * {@code {"reason", "author", "expires", "effect", "cap"}} because the table has one text column for all of
 * them. A row whose reason is plain text (written by another tool) reads as a suppress entry with that reason.
 *
 * <p>{@link #toEngine} builds the detector's allowlist. The engine matches the root's effective user; a
 * LOGIN_USER entry is matched against that user too (the engine has no login-user condition), which the
 * window says next to the entry.
 */
public final class CaseAllowlist {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseAllowlist() {
    }

    public static List<AllowlistEntry> read(AnalystAnnotations annotations) {
        List<AllowlistEntry> out = new ArrayList<>();
        for (AnalystAnnotations.AllowlistEntry row : annotations.allowlist()) {
            MatchField field = field(row.kind());
            if (field == null) {
                continue;
            }
            out.add(decode(field, row.pattern(), row.reason()));
        }
        return out;
    }

    /** Replaces the case's allowlist with {@code entries}. */
    public static void write(AnalystAnnotations annotations, List<AllowlistEntry> entries) {
        for (AnalystAnnotations.AllowlistEntry row : annotations.allowlist()) {
            if (field(row.kind()) != null) {
                annotations.disallow(row.id());
            }
        }
        for (AllowlistEntry e : entries) {
            annotations.allow(e.field().name(), e.pattern(), encode(e));
        }
    }

    public static Allowlist toEngine(List<AllowlistEntry> entries) {
        List<io.ransomtrace.engine.profile.AllowlistEntry> out = new ArrayList<>();
        int n = 0;
        for (AllowlistEntry e : entries) {
            n++;
            String p = e.pattern();
            MatchField f = e.field();
            out.add(new io.ransomtrace.engine.profile.AllowlistEntry("case-" + n + "-" + f.name().toLowerCase(),
                    e.reason(), e.author(),
                    e.expires() == null ? null : e.expires().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    e.effect() == Effect.CAP ? AllowlistEffect.CAP_SEVERITY : AllowlistEffect.SUPPRESS,
                    e.effect() == Effect.CAP ? engineSeverity(e.cap()) : null,
                    f == MatchField.EXE ? p : null, f == MatchField.COMMAND_LINE ? p : null,
                    f == MatchField.USER || f == MatchField.LOGIN_USER ? p : null, null,
                    f == MatchField.PATH ? p : null, f == MatchField.HOST ? p : null));
        }
        return new Allowlist(out);
    }

    private static io.ransomtrace.engine.finding.Severity engineSeverity(Severity s) {
        io.ransomtrace.engine.finding.Severity e = io.ransomtrace.engine.finding.Severity.parse(
                s == null ? "low" : s.name());
        return e == null ? io.ransomtrace.engine.finding.Severity.LOW : e;
    }

    static String encode(AllowlistEntry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("reason", e.reason());
        o.put("author", e.author());
        o.put("expires", e.expires() == null ? null : e.expires().toString());
        o.put("effect", e.effect().name());
        o.put("cap", e.cap() == null ? null : e.cap().name());
        return o.toString();
    }

    static AllowlistEntry decode(MatchField field, String pattern, String stored) {
        try {
            JsonNode o = stored != null && stored.startsWith("{") ? JSON.readTree(stored) : null;
            if (o != null && o.isObject()) {
                Effect effect = "CAP".equals(text(o, "effect")) ? Effect.CAP : Effect.SUPPRESS;
                String cap = text(o, "cap");
                String expires = text(o, "expires");
                return new AllowlistEntry(field, pattern, effect, cap == null ? null : Severity.parse(cap),
                        text(o, "reason"), text(o, "author"), expires == null ? null : LocalDate.parse(expires));
            }
        } catch (java.io.IOException | java.time.DateTimeException e) {
            // Not ours: keep it as a plain reason below rather than dropping the analyst's entry.
        }
        return new AllowlistEntry(field, pattern, Effect.SUPPRESS, null, stored, null, null);
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static MatchField field(String kind) {
        for (MatchField f : MatchField.values()) {
            if (f.name().equalsIgnoreCase(kind)) {
                return f;
            }
        }
        return null;
    }
}
