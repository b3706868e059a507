package io.ransomtrace.engine.finding;

import java.util.List;

/**
 * Ransom notes a campaign dropped.
 *
 * @param names       the note file names
 * @param count       how many note files were created
 * @param directories directories the notes were dropped in (capped by the profile; see {@code count})
 */
public record NoteSummary(List<String> names, int count, List<String> directories) {

    public static final NoteSummary NONE = new NoteSummary(List.of(), 0, List.of());

    public NoteSummary {
        names = List.copyOf(names);
        directories = List.copyOf(directories);
    }
}
