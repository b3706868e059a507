package io.ransomtrace.engine.correlate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Which command lines run a script (whose rewrites are a script's early fact) and which are a service's. */
class NamesScriptTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "python3 l.py /var/www/shop/uploads | true",
            "perl /home/priya/.cache/.x.pl /home/priya/work | true",
            "bash /tmp/.m/run.sh | true",
            "bash /usr/local/bin/backup | true",
            "python3 -u /opt/x/l.py | true",
            "sh -c for-f-in-*;do-openssl-enc;done | true",
            "php-fpm: pool www | false",
            "php-fpm8.2 --nodaemonize --fpm-config /etc/php/8.2/fpm/php-fpm.conf | false",
            "python3 -m http.server | false",
            "perl | false",
    })
    void aScriptIsAScriptFileOrInlineCode(String commandLine, boolean script) {
        assertThat(CampaignTracker.namesScript(Arrays.asList(commandLine.split(" ")))).isEqualTo(script);
    }
}
