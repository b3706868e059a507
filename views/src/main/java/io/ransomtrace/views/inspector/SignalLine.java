package io.ransomtrace.views.inspector;

/**
 * One detector signal of a finding, in words and numbers.
 *
 * @param kind      the signal's short name, e.g. "mass-overwrite"
 * @param sentence  what it means for this finding, e.g. "412 existing files overwritten in 38 s by one lineage"
 * @param value     the measured value
 * @param threshold the profile threshold it is compared with
 * @param unit      unit of both numbers ("files", "files/s", "%", …), may be empty
 * @param triggered whether this signal fired (value crossed threshold)
 */
public record SignalLine(String kind, String sentence, double value, double threshold, String unit,
                         boolean triggered) {
}
