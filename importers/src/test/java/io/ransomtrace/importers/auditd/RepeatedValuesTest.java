package io.ransomtrace.importers.auditd;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedValuesTest {

    private static AuditFields fields(String body, boolean interpreted) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return AuditFields.parse(b, 0, b.length, interpreted, false);
    }

    @Test
    void aRepeatedValueIsOneString() {
        RepeatedValues cache = new RepeatedValues();
        String first = fields("pid=1 exe=\"/usr/bin/openssl\" comm=\"openssl\"", false).decoded("exe", cache);
        String again = fields("pid=2 exe=\"/usr/bin/openssl\" comm=\"openssl\"", false).decoded("exe", cache);
        assertThat(first).isEqualTo("/usr/bin/openssl");
        assertThat(again).isSameAs(first);
    }

    @Test
    void theSameBytesReadAsHexInARawRecordAndLiterallyInAnInterpretedOneStayApart() {
        RepeatedValues cache = new RepeatedValues();
        // 2F746D70 is "/tmp" hex-encoded as auditd writes it; ausearch -i prints values already decoded
        assertThat(fields("cwd=2F746D70", false).decoded("cwd", cache)).isEqualTo("/tmp");
        assertThat(fields("cwd=2F746D70", true).decoded("cwd", cache)).isEqualTo("2F746D70");
        assertThat(fields("cwd=2F746D70", false).decoded("cwd", cache)).isEqualTo("/tmp");
        // quoted text and decoded text of the same bytes too
        assertThat(fields("UID=\"bob\"", false).text("UID", cache)).isEqualTo("bob");
        assertThat(fields("UID=\"bob\"", false).decoded("UID", cache)).isEqualTo("bob");
        assertThat(fields("acct=626F62", false).text("acct", cache)).isEqualTo("626F62");
        assertThat(fields("acct=626F62", false).decoded("acct", cache)).isEqualTo("bob");
    }

    @Test
    void absentAndNullValuesAreNotCached() {
        RepeatedValues cache = new RepeatedValues();
        assertThat(fields("exe=(null)", false).decoded("exe", cache)).isNull();
        assertThat(fields("exe=(null)", false).decoded("exe", cache)).isNull();
        assertThat(fields("comm=\"x\"", false).decoded("exe", cache)).isNull();
    }
}
