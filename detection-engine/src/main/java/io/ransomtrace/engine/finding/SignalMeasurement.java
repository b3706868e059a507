package io.ransomtrace.engine.finding;

/**
 * One signal as measured on a campaign, explained in an analyst's words.
 *
 * @param kind         the signal's stable name, e.g. {@code extension-change}
 * @param description  a sentence stating what was measured against which threshold
 * @param value        the measured value
 * @param threshold    the value at which the signal fires
 * @param fired        true when value reached threshold (and the signal's other conditions held)
 * @param contribution points this signal added to the score (0 when it did not fire)
 */
public record SignalMeasurement(String kind, String description, double value, double threshold, boolean fired,
                                double contribution) {
}
