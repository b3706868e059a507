package io.ransomtrace.app.analysis;

import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.profile.ProfileException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The profile and allowlist a detection run uses, read from files the analyst names (or the shipped defaults).
 * Problems come back as {@link SettingsException} with the file and the offending key, never a stack trace.
 * (The settings kept in a case: {@code casefile.CaseSettings}.)
 */
public record DetectionSettings(Profile profile, Allowlist allowlist) {

    public static DetectionSettings defaults() {
        return new DetectionSettings(Profile.defaults(), Allowlist.empty());
    }

    /** Reads the files given (either may be null for the default). */
    public static DetectionSettings load(Path profileFile, Path allowlistFile) {
        Profile profile = profileFile == null ? Profile.defaults() : read(profileFile, "profile", Profile::load);
        Allowlist allowlist = allowlistFile == null ? Allowlist.empty() : read(allowlistFile, "allowlist", Allowlist::load);
        return new DetectionSettings(profile, allowlist);
    }

    private interface Reader<T> {
        T read(InputStream in);
    }

    private static <T> T read(Path file, String what, Reader<T> reader) {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException(what + " file not found: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in);
        } catch (ProfileException e) {
            throw new SettingsException(what + " " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new SettingsException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    /** A profile or allowlist that cannot be used, with a message for the analyst. */
    public static final class SettingsException extends RuntimeException {
        public SettingsException(String message) {
            super(message);
        }
    }
}
