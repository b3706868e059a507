package io.ransomtrace.engine.profile;

import io.ransomtrace.engine.finding.Severity;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * An allowlist decision as an analyst takes it in the workbench: one field of the campaign's root matched by an
 * exact value or a glob, suppressing the finding or capping its severity, with the reason, who decided and the
 * last day it applies. A case keeps these; {@link #toEntry} turns one into the detector's {@link AllowlistEntry}.
 *
 * <p>The detector has no login-user condition: a {@link MatchField#LOGIN_USER} rule matches the root's user,
 * which the window says next to the rule.
 *
 * @param pattern exact value or glob ("*" any characters) of {@code field}
 * @param cap     the highest severity allowed when {@code effect} is {@link AllowlistEffect#CAP_SEVERITY}; ignored
 *                otherwise
 * @param reason  why, in the analyst's words (required: it shows next to every suppressed finding)
 * @param expires last day the rule applies, or null for no expiry
 */
public record AllowlistRule(MatchField field, String pattern, AllowlistEffect effect, Severity cap, String reason,
                            String author, LocalDate expires) {

    /** The root's field a rule matches. */
    public enum MatchField { EXE, COMMAND_LINE, USER, LOGIN_USER, PATH, HOST }

    public AllowlistRule {
        effect = effect == null ? AllowlistEffect.SUPPRESS : effect;
    }

    /** True once {@code today} is past the last day. */
    public boolean isExpired(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /**
     * The detector's entry for this rule. The last day is inclusive for the analyst; the detector's expiry is
     * exclusive, so it becomes the next midnight UTC. A cap without a severity caps at low.
     */
    public AllowlistEntry toEntry(String id) {
        String p = pattern;
        boolean capped = effect == AllowlistEffect.CAP_SEVERITY;
        return new AllowlistEntry(id, reason, author,
                expires == null ? null : expires.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                effect, capped ? (cap == null ? Severity.LOW : cap) : null,
                field == MatchField.EXE ? p : null, field == MatchField.COMMAND_LINE ? p : null,
                field == MatchField.USER || field == MatchField.LOGIN_USER ? p : null, null,
                field == MatchField.PATH ? p : null, field == MatchField.HOST ? p : null);
    }
}
