package io.ransomtrace.engine.profile;

/** Definition of a profile key: type, range and meaning. Defaults live in default-profile.yaml. */
record ParameterSpec(String key, ParameterType type, Number min, Number max, String description) {

    static ParameterSpec integer(String key, long min, long max, String description) {
        return new ParameterSpec(key, ParameterType.INTEGER, min, max, description);
    }

    static ParameterSpec decimal(String key, double min, double max, String description) {
        return new ParameterSpec(key, ParameterType.DECIMAL, min, max, description);
    }

    static ParameterSpec severity(String key, String description) {
        return new ParameterSpec(key, ParameterType.SEVERITY, null, null, description);
    }

    static ParameterSpec list(String key, String description) {
        return new ParameterSpec(key, ParameterType.STRING_LIST, null, null, description);
    }
}
