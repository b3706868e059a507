package io.ransomtrace.views.tuning;

/**
 * One tunable threshold of a detection profile.
 *
 * @param key          the profile's key, e.g. "overwrite.minFiles"
 * @param label        short name for the analyst, e.g. "Files overwritten"
 * @param description  one sentence on what raising or lowering it does
 * @param step         slider/spinner increment (1 for counts)
 * @param unit         "files", "s", "%", … (may be empty)
 */
public record ThresholdSpec(String key, String label, String description, double min, double max,
                            double defaultValue, double currentValue, double step, String unit) {
    public ThresholdSpec {
        if (!(min <= max)) {
            throw new IllegalArgumentException(key + ": min " + min + " > max " + max);
        }
        if (step <= 0) {
            throw new IllegalArgumentException(key + ": step must be positive");
        }
        defaultValue = clamp(defaultValue, min, max);
        currentValue = clamp(currentValue, min, max);
    }

    public ThresholdSpec withCurrent(double v) {
        return new ThresholdSpec(key, label, description, min, max, defaultValue, v, step, unit);
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
