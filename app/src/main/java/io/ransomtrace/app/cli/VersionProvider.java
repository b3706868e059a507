package io.ransomtrace.app.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so {@code --version} always tells the build that runs. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[]{"ransomtrace " + (v == null ? "development build" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
