package io.ransomtrace.app.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of a recorded sample case ({@code truth.yaml}): what the scenario did, written by the
 * recording script from its own knowledge, not from the log. Only the fields evaluation checks are read.
 *
 * @param users   uid by user name on the recording host, to compare login uids with expected login users
 * @param heldOut true for a case recorded after the detector change it judges and never used to tune it
 *                ({@code split: held-out}); false for the cases the detector was tuned on (the default)
 */
public record CaseTruth(String caseName, String host, String ruleset, List<Expected> expected, Map<String, Long> users,
                        boolean heldOut) {

    /**
     * One expected campaign.
     *
     * @param filesVisibleInLog false when the rule set cannot show file operations (exec-only): file counts
     *                          and overwrite kind are then not checked
     * @param noteDirectories   directories that got a note, or 0 when the scenario drops none
     */
    public record Expected(String rootExe, String rootCommandContains, String loginUser, int filesAffected,
                           boolean filesVisibleInLog, String overwrite, String newExtension, String noteName,
                           int noteDirectories) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public boolean benign() {
        return expected.isEmpty();
    }

    public static CaseTruth read(Path file) throws IOException {
        JsonNode root = YAML.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a truth.yaml mapping");
        }
        Map<String, Long> users = new HashMap<>();
        users.put("root", 0L);
        JsonNode u = root.path("users");
        u.fields().forEachRemaining(e -> users.put(e.getKey(), e.getValue().asLong()));
        List<Expected> expected = new ArrayList<>();
        JsonNode ex = root.path("expected");
        if (ex.isArray()) {
            for (JsonNode e : ex) {
                JsonNode notes = e.path("notes");
                expected.add(new Expected(text(e, "rootExe"), text(e, "rootCommandContains"), text(e, "loginUser"),
                        e.path("filesAffected").asInt(0), e.path("filesVisibleInLog").asBoolean(true),
                        text(e, "overwrite"), text(e, "newExtension"),
                        notes.isObject() ? text(notes, "name") : null,
                        notes.isObject() ? notes.path("directories").asInt(0) : 0));
            }
        } else if (!ex.isMissingNode() && !"none".equals(ex.asText())) {
            throw new IOException(file + ": 'expected' must be a list or 'none'");
        }
        String name = root.path("case").asText(file.getParent().getFileName().toString());
        String split = text(root, "split");
        if (split != null && !split.equals("held-out") && !split.equals("tuned")) {
            throw new IOException(file + ": 'split' must be held-out or tuned, not " + split);
        }
        return new CaseTruth(name, text(root, "host"), text(root, "ruleset"), expected, users, "held-out".equals(split));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
