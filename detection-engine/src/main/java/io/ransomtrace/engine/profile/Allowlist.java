package io.ransomtrace.engine.profile;

import io.ransomtrace.engine.finding.Severity;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Known-legitimate activity. Entries either suppress a finding (it stays visible, marked suppressed) or cap
 * its severity. Read from YAML:
 *
 * <pre>
 * entries:
 *   - id: nightly-db-backup
 *     reason: encrypted dumps, ticket OPS-123
 *     author: j.doe
 *     expires: 2027-01-01          # optional
 *     effect: cap                   # suppress | cap
 *     capSeverity: low              # with effect cap
 *     match:                        # at least one of:
 *       exe: /usr/bin/gpg           # root or every acting executable
 *       commandLine: "*backup.sh*"
 *       user: backup
 *       parentExe: /usr/sbin/cron
 *       pathPrefix: /var/backups    # every changed directory under it
 *       host: "db*"
 * </pre>
 */
public final class Allowlist {
    private static final Set<String> ENTRY_KEYS = Set.of("id", "reason", "author", "expires", "effect", "capSeverity", "match");
    private static final Set<String> MATCH_KEYS = Set.of("exe", "commandLine", "user", "parentExe", "pathPrefix", "host");

    private static final Allowlist EMPTY = new Allowlist(List.of());

    private final List<AllowlistEntry> entries;

    public Allowlist(List<AllowlistEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Allowlist empty() {
        return EMPTY;
    }

    public List<AllowlistEntry> entries() {
        return entries;
    }

    /** The first entry (in file order) that matches, if any. */
    public Optional<AllowlistEntry> match(AllowlistSubject subject) {
        for (AllowlistEntry e : entries) {
            if (e.matches(subject)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static Allowlist load(InputStream in) {
        Map<?, ?> doc = YamlFiles.readMapping(in, "allowlist");
        for (Object k : doc.keySet()) {
            if (!"entries".equals(k)) {
                throw new ProfileException(String.valueOf(k), "unknown key (an allowlist has only 'entries')");
            }
        }
        Object raw = doc.get("entries");
        if (raw == null) {
            return EMPTY;
        }
        if (!(raw instanceof List<?> list)) {
            throw new ProfileException("entries", "must be a list of entries");
        }
        List<AllowlistEntry> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "entries[" + (i + 1) + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new ProfileException(at, "must be a mapping");
            }
            AllowlistEntry e = entry(at, m);
            if (!ids.add(e.id())) {
                throw new ProfileException(at + ".id", "duplicate id '" + e.id() + "'");
            }
            out.add(e);
        }
        return new Allowlist(out);
    }

    private static AllowlistEntry entry(String at, Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!ENTRY_KEYS.contains(String.valueOf(k))) {
                throw new ProfileException(at + "." + k, "unknown key; allowed: " + String.join(", ", new TreeSet<>(ENTRY_KEYS)));
            }
        }
        String reason = text(at + ".reason", m.get("reason"), true);
        String author = text(at + ".author", m.get("author"), true);
        String id = text(at + ".id", m.get("id"), false);
        if (id == null) {
            id = at;
        }
        Instant expires = expiry(at + ".expires", m.get("expires"));
        String effectText = text(at + ".effect", m.get("effect"), true);
        AllowlistEffect effect;
        Severity cap = null;
        switch (effectText.toLowerCase(Locale.ROOT)) {
            case "suppress" -> effect = AllowlistEffect.SUPPRESS;
            case "cap", "cap-severity", "capseverity" -> {
                effect = AllowlistEffect.CAP_SEVERITY;
                String capText = text(at + ".capSeverity", m.get("capSeverity"), true);
                cap = Severity.parse(capText);
                if (cap == null) {
                    throw new ProfileException(at + ".capSeverity", "must be one of info, low, medium, high, critical, got '" + capText + "'");
                }
            }
            default -> throw new ProfileException(at + ".effect", "must be 'suppress' or 'cap', got '" + effectText + "'");
        }
        if (!(m.get("match") instanceof Map<?, ?> match) || match.isEmpty()) {
            throw new ProfileException(at + ".match", "must set at least one of " + String.join(", ", new TreeSet<>(MATCH_KEYS)));
        }
        for (Object k : match.keySet()) {
            if (!MATCH_KEYS.contains(String.valueOf(k))) {
                throw new ProfileException(at + ".match." + k, "unknown condition; allowed: " + String.join(", ", new TreeSet<>(MATCH_KEYS)));
            }
        }
        return new AllowlistEntry(id, reason, author, expires, effect, cap,
                text(at + ".match.exe", match.get("exe"), false),
                text(at + ".match.commandLine", match.get("commandLine"), false),
                text(at + ".match.user", match.get("user"), false),
                text(at + ".match.parentExe", match.get("parentExe"), false),
                text(at + ".match.pathPrefix", match.get("pathPrefix"), false),
                text(at + ".match.host", match.get("host"), false));
    }

    private static String text(String key, Object v, boolean required) {
        if (v == null) {
            if (required) {
                throw new ProfileException(key, "is required");
            }
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw new ProfileException(key, "must be text");
        }
        String s = String.valueOf(v).trim();
        if (s.isEmpty()) {
            if (required) {
                throw new ProfileException(key, "must not be empty");
            }
            return null;
        }
        return s;
    }

    private static Instant expiry(String key, Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        String s = String.valueOf(v).trim();
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw new ProfileException(key, "must be a date (2027-01-31) or an instant (2027-01-31T00:00:00Z), got '" + s + "'");
            }
        }
    }
}
