package io.ransomtrace.fleet.cli;

import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.profile.ProfileException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads --profile and --allowlist as text (the job carries them to the cluster) after checking they load. */
final class DetectionFiles {
    private DetectionFiles() {
    }

    static String profile(Path file) throws IOException {
        if (file == null) {
            return null;
        }
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Profile.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (ProfileException | IllegalArgumentException e) {
            throw new IOException("profile " + file + ": " + e.getMessage(), e);
        }
        return yaml;
    }

    static String allowlist(Path file) throws IOException {
        if (file == null) {
            return null;
        }
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Allowlist.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new IOException("allowlist " + file + ": " + e.getMessage(), e);
        }
        return yaml;
    }
}
