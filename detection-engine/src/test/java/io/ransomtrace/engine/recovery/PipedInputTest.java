package io.ransomtrace.engine.recovery;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys fed on standard input: where the log shows them, and where it does not. */
class PipedInputTest {

    @Test
    void anExecdEchoJustBeforeTheToolUnderTheSameParentFeedsIt() {
        Commands cs = new Commands();
        LoggedCommand script = cs.run(1, "/srv", "bash", "/tmp/enc.sh");
        LoggedCommand echo = cs.run(script.pid(), "/srv", "/usr/bin/echo", "-n", "Pipe-K3y");
        LoggedCommand tool = cs.run(script.pid(), "/srv", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "stdin",
                "-in", "a", "-out", "a.enc");
        Recipe r = Commands.recipe(cs.all(), tool);
        assertThat(r.key().secret()).isEqualTo("Pipe-K3y");
        assertThat(r.key().eventId()).isEqualTo(echo.eventId());
        assertThat(r.decrypt(r.target("/srv/a", null)).display()).contains("-pass pass:Pipe-K3y");
    }

    @Test
    void printfFormatsTheKeyAndAnUnrelatedEchoFarAwayDoesNot() {
        Commands cs = new Commands();
        LoggedCommand script = cs.run(1, "/srv", "bash", "/tmp/enc.sh");
        cs.run(script.pid(), "/srv", "/usr/bin/printf", "%s\\n", "Printed");
        cs.skipPids(2);
        LoggedCommand tool = cs.run(script.pid(), "/srv", "gpg", "--batch", "--passphrase-fd", "0", "-c", "a");
        assertThat(Commands.recipe(cs.all(), tool).key().secret()).isEqualTo("Printed");

        Commands far = new Commands();
        LoggedCommand s2 = far.run(1, "/srv", "bash", "/tmp/enc.sh");
        far.run(s2.pid(), "/srv", "/usr/bin/echo", "not-the-key");
        far.skipPids(10);
        LoggedCommand t2 = far.run(s2.pid(), "/srv", "openssl", "enc", "-aes-256-cbc", "-pass", "stdin", "-in", "a", "-out", "b");
        Recipe r2 = Commands.recipe(far.all(), t2);
        assertThat(r2.key().known()).isFalse();
        assertThat(r2.key().kind()).isEqualTo(KeySource.Kind.STREAM);
    }

    @Test
    void aShellScriptsPipelineWithPositionalParametersFeedsTheKey() {
        Commands cs = new Commands();
        LoggedCommand find = cs.run(1, "/srv", "find", "/srv", "-type", "f", "-exec", "sh", "-c", "...", "{}", ";");
        LoggedCommand sh = cs.run(find.pid(), "/srv", "sh", "-c",
                "echo \"$0\" | openssl enc -aes-256-cbc -pbkdf2 -pass stdin -in \"$1\" -out \"$1.locked\" && rm -f \"$1\"",
                "S3cr3t-stdin", "/srv/a.doc");
        LoggedCommand tool = cs.run(sh.pid(), "/srv", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "stdin", "-in",
                "/srv/a.doc", "-out", "/srv/a.doc.locked");
        Recipe r = Commands.recipe(cs.all(), tool);
        assertThat(r.key().secret()).isEqualTo("S3cr3t-stdin");
        assertThat(r.key().eventId()).isEqualTo(sh.eventId());
        assertThat(r.key().how()).contains("echo");
    }

    @Test
    void hereDocumentsHereStringsAndAssignedVariablesInTheScriptText() {
        Commands cs = new Commands();
        LoggedCommand sh = cs.run(1, "/srv", "bash", "-c",
                "K='Here doc'\nopenssl enc -aes-128-cbc -pass stdin -in a -out a.e <<EOF\n$K\nEOF\n"
                        + "gpg --batch --passphrase-fd 0 -c b <<< 'str1ng'\n");
        LoggedCommand openssl = cs.run(sh.pid(), "/srv", "openssl", "enc", "-aes-128-cbc", "-pass", "stdin", "-in", "a", "-out", "a.e");
        LoggedCommand gpg = cs.run(sh.pid(), "/srv", "gpg", "--batch", "--passphrase-fd", "0", "-c", "b");
        assertThat(Commands.recipe(cs.all(), openssl).key().secret()).isEqualTo("Here doc");
        assertThat(Commands.recipe(cs.all(), gpg).key().secret()).isEqualTo("str1ng");
    }

    @Test
    void aKeyMadeAtRunTimeIsNotGuessed() {
        Commands cs = new Commands();
        LoggedCommand sh = cs.run(1, "/srv", "bash", "-c",
                "K=$(head -c 16 /dev/urandom | base64); echo \"$K\" | openssl enc -aes-256-cbc -pass stdin -in a -out a.e");
        LoggedCommand tool = cs.run(sh.pid(), "/srv", "openssl", "enc", "-aes-256-cbc", "-pass", "stdin", "-in", "a", "-out", "a.e");
        assertThat(Commands.recipe(cs.all(), tool).key().known()).isFalse();
    }

    @Test
    void echoAndPrintfOutputFollowTheirShells() {
        assertThat(PipedInput.output(List.of("echo", "-n", "a", "b"), false)).isEqualTo("a b");
        assertThat(PipedInput.output(List.of("echo", "a\\nb"), false)).isEqualTo("a\\nb\n");
        assertThat(PipedInput.output(List.of("echo", "a\\nb"), true)).isEqualTo("a\nb\n");
        assertThat(PipedInput.output(List.of("printf", "%s", "k"), false)).isEqualTo("k");
        assertThat(PipedInput.output(List.of("printf", "%d\\n", "7"), false)).isNull();
    }
}
