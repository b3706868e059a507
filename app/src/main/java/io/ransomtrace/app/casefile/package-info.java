/**
 * The case layer: everything done with an open case that is not drawing, used alike by the window
 * ({@code app.ui}), the command line ({@code app.cli}) and the exports.
 *
 * <ul>
 *   <li>{@link io.ransomtrace.app.casefile.CaseSession}: open / create / open read-only a case; import logs into
 *       it; judge it ({@code analyse}, {@code findings} for live tuning); keep tuning, load a profile, keep the
 *       allowlist; tags and notes; exports.</li>
 *   <li>{@link io.ransomtrace.app.casefile.CaseSettings}: the profile ({@link io.ransomtrace.app.casefile.ProfileYaml})
 *       and allowlist ({@link io.ransomtrace.app.casefile.CaseAllowlist}) kept in a case.</li>
 *   <li>{@link io.ransomtrace.app.casefile.CaseAnnotations}: the one place tags and notes are read from and
 *       written to (findings by their stable {@link io.ransomtrace.app.casefile.FindingIds id}).</li>
 *   <li>{@link io.ransomtrace.app.casefile.CampaignLocator}: a finding's root process and lineage in the case.</li>
 *   <li>{@link io.ransomtrace.app.casefile.BundledSampleCase}: the sample case prepared on first start.</li>
 * </ul>
 *
 * <p>Nothing here depends on the window or on JavaFX (ArchitectureTest); the report package writes formats from
 * what {@code CaseReportBuilder} reads here and does not depend on this package.
 */
package io.ransomtrace.app.casefile;
