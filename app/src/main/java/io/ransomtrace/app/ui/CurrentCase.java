package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.CaseSession;

/**
 * The case the window shows, shared by the controllers (used on the FX thread only): replaced when a case is
 * opened, imported into or re-analysed, and emptied while the next one is prepared.
 */
final class CurrentCase {
    private OpenCase shown;

    /** The case shown, or null. */
    OpenCase get() {
        return shown;
    }

    /** The session of the case shown, or null. */
    CaseSession session() {
        return shown == null ? null : shown.session();
    }

    void set(OpenCase c) {
        shown = c;
    }

    /** Empties the window's case and returns the one it showed (to be closed off the FX thread), or null. */
    OpenCase take() {
        OpenCase was = shown;
        shown = null;
        return was;
    }

    /** Whether {@code c} is still the case shown (a background result for an older case is dropped). */
    boolean is(OpenCase c) {
        return c != null && shown == c;
    }
}
