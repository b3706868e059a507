package io.ransomtrace.engine.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramNameTest {

    @Test
    void theProgramIsTheLastElementOfItsPath() {
        assertThat(ProgramName.of("/usr/bin/openssl")).isEqualTo("openssl");
        assertThat(ProgramName.of("./kworker-sync")).isEqualTo("kworker-sync");
        assertThat(ProgramName.of("gpg")).isEqualTo("gpg");
    }

    @Test
    void aPathThatNamesNoFileIsKeptWholeAndNoPathHasNoName() {
        assertThat(ProgramName.of("/opt/tools/")).isEqualTo("/opt/tools/");
        assertThat(ProgramName.of(null)).isNull();
        assertThat(ProgramName.of("")).isNull();
        assertThat(ProgramName.of(null, "?")).isEqualTo("?");
    }

    @Test
    void anActorWithoutExecutableIsNamedByItsComm() {
        Actor a = new Actor(7, 1, null, "kworker-sync", Credentials.UNKNOWN, null);
        assertThat(a.exeName()).isEqualTo("kworker-sync");
        assertThat(Actor.of(7, 1, "/tmp/.x/enc").exeName()).isEqualTo("enc");
    }
}
