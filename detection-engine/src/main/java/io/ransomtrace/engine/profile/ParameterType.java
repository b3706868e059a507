package io.ransomtrace.engine.profile;

/** The kind of value a profile key holds. */
public enum ParameterType {
    INTEGER, DECIMAL, SEVERITY, STRING_LIST
}
