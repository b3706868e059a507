package io.ransomtrace.app.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.Parameter;
import io.ransomtrace.engine.profile.Profile;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A detection profile as a case (and a saved profile file) keeps it: YAML holding only the keys that differ from
 * the shipped defaults, as dotted keys ({@code signals.ransomNote.minDirectories: 16}), which {@link Profile#load}
 * reads back.
 */
public final class ProfileYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private ProfileYaml() {
    }

    public static String write(Profile profile) {
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Parameter p : profile.parameters()) {
            if (!p.current().equals(p.defaultValue())) {
                changed.put(p.key(), p.current() instanceof Severity s ? s.label() : p.current());
            }
        }
        try {
            return changed.isEmpty() ? "{}\n" : YAML.writeValueAsString(changed);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws io.ransomtrace.engine.profile.ProfileException when the text is no profile, with the key at fault */
    public static Profile read(String yaml) {
        return Profile.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
