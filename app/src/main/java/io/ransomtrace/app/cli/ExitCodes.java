package io.ransomtrace.app.cli;

/** Exit codes of every {@code ransomtrace} command. Automation depends on them: do not renumber. */
public final class ExitCodes {
    /** Success, and no finding at or above {@code --fail-on}. */
    public static final int OK = 0;
    /** At least one finding at or above {@code --fail-on}. */
    public static final int FINDINGS = 1;
    /** Wrong usage: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** An input could not be read (missing file, unreadable case, unrecognised format). */
    public static final int INPUT_ERROR = 3;

    private ExitCodes() {
    }
}
