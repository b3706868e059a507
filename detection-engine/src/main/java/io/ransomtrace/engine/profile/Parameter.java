package io.ransomtrace.engine.profile;

/**
 * A profile key as a tuning UI lists it.
 *
 * @param key          dotted key, e.g. {@code signals.massModification.threshold}
 * @param description  what it controls
 * @param type         value type
 * @param defaultValue the value in the shipped default profile
 * @param min          smallest allowed value (numbers only, else null)
 * @param max          largest allowed value (numbers only, else null)
 * @param current      the value in this profile
 */
public record Parameter(String key, String description, ParameterType type, Object defaultValue, Number min,
                        Number max, Object current) {
}
