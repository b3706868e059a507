package io.ransomtrace.app.ui.data;

import io.ransomtrace.engine.profile.Parameter;
import io.ransomtrace.engine.profile.ParameterType;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.views.tuning.ThresholdSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between the engine's {@link Profile} and the tuning panel: every numeric parameter becomes a
 * {@link ThresholdSpec}; the panel's values become a profile again. (How a case keeps a profile:
 * {@link io.ransomtrace.app.casefile.ProfileYaml}.)
 */
public final class ProfileValues {
    private ProfileValues() {
    }

    public static List<ThresholdSpec> specs(Profile profile) {
        List<ThresholdSpec> out = new ArrayList<>();
        for (Parameter p : profile.parameters()) {
            if (p.type() != ParameterType.INTEGER && p.type() != ParameterType.DECIMAL) {
                continue;
            }
            double def = ((Number) p.defaultValue()).doubleValue();
            double cur = ((Number) p.current()).doubleValue();
            boolean integral = p.type() == ParameterType.INTEGER;
            double min = p.min() != null ? p.min().doubleValue() : 0;
            double max = p.max() != null ? p.max().doubleValue() : Math.max(def, cur) * 10 + (integral ? 10 : 1);
            // Open-ended ranges (e.g. 1..2^31) would make the slider useless: a slider spans up to 10x the default.
            double sliderMax = Math.min(max, Math.max(Math.max(def, cur) * 10, min + (integral ? 10 : 1)));
            double step = integral ? 1 : stepFor(sliderMax - min);
            out.add(new ThresholdSpec(p.key(), label(p.key()), p.description(), min, sliderMax, def, cur, step, "",
                    group(p.key())));
        }
        // What an analyst tunes (signal thresholds, severity cut-offs) first; the engine's bookkeeping last.
        out.sort(java.util.Comparator.comparingInt(s -> s.key().startsWith("signals.") ? 0
                : s.key().startsWith("severity.") ? 1 : 2));
        return out;
    }

    public static Map<String, Double> values(Profile profile) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ThresholdSpec s : specs(profile)) {
            out.put(s.key(), s.currentValue());
        }
        return out;
    }

    /** {@code base} with the panel's values. Integer keys get rounded values. */
    public static Profile apply(Profile base, Map<String, Double> values) {
        Profile p = base;
        Map<String, ParameterType> types = new LinkedHashMap<>();
        for (Parameter par : base.parameters()) {
            types.put(par.key(), par.type());
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            ParameterType t = types.get(e.getKey());
            if (t == ParameterType.INTEGER) {
                long v = Math.round(e.getValue());
                if (((Number) p.value(e.getKey())).longValue() != v) {
                    p = p.with(e.getKey(), v);
                }
            } else if (t == ParameterType.DECIMAL) {
                if (((Number) p.value(e.getKey())).doubleValue() != e.getValue()) {
                    p = p.with(e.getKey(), e.getValue());
                }
            }
        }
        return p;
    }

    /**
     * The parameter's own name in words, in full (its group is the heading above it):
     * "signals.massModification.slowWindowSeconds" → "Slow window (seconds)", "severity.highMinFiles" →
     * "High min files".
     */
    static String label(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        String unit = "";
        for (String u : new String[]{"Seconds", "BitsPerByte"}) {
            if (last.endsWith(u) && last.length() > u.length()) {
                last = last.substring(0, last.length() - u.length());
                unit = " (" + words(u) + ")";
            }
        }
        return capital(words(last)) + unit;
    }

    /**
     * The heading a parameter is listed under: a signal by its name as the findings show it ("Mass
     * modification (mass-modification)"), the severity cut-offs, or the engine's bookkeeping by area.
     */
    static String group(String key) {
        String[] parts = key.split("\\.");
        if (parts.length >= 3 && parts[0].equals("signals")) {
            String name = parts[1];
            return "Signal: " + capital(words(name)) + " (" + words(name).replace(' ', '-') + ")";
        }
        if (parts[0].equals("severity")) {
            return "Severity: score cut-offs and file minimums";
        }
        return "Engine: " + words(parts[0]) + (parts.length > 2 ? " " + words(parts[1]) : "");
    }

    /** "slowWindow" → "slow window". */
    private static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double stepFor(double span) {
        double raw = span / 100;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        return raw / pow >= 5 ? 5 * pow : raw / pow >= 2 ? 2 * pow : pow;
    }
}
