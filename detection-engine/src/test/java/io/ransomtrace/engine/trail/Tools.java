package io.ransomtrace.engine.trail;

import java.util.ArrayList;
import java.util.List;

/**
 * How real tools show up in auditd: which processes they start and which file syscalls they make.
 * Each method spawns the tool under {@code parent} and lets it exit.
 */
public final class Tools {
    private Tools() {
    }

    /** openssl enc -aes-256-cbc -in f -out f.enc: reads f, creates f.enc. */
    public static void opensslEncrypt(Proc parent, String file, String suffix) {
        Proc p = parent.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-salt", "-pbkdf2", "-pass",
                "pass:s3cret", "-in", file, "-out", file + suffix);
        p.create(file + suffix);
        p.exit();
    }

    /** openssl enc -d: reads f.enc, creates f. */
    public static void opensslDecrypt(Proc parent, String encrypted, String plain) {
        Proc p = parent.spawn("/usr/bin/openssl", "openssl", "enc", "-d", "-aes-256-cbc", "-pbkdf2", "-pass",
                "pass:s3cret", "-in", encrypted, "-out", plain);
        p.create(plain);
        p.exit();
    }

    public static void rm(Proc parent, String... files) {
        String[] argv = new String[files.length + 2];
        argv[0] = "rm";
        argv[1] = "-f";
        System.arraycopy(files, 0, argv, 2, files.length);
        Proc p = parent.spawn("/usr/bin/rm", argv);
        for (String f : files) {
            p.delete(f);
        }
        p.exit();
    }

    /** gpg -c --batch f: creates f.gpg next to it, keeps f. */
    public static void gpgSymmetric(Proc parent, String file) {
        Proc p = parent.spawn("/usr/bin/gpg", "gpg", "--batch", "--yes", "--passphrase", "x", "-c", file);
        p.create(file + ".gpg");
        p.exit();
    }

    /** gpg -e -r KEY f: creates f.gpg, keeps f. */
    public static void gpgEncrypt(Proc parent, String file) {
        Proc p = parent.spawn("/usr/bin/gpg", "gpg", "--batch", "-e", "-r", "backup@example.org", file);
        p.create(file + ".gpg");
        p.exit();
    }

    /** gpg -d -o f f.gpg. */
    public static void gpgDecrypt(Proc parent, String encrypted, String plain) {
        Proc p = parent.spawn("/usr/bin/gpg", "gpg", "--batch", "-o", plain, "-d", encrypted);
        p.create(plain);
        p.exit();
    }

    /** ccrypt -e -K key f: rewrites f in place, then renames it to f.cpt. */
    public static void ccrypt(Proc parent, String file) {
        Proc p = parent.spawn("/usr/bin/ccrypt", "ccrypt", "-e", "-K", "key", file);
        p.writeInPlace(file);
        p.rename(file, file + ".cpt");
        p.exit();
    }

    /** sed -i s/a/b/ f: writes DIR/sedXXXXXX, renames it over f. */
    public static void sedInPlace(Proc parent, String file, int n) {
        Proc p = parent.spawn("/usr/bin/sed", "sed", "-i", "s/http:/https:/g", file);
        String tmp = file.substring(0, file.lastIndexOf('/') + 1) + "sed" + Integer.toString(100000 + n, 36).toUpperCase();
        p.create(tmp);
        p.rename(tmp, file);
        p.exit();
    }

    /** What dpkg does for each file of a package: write f.dpkg-new, rename it over f. */
    public static void dpkgUnpack(Proc dpkg, String file) {
        dpkg.create(file + ".dpkg-new");
        dpkg.rename(file + ".dpkg-new", file);
    }

    /** What rsync does for each file: write DIR/.name.XXXXXX, rename over DIR/name. */
    public static void rsyncFile(Proc rsync, String file, int n) {
        int slash = file.lastIndexOf('/');
        String tmp = file.substring(0, slash + 1) + "." + file.substring(slash + 1) + "." + Integer.toString(777000 + n, 36);
        rsync.create(tmp);
        rsync.rename(tmp, file);
    }

    /** logrotate: rename f to f.1, gzip f.1 (creates f.1.gz, deletes f.1), create a fresh f. */
    public static void logrotate(Proc logrotate, String log) {
        logrotate.rename(log, log + ".1");
        Proc gzip = logrotate.spawn("/usr/bin/gzip", "gzip", "-9", log + ".1");
        gzip.create(log + ".1.gz");
        gzip.delete(log + ".1");
        gzip.exit();
        logrotate.create(log);
    }

    /** git checkout of a changed tracked file: unlink, then create anew. */
    public static void gitCheckoutFile(Proc git, String file) {
        git.delete(file);
        git.create(file);
    }

    public static List<String> files(String dir, String prefix, String ext, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(dir + "/" + prefix + i + ext);
        }
        return out;
    }

    /** n files spread over {@code dirs} directories under base: base/dK/fileI.ext. */
    public static List<String> tree(String base, int dirs, int n, String ext) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(base + "/d" + (i % dirs) + "/file" + i + ext);
        }
        return out;
    }
}
