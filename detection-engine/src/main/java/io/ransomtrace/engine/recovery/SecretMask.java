package io.ransomtrace.engine.recovery;

import io.ransomtrace.engine.model.ProgramName;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Hides key material in command lines shown to people (the briefing, the window): the value of every key
 * option the recipes read ({@code -pass pass:…}, {@code -k}, {@code -K}, {@code --passphrase}, {@code -p…},
 * {@code -P}, {@code --password}, {@code --key}), and any occurrence of a key a plan found elsewhere (a
 * {@code sh -c} script that echoes it, a printf's argument). Only the plan's decrypt.sh holds keys in full.
 */
public final class SecretMask {

    /** What a hidden secret is shown as. */
    public static final String DOTS = "••••••••";

    private static final Set<String> VALUE_OPTIONS = Set.of("-k", "-K", "--passphrase", "-P", "--password", "--key");

    private SecretMask() {
    }

    /** The command line as a shell would show it, key option values hidden. */
    public static String commandLine(List<String> argv) {
        return String.join(" ", arguments(argv));
    }

    /** The arguments with key option values hidden (the option itself stays, so the reader sees what was there). */
    public static List<String> arguments(List<String> argv) {
        List<String> out = new ArrayList<>(argv.size());
        String name = argv.isEmpty() ? "" : baseName(argv.get(0));
        boolean archiver = name.startsWith("7z") || name.equals("rar");
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (i > 0 && VALUE_OPTIONS.contains(a) && i + 1 < argv.size() && !(a.equals("-k") && isGpg(name))) {
                out.add(a);
                out.add(DOTS);
                i++;
            } else if (a.startsWith("pass:") && i > 0 && argv.get(i - 1).equals("-pass")) {
                out.add("pass:" + DOTS);
            } else if (a.startsWith("--passphrase=") || a.startsWith("--password=") || a.startsWith("--key=")) {
                out.add(a.substring(0, a.indexOf('=') + 1) + DOTS);
            } else if (archiver && a.length() > 2 && (a.startsWith("-p") || a.startsWith("-hp")) && !a.equals("-p-")) {
                out.add(a.startsWith("-hp") ? "-hp" + DOTS : "-p" + DOTS);
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** {@code text} with every occurrence of each secret (4 characters or longer) replaced, longest first. */
    public static String values(String text, Collection<String> secrets) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        List<String> bySize = new ArrayList<>(secrets);
        bySize.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String s : bySize) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, DOTS);
            }
        }
        return out;
    }

    /** Every key a plan found in the log. */
    public static Set<String> secretsOf(RecoveryPlan plan) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (KeyUse k : plan.keys()) {
            if (k.key().secret() != null) {
                out.add(k.key().secret());
            }
        }
        return out;
    }

    private static boolean isGpg(String name) {
        return name.equals("gpg") || name.equals("gpg2"); // gpg -k lists keys; it takes no value
    }

    private static String baseName(String p) {
        return ProgramName.of(p, "");
    }
}
