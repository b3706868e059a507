package io.ransomtrace.importers.auditd;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLineParserTest {

    private final AuditLineParser parser = new AuditLineParser(ZoneOffset.UTC);

    private AuditRecord parse(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(b, 0, b.length, 1, 0);
    }

    @Test
    void readsTheHostOfEachSyslogHeaderShape() {
        String rec = "type=EOE msg=audit(1764324000.123:5): ";
        assertThat(parse("Nov 28 10:00:00 web-7 audispd: " + rec).syslogHost).isEqualTo("web-7");
        assertThat(parse("2026-11-28T10:00:00.123+00:00 db-1 audisp-syslog: " + rec).syslogHost).isEqualTo("db-1");
        assertThat(parse("<14>1 2026-11-28T10:00:00Z app-3 audisp-syslog - - - " + rec).syslogHost).isEqualTo("app-3");
        assertThat(parse("<14>Nov 28 10:00:00 mail-2 audispd: node=mail-2.example " + rec).host()).isEqualTo("mail-2.example");
        assertThat(parse(rec).host()).isNull();
    }

    @Test
    void readsRawAndInterpretedStamps() {
        AuditRecord raw = parse("node=n1 type=SYSCALL msg=audit(1764324000.007:4294967295): arch=c000003e");
        assertThat(raw.node).isEqualTo("n1");
        assertThat(raw.type).isEqualTo("SYSCALL");
        assertThat(raw.seconds).isEqualTo(1764324000L);
        assertThat(raw.millis).isEqualTo(7);
        assertThat(raw.serial).isEqualTo(4294967295L);
        assertThat(raw.nativeId()).isEqualTo("1764324000.007:4294967295");
        AuditRecord four = parse("type=PROCTITLE msg=audit(11/28/2026 10:00:00.123:456) : proctitle=ls -la /tmp");
        assertThat(Instant.ofEpochSecond(four.seconds)).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(four.millis).isEqualTo(123);
        assertThat(four.fields().text("proctitle")).isEqualTo("ls -la /tmp");
        AuditRecord two = parse("type=EOE msg=audit(11/10/20 08:19:44.965:93777) : ");
        assertThat(Instant.ofEpochSecond(two.seconds)).isEqualTo(Instant.parse("2020-11-10T08:19:44Z"));
        AuditLineParser berlin = new AuditLineParser(ZoneId.of("Europe/Berlin"));
        byte[] b = "type=EOE msg=audit(11/10/20 08:19:44.965:93777) : ".getBytes(StandardCharsets.UTF_8);
        assertThat(Instant.ofEpochSecond(berlin.parse(b, 0, b.length, 1, 0).seconds))
                .isEqualTo(Instant.parse("2020-11-10T07:19:44Z"));
    }

    @Test
    void decodesValuesAsAuditdWritesThem() {
        AuditFields f = parse("type=SYSCALL msg=audit(1.000:1): exe=2F746D702F6120622E7368 comm=\"bash\" key=(null) "
                + "name=(none) odd=ABC cwd=\"/x y\"\u001dAUID=\"alice\" UID=\"root\"").fields();
        assertThat(f.decoded("exe")).isEqualTo("/tmp/a b.sh");
        assertThat(f.decoded("comm")).isEqualTo("bash");
        assertThat(f.decoded("key")).isNull();
        assertThat(f.decoded("name")).isNull();
        assertThat(f.decoded("odd")).as("odd length: not hex").isEqualTo("ABC");
        assertThat(f.text("AUID")).isEqualTo("alice");
        AuditFields user = parse("type=USER_CMD msg=audit(1.000:2): pid=1 uid=0 auid=1000 msg='cwd=\"/root\" "
                + "cmd=73797374656D63746C20726573746172742061 terminal=pts/0 res=success'").fields();
        assertThat(user.decoded("cmd")).isEqualTo("systemctl restart a");
        assertThat(user.text("res")).isEqualTo("success");
        AuditFields mode = parse("type=PATH msg=audit(1.000:3): item=0 name=\"/a\" mode=0100644").fields();
        assertThat(mode.octal("mode", -1)).isEqualTo(0100644);
    }

    @Test
    void saysWhyALineIsNotARecord() {
        assertThat(parse("hello world")).isNull();
        assertThat(parser.error()).contains("not an audit record");
        assertThat(parse("type=SYSCALL msg=audit(abc:1): x=1")).isNull();
        assertThat(parser.error()).contains("time stamp");
        assertThat(parse("type=SYSCALL msg=audit(1.000): x=1")).isNull();
        assertThat(parser.error()).contains("serial");
        assertThat(parse("type=SYSCALL foo")).isNull();
        assertThat(parser.error()).contains("msg=audit");
    }
}
