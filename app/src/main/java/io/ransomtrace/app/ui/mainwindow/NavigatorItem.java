package io.ransomtrace.app.ui.mainwindow;

import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.views.common.Plural;

/**
 * A node of the case navigator: what it stands for (routing looks at {@link #kind}, never at the label) and the
 * text shown for it.
 *
 * @param source the source of a {@link Kind#SOURCE} node, else null
 * @param host   the host of a {@link Kind#HOST} node, else null
 */
public record NavigatorItem(Kind kind, String label, SourceInfo source, String host) {

    public enum Kind { CASE, SOURCES, SOURCE, HOSTS, HOST }

    public static NavigatorItem group(Kind kind, String label) {
        return new NavigatorItem(kind, label, null, null);
    }

    public static NavigatorItem source(SourceInfo s) {
        String name = s.path().getFileName() == null ? s.path().toString() : s.path().getFileName().toString();
        return new NavigatorItem(Kind.SOURCE, name + " — " + s.status().name().toLowerCase(java.util.Locale.ROOT)
                + ", " + Plural.of(s.events(), "event") + ", " + Plural.of(s.errors(), "error"), s, null);
    }

    public static NavigatorItem host(String host) {
        return new NavigatorItem(Kind.HOST, host, null, host);
    }

    /** The label: a tree cell shows an item's {@code toString}. */
    @Override
    public String toString() {
        return label;
    }
}
