package io.ransomtrace.engine.profile;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads a YAML document into plain maps, lists and scalars, safely (no arbitrary types). */
final class YamlFiles {
    private static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    private YamlFiles() {
    }

    static Map<?, ?> readMapping(InputStream in, String what) {
        if (in == null) {
            throw new ProfileException(null, what + ": no input");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(50);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Object doc;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            doc = yaml.load(reader);
        } catch (YAMLException e) {
            throw new ProfileException(null, what + " is not valid YAML: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new ProfileException(null, what + " could not be read: " + e.getMessage(), e);
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new ProfileException(null, what + " must be a YAML mapping at the top level");
        }
        return map;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        return s.replace('\n', ' ').trim();
    }
}
