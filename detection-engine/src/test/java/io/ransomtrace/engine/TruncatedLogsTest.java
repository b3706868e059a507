package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truncate -s 0} empties a file: over a person's documents that is destruction, over logs it is what every
 * admin and logrotate's copytruncate do (a cron job clearing /var/log/app/*.log, often after keeping a gzip -c copy).
 * A log is a file under /var/log or named *.log / *.log.N.
 */
class TruncatedLogsTest {

    private static List<Finding> cleared(String folder, String suffix, boolean keepGzipCopy, boolean fileEvents) {
        Trail t = new Trail("app01");
        Proc cron = t.existing(600, 1, "/usr/sbin/cron", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc job = cron.spawn("/usr/bin/bash", "bash", "/usr/local/bin/clear-logs.sh").cwd(folder);
        for (int i = 0; i < 40; i++) {
            String f = folder + "/part-" + i + suffix;
            if (keepGzipCopy) {
                Proc gz = job.spawn("/usr/bin/gzip", "gzip", "-c", f);
                if (fileEvents) {
                    gz.create(f + ".gz");
                }
                gz.exit();
            }
            Proc truncate = job.spawn("/usr/bin/truncate", "truncate", "-s", "0", f);
            if (fileEvents) {
                truncate.openToResize(f);
            }
            truncate.exit();
        }
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    @Test
    void logsClearedByTruncateAreUpkeep() {
        for (boolean events : new boolean[] {true, false}) {
            assertThat(cleared("/var/log/app", ".log", false, events))
                    .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse());
            assertThat(cleared("/srv/app/logs", ".log", true, events))
                    .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse());
        }
    }

    @Test
    void documentsEmptiedByTruncateAreStillDestroyed() {
        Finding f = cleared("/srv/nas/share/finance", ".xlsx", false, true).stream()
                .max(java.util.Comparator.comparing(Finding::severity)).orElseThrow();
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
    }

    @Test
    void whatALogFileIs() {
        assertThat(PathNames.isLogFile("/var/log/nginx/access.log.1")).isTrue();
        assertThat(PathNames.isLogFile("/var/log/journal/x/system.journal")).isTrue();
        assertThat(PathNames.isLogFile("/srv/app/logs/app.log")).isTrue();
        assertThat(PathNames.isLogFile("/srv/app/logs/app.log.3")).isTrue();
        assertThat(PathNames.isLogFile("/home/eve/catalog.xlsx")).isFalse();
        assertThat(PathNames.isLogFile("/home/eve/blog.docx")).isFalse();
        assertThat(PathNames.isLogFile("/home/eve/app.log.bak")).isFalse();
    }
}
