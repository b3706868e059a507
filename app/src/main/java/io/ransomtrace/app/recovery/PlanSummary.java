package io.ransomtrace.app.recovery;

import io.ransomtrace.engine.recovery.KeyUse;
import io.ransomtrace.engine.recovery.RecoveryMethod;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A plan in words, for the briefing and the analyst's notes ({@code summary.txt}): per finding, the sentence
 * ("287 of 303 files can be decrypted with the key seen in the audit log; 16 must come from backup"), the
 * counts per method and the key evidence, keys masked.
 */
public final class PlanSummary {

    private PlanSummary() {
    }

    public static String text(String caseName, List<FindingRecovery> plans, Instant generated) {
        StringBuilder b = new StringBuilder();
        b.append("Recovery plan for case ").append(caseName).append(" (generated ").append(generated).append(")\n");
        if (plans.isEmpty()) {
            b.append("\nNo finding to plan.\n");
        }
        for (FindingRecovery fr : plans) {
            b.append("\nFinding ").append(fr.findingId()).append(" on ").append(fr.host()).append(": ").append(fr.title())
                    .append('\n');
            b.append(fr.note() != null ? fr.note() : fr.plan().summary()).append('\n');
            for (Map.Entry<RecoveryMethod, Integer> c : fr.plan().counts().entrySet()) {
                b.append(String.format("  %-20s %d%n", c.getKey().label(), c.getValue()));
            }
            for (KeyUse k : fr.plan().keys()) {
                b.append("  key: ").append(keyLine(k)).append('\n');
            }
        }
        return b.toString();
    }

    /** One key in words: tool, cipher, masked key, the event that shows it, the files it locked. */
    public static String keyLine(KeyUse k) {
        return k.tool() + " (" + k.cipher() + "), " + k.key().masked() + ", " + k.key().how() + " in event "
                + k.key().eventId() + "; " + k.files() + " file" + (k.files() == 1 ? "" : "s")
                + (k.decrypts() > 0 ? ", " + k.decrypts() + " decryptable" : "");
    }
}
