package io.ransomtrace.engine.profile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What an allowlist entry is matched against: the campaign's root, where it ran and what it touched.
 *
 * @param exes                 every executable that acted in the campaign (the root's included)
 * @param directories          directories the campaign changed files in
 * @param directoriesComplete  false when {@code directories} was capped: a path-prefix entry then cannot
 *                             prove that everything stayed under its prefix and does not match
 * @param lastSeen             time of the campaign's last event (expiry is judged against event time, so a
 *                             re-scan gives the same result whatever day it runs)
 */
public record AllowlistSubject(String host, String rootExe, String rootCommandLine, String rootUser,
                               String parentExe, Collection<String> exes, List<String> directories,
                               boolean directoriesComplete, Instant lastSeen) {
}
