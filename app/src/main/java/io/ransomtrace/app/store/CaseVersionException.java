package io.ransomtrace.app.store;

/** The case was written by a different version of Ransomtrace than this one can read as it is. */
public class CaseVersionException extends CaseOpenException {
    private final int caseVersion;
    private final int supportedVersion;

    public CaseVersionException(String message, int caseVersion, int supportedVersion) {
        super(message);
        this.caseVersion = caseVersion;
        this.supportedVersion = supportedVersion;
    }

    public int caseVersion() {
        return caseVersion;
    }

    public int supportedVersion() {
        return supportedVersion;
    }
}
