package io.ransomtrace.engine.recovery;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskTest {

    @Test
    void keyOptionValuesAreHiddenAndTheOptionsStay() {
        assertThat(SecretMask.commandLine(List.of("openssl", "enc", "-aes-256-cbc", "-pass", "pass:K3y", "-in", "a")))
                .isEqualTo("openssl enc -aes-256-cbc -pass pass:•••••••• -in a");
        assertThat(SecretMask.commandLine(List.of("openssl", "enc", "-K", "0011", "-iv", "22", "-k", "pw")))
                .isEqualTo("openssl enc -K •••••••• -iv 22 -k ••••••••");
        assertThat(SecretMask.commandLine(List.of("/usr/bin/7z", "a", "-pS3cret", "-mhe=on", "x.7z", "f")))
                .isEqualTo("/usr/bin/7z a -p•••••••• -mhe=on x.7z f");
        assertThat(SecretMask.commandLine(List.of("zip", "-q", "-P", "pw", "z.zip", "--", "-P")))
                .isEqualTo("zip -q -P •••••••• z.zip -- -P");
        assertThat(SecretMask.commandLine(List.of("gpg", "--batch", "--passphrase", "x y", "-c", "f")))
                .isEqualTo("gpg --batch --passphrase •••••••• -c f");
        assertThat(SecretMask.commandLine(List.of("gpg", "-k"))).isEqualTo("gpg -k");
        assertThat(SecretMask.commandLine(List.of("ccrypt", "--key=abc", "-r", "d"))).isEqualTo("ccrypt --key=•••••••• -r d");
        // a file path or an environment variable names where the key is, and stays readable
        assertThat(SecretMask.commandLine(List.of("openssl", "enc", "-pass", "file:/root/k", "-kfile", "/etc/k")))
                .isEqualTo("openssl enc -pass file:/root/k -kfile /etc/k");
    }

    @Test
    void aKeyFoundElsewhereIsHiddenWhereverItAppears() {
        String script = "echo \"S3cr3t stdin!\" | openssl enc -pass stdin -in a -out a.e";
        assertThat(SecretMask.values(script, List.of("S3cr3t stdin!", "abc")))
                .isEqualTo("echo \"••••••••\" | openssl enc -pass stdin -in a -out a.e");
    }
}
