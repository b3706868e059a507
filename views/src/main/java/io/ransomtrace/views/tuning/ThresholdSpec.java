package io.ransomtrace.views.tuning;

/**
 * One tunable threshold of a detection profile.
 *
 * @param key          the profile's key, e.g. "overwrite.minFiles"
 * @param label        the parameter's name for the analyst, in full, e.g. "Slow window (seconds)"
 * @param group        what it belongs to, shown as a heading above its group, e.g. "Mass modification
 *                     (mass-modification)"; thresholds of one group are listed together
 * @param description  one sentence on what raising or lowering it does
 * @param step         slider/spinner increment (1 for counts)
 * @param unit         "files", "s", "%", … (may be empty)
 */
public record ThresholdSpec(String key, String label, String description, double min, double max,
                            double defaultValue, double currentValue, double step, String unit, String group) {
    public ThresholdSpec {
        if (!(min <= max)) {
            throw new IllegalArgumentException(key + ": min " + min + " > max " + max);
        }
        if (step <= 0) {
            throw new IllegalArgumentException(key + ": step must be positive");
        }
        defaultValue = clamp(defaultValue, min, max);
        currentValue = clamp(currentValue, min, max);
        group = group == null ? "" : group;
    }

    /** A threshold outside any group. */
    public ThresholdSpec(String key, String label, String description, double min, double max, double defaultValue,
                         double currentValue, double step, String unit) {
        this(key, label, description, min, max, defaultValue, currentValue, step, unit, "");
    }

    public ThresholdSpec withCurrent(double v) {
        return new ThresholdSpec(key, label, description, min, max, defaultValue, v, step, unit, group);
    }

    public boolean isDefault() {
        return currentValue == defaultValue;
    }

    /** Whether values are whole numbers (step is integral). */
    public boolean integral() {
        return step == Math.rint(step) && min == Math.rint(min);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
