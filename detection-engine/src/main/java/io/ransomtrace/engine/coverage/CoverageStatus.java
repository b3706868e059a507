package io.ransomtrace.engine.coverage;

/** How far one piece of telemetry can be trusted on a host. */
public enum CoverageStatus {
    /** Present and complete enough for the AN0603 signals that use it. */
    GREEN,
    /** Present but partial, or absent where absence may be harmless; read the explanation. */
    AMBER,
    /** Absent: the signals that need it cannot fire on this host. */
    RED
}
