package io.ransomtrace.app.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.engine.profile.AllowlistEntry;
import io.ransomtrace.engine.profile.AllowlistRule.MatchField;
import io.ransomtrace.engine.profile.AllowlistRule;

import java.time.LocalDate;
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
    /** Started on first use only: reading the settings of a case without an allowlist needs no JSON library. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private CaseAllowlist() {
    }

    public static List<AllowlistRule> read(AnalystAnnotations annotations) {
        List<AllowlistRule> out = new ArrayList<>();
        for (AnalystAnnotations.AllowlistTableRow row : annotations.allowlist()) {
            MatchField field = field(row.kind());
            if (field == null) {
                continue;
            }
            out.add(decode(field, row.pattern(), row.reason()));
        }
        return out;
    }

    /** Replaces the case's allowlist with {@code entries}. */
    public static void write(AnalystAnnotations annotations, List<AllowlistRule> entries) {
        for (AnalystAnnotations.AllowlistTableRow row : annotations.allowlist()) {
            if (field(row.kind()) != null) {
                annotations.disallow(row.id());
            }
        }
        for (AllowlistRule e : entries) {
            annotations.allow(e.field().name(), e.pattern(), encode(e));
        }
    }

    public static Allowlist toEngine(List<AllowlistRule> rules) {
        List<AllowlistEntry> out = new ArrayList<>();
        int n = 0;
        for (AllowlistRule r : rules) {
            n++;
            out.add(r.toEntry("case-" + n + "-" + r.field().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return new Allowlist(out);
    }

    static String encode(AllowlistRule e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("reason", e.reason());
        o.put("author", e.author());
        o.put("expires", e.expires() == null ? null : e.expires().toString());
        o.put("effect", e.effect() == AllowlistEffect.CAP_SEVERITY ? "CAP" : "SUPPRESS");
        o.put("cap", e.cap() == null ? null : e.cap().name());
        return o.toString();
    }

    static AllowlistRule decode(MatchField field, String pattern, String stored) {
        try {
            JsonNode o = stored != null && stored.startsWith("{") ? Json.MAPPER.readTree(stored) : null;
            if (o != null && o.isObject()) {
                AllowlistEffect effect = "CAP".equals(text(o, "effect")) ? AllowlistEffect.CAP_SEVERITY
                        : AllowlistEffect.SUPPRESS;
                String cap = text(o, "cap");
                String expires = text(o, "expires");
                return new AllowlistRule(field, pattern, effect, cap == null ? null : capOf(cap),
                        text(o, "reason"), text(o, "author"), expires == null ? null : LocalDate.parse(expires));
            }
        } catch (java.io.IOException | java.time.DateTimeException e) {
            // Not ours: keep it as a plain reason below rather than dropping the analyst's entry.
        }
        return new AllowlistRule(field, pattern, AllowlistEffect.SUPPRESS, null, stored, null, null);
    }

    /** A stored cap; a name no severity has (written by hand, by another tool) caps at info, as it always did. */
    private static Severity capOf(String name) {
        Severity s = Severity.parse(name);
        return s == null ? Severity.INFO : s;
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
