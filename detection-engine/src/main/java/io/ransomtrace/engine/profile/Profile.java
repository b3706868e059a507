package io.ransomtrace.engine.profile;

import io.ransomtrace.engine.finding.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every threshold, window, weight and list the detector uses, read from one YAML file. Immutable:
 * {@link #with(String, Object)} returns a changed copy for live tuning.
 */
public final class Profile {
    static final String DEFAULT_RESOURCE = "/io/ransomtrace/engine/profile/default-profile.yaml";

    private static volatile Profile defaults;

    private final Map<String, Object> values;

    private Profile(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The profile shipped in the jar. */
    public static Profile defaults() {
        Profile d = defaults;
        if (d == null) {
            synchronized (Profile.class) {
                d = defaults;
                if (d == null) {
                    d = loadDefaults();
                    defaults = d;
                }
            }
        }
        return d;
    }

    private static Profile loadDefaults() {
        try (InputStream in = Profile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default profile missing from the jar: " + DEFAULT_RESOURCE);
            }
            Map<String, Object> flat = flatten(YamlFiles.readMapping(in, "default profile"));
            for (ParameterSpec spec : ProfileSchema.SPECS) {
                if (!flat.containsKey(spec.key())) {
                    throw new IllegalStateException("default profile lacks " + spec.key());
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (ParameterSpec spec : ProfileSchema.SPECS) {
                values.put(spec.key(), coerce(spec, flat.get(spec.key())));
            }
            Profile p = new Profile(values);
            p.checkConsistency();
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("default profile unreadable", e);
        }
    }

    /**
     * Reads a profile. Keys it does not set keep their default; unknown keys and out-of-range values are
     * refused with a {@link ProfileException} naming the key and the allowed range.
     */
    public static Profile load(InputStream in) {
        Map<String, Object> flat = flatten(YamlFiles.readMapping(in, "profile"));
        Map<String, Object> values = new LinkedHashMap<>(defaults().values);
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            ParameterSpec spec = ProfileSchema.BY_KEY.get(e.getKey());
            if (spec == null) {
                throw new ProfileException(e.getKey(), "unknown key" + suggestion(e.getKey()));
            }
            values.put(spec.key(), coerce(spec, e.getValue()));
        }
        Profile p = new Profile(values);
        p.checkConsistency();
        return p;
    }

    /** A copy with one key changed, validated like a loaded file. */
    public Profile with(String key, Object value) {
        ParameterSpec spec = ProfileSchema.BY_KEY.get(key);
        if (spec == null) {
            throw new ProfileException(key, "unknown key" + suggestion(key));
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, coerce(spec, value));
        Profile p = new Profile(copy);
        p.checkConsistency();
        return p;
    }

    /** Every key with description, default, range and current value, in file order (for a tuning UI). */
    public List<Parameter> parameters() {
        Profile d = defaults();
        List<Parameter> out = new ArrayList<>(ProfileSchema.SPECS.size());
        for (ParameterSpec s : ProfileSchema.SPECS) {
            out.add(new Parameter(s.key(), s.description(), s.type(), d.values.get(s.key()), s.min(), s.max(),
                    values.get(s.key())));
        }
        return out;
    }

    public int integer(String key) {
        return (int) Math.min(Integer.MAX_VALUE, (Long) get(key, ParameterType.INTEGER));
    }

    public long longValue(String key) {
        return (Long) get(key, ParameterType.INTEGER);
    }

    public double decimal(String key) {
        return (Double) get(key, ParameterType.DECIMAL);
    }

    public Severity severity(String key) {
        return (Severity) get(key, ParameterType.SEVERITY);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return (List<String>) get(key, ParameterType.STRING_LIST);
    }

    /** The current value of a key (Long, Double, Severity or List of String). */
    public Object value(String key) {
        if (!values.containsKey(key)) {
            throw new ProfileException(key, "unknown key");
        }
        return values.get(key);
    }

    private Object get(String key, ParameterType type) {
        ParameterSpec spec = ProfileSchema.BY_KEY.get(key);
        if (spec == null || spec.type() != type) {
            throw new IllegalArgumentException("no " + type + " profile key " + key);
        }
        return values.get(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Profile" + values;
    }

    private void checkConsistency() {
        orderCheck("severity.low", "severity.medium");
        orderCheck("severity.medium", "severity.high");
        orderCheck("severity.high", "severity.critical");
    }

    private void orderCheck(String lower, String higher) {
        long lo = longValue(lower);
        long hi = longValue(higher);
        if (lo >= hi) {
            throw new ProfileException(higher, "must be greater than " + lower + " (" + hi + " <= " + lo + ")");
        }
    }

    private static Object coerce(ParameterSpec spec, Object raw) {
        String key = spec.key();
        switch (spec.type()) {
            case INTEGER -> {
                if (!(raw instanceof Number n) || raw instanceof Double || raw instanceof Float) {
                    if (raw instanceof Number n2 && n2.doubleValue() == Math.rint(n2.doubleValue())) {
                        return range(spec, n2.longValue());
                    }
                    throw new ProfileException(key, "must be a whole number between " + spec.min() + " and "
                            + spec.max() + ", got " + show(raw));
                }
                return range(spec, n.longValue());
            }
            case DECIMAL -> {
                if (!(raw instanceof Number n)) {
                    throw new ProfileException(key, "must be a number between " + spec.min() + " and " + spec.max()
                            + ", got " + show(raw));
                }
                double v = n.doubleValue();
                if (Double.isNaN(v) || v < spec.min().doubleValue() || v > spec.max().doubleValue()) {
                    throw new ProfileException(key, v + " is out of range: allowed " + spec.min() + " to " + spec.max());
                }
                return v;
            }
            case SEVERITY -> {
                Severity s = raw instanceof Severity sv ? sv : raw instanceof String str ? Severity.parse(str) : null;
                if (s == null) {
                    throw new ProfileException(key, "must be one of info, low, medium, high, critical, got " + show(raw));
                }
                return s;
            }
            case STRING_LIST -> {
                if (!(raw instanceof List<?> list)) {
                    throw new ProfileException(key, "must be a list of strings, got " + show(raw));
                }
                List<String> out = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item == null || item instanceof Map || item instanceof List) {
                        throw new ProfileException(key, "item " + (i + 1) + " must be a string, got " + show(item));
                    }
                    out.add(String.valueOf(item).toLowerCase(Locale.ROOT));
                }
                return List.copyOf(out);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Long range(ParameterSpec spec, long v) {
        if (v < spec.min().longValue() || v > spec.max().longValue()) {
            throw new ProfileException(spec.key(), v + " is out of range: allowed " + spec.min() + " to " + spec.max());
        }
        return v;
    }

    private static String show(Object raw) {
        if (raw == null) {
            return "nothing";
        }
        String s = String.valueOf(raw);
        return "'" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "'";
    }

    private static String suggestion(String key) {
        int dot = key.lastIndexOf('.');
        String leaf = dot >= 0 ? key.substring(dot + 1) : key;
        if (dot > 0) {
            String section = key.substring(0, dot + 1);
            List<String> siblings = new ArrayList<>();
            for (ParameterSpec s : ProfileSchema.SPECS) {
                if (s.key().startsWith(section) && s.key().indexOf('.', section.length()) < 0) {
                    siblings.add(s.key().substring(section.length()));
                }
            }
            if (!siblings.isEmpty()) {
                return " (did you mean one of " + String.join(", ", siblings) + "?)";
            }
        }
        for (ParameterSpec s : ProfileSchema.SPECS) {
            if (s.key().endsWith("." + leaf)) {
                return " (did you mean " + s.key() + "?)";
            }
        }
        return "";
    }

    static Map<String, Object> flatten(Map<?, ?> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", tree, out);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> tree, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : tree.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> sub) {
                if (ProfileSchema.BY_KEY.containsKey(key)) {
                    throw new ProfileException(key, "must be a value, not a mapping");
                }
                flatten(key + ".", sub, out);
            } else {
                out.put(key, v);
            }
        }
    }
}
