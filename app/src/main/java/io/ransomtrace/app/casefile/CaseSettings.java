package io.ransomtrace.app.casefile;

import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.engine.profile.Profile;

import java.util.List;

/**
 * How the analyst judges a case: the detection profile and the allowlist kept in it (the shipped defaults and an
 * empty list until something is kept). The window, the command line and the exports read the same settings, so
 * a case is judged alike wherever it is looked at.
 */
public record CaseSettings(Profile profile, List<AllowlistRule> allowlist) {

    public CaseSettings {
        allowlist = List.copyOf(allowlist);
    }

    public static CaseSettings defaults() {
        return new CaseSettings(Profile.defaults(), List.of());
    }

    /** The active profile stored in the case (or the defaults) and the case's allowlist. */
    static CaseSettings read(AnalystAnnotations annotations) {
        Profile profile = annotations.activeProfile().map(p -> ProfileYaml.read(p.yaml())).orElse(Profile.defaults());
        return new CaseSettings(profile, CaseAllowlist.read(annotations));
    }

    public CaseSettings withProfile(Profile p) {
        return new CaseSettings(p, allowlist);
    }

    public CaseSettings withAllowlist(List<AllowlistRule> rules) {
        return new CaseSettings(profile, rules);
    }

    /** What the detector runs with: the profile and the allowlist as detector entries. */
    public DetectionSettings detection() {
        return new DetectionSettings(profile, CaseAllowlist.toEngine(allowlist));
    }
}
