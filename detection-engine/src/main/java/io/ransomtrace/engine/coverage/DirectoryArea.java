package io.ransomtrace.engine.coverage;

import java.util.Locale;

/** The kinds of places encryption campaigns go after, used to say where file telemetry was seen. */
public enum DirectoryArea {
    USER_HOMES("user homes (/home, /root)"),
    SHARES("shares and data volumes (/srv, /mnt, /media, /data)"),
    WEB_ROOTS("web roots (/var/www)"),
    ETC("/etc"),
    OPT("/opt"),
    VAR("/var"),
    VM_DATASTORES("VM datastores (/var/lib/libvirt, *.qcow2, *.vmdk)"),
    OTHER("elsewhere");

    private final String label;

    DirectoryArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DirectoryArea of(String path) {
        if (path == null) {
            return OTHER;
        }
        // called for every file event of a re-run: most paths have no capital letter to fold, so skip the copy
        String lower = hasUpperCase(path) ? path.toLowerCase(Locale.ROOT) : path;
        if (lower.endsWith(".qcow2") || lower.endsWith(".vmdk") || lower.endsWith(".vdi") || lower.endsWith(".vhdx")
                || lower.startsWith("/var/lib/libvirt/") || lower.startsWith("/vmfs/") || lower.contains("/vm/")) {
            return VM_DATASTORES;
        }
        if (lower.startsWith("/var/www/") || lower.startsWith("/srv/www/") || lower.contains("/www/") || lower.contains("/htdocs/")) {
            return WEB_ROOTS;
        }
        if (lower.startsWith("/home/") || lower.startsWith("/root/") || lower.contains("/home/")) {
            return USER_HOMES;
        }
        if (lower.startsWith("/srv/") || lower.startsWith("/mnt/") || lower.startsWith("/media/") || lower.startsWith("/data/")
                || lower.contains("/shares/")) {
            return SHARES;
        }
        if (lower.startsWith("/etc/") || lower.contains("/etc/")) {
            return ETC;
        }
        if (lower.startsWith("/opt/")) {
            return OPT;
        }
        if (lower.startsWith("/var/")) {
            return VAR;
        }
        return OTHER;
    }

    private static boolean hasUpperCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
                return true; // beyond ASCII toLowerCase decides
            }
        }
        return false;
    }
}
