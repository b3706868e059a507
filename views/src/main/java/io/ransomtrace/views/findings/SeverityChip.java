package io.ransomtrace.views.findings;

import io.ransomtrace.engine.finding.Severity;
import javafx.scene.control.Label;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How the views show the engine's {@link Severity}: a coloured chip named with a capital ("Critical"), styled by
 * {@code severity-critical} … {@code severity-info}; lists put the most severe first.
 */
public final class SeverityChip {

    /** Most severe first: the order of the findings list and of the allowlist's cap choices. */
    public static final Comparator<Severity> MOST_SEVERE_FIRST = Comparator.reverseOrder();

    private SeverityChip() {
    }

    /** "Critical", "High" … */
    public static String label(Severity s) {
        String n = s.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The CSS class of the severity's chip: {@code severity-critical} … */
    public static String styleClass(Severity s) {
        return "severity-" + s.name().toLowerCase(Locale.ROOT);
    }

    /** Every severity, most severe first. */
    public static List<Severity> mostSevereFirst() {
        return List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO);
    }

    /** Gives {@code chip} the text and style of {@code s}. */
    public static void show(Label chip, Severity s) {
        chip.setText(label(s));
        chip.getStyleClass().setAll("label", "severity-chip", styleClass(s));
    }
}
