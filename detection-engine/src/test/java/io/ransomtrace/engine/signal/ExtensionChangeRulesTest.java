package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.profile.Profile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExtensionChangeRulesTest {
    private final SignalSettings settings = new SignalSettings(Profile.defaults());
    private final HashedNames benign = ExtensionChangeSignal.benignSet(settings);
    private final HashedNames known = ExtensionChangeSignal.knownSet(settings);
    private final HashedNames ordinary = ExtensionChangeSignal.ordinarySet(settings);

    private String suffix(String from, String to) {
        int dot = ExtensionChangeSignal.renameSuffixDot(benign, known, ordinary, from, to);
        return dot < 0 ? null : to.substring(dot + 1);
    }

    @Test
    void gainedAndSwappedSuffixesCount() {
        assertThat(suffix("/d/report.pdf", "/d/report.pdf.locked")).isEqualTo("locked");
        assertThat(suffix("/d/report.pdf", "/d/report.pdf.id-9F2A.[mail@x].xyz")).isEqualTo("xyz");
        assertThat(suffix("/d/report.pdf", "/d/report.enc")).isEqualTo("enc");
        assertThat(suffix("/d/photo.JPG", "/d/aGVsbG8.akira")).isEqualTo("akira");
    }

    @Test
    void rotationCompressionPackageAndTempSuffixesDoNot() {
        assertThat(suffix("/var/log/syslog", "/var/log/syslog.1")).isNull();
        assertThat(suffix("/var/log/syslog.1", "/var/log/syslog.1.gz")).isNull();
        assertThat(suffix("/etc/foo.conf", "/etc/foo.conf.dpkg-old")).isNull();
        assertThat(suffix("/etc/foo.conf.dpkg-new", "/etc/foo.conf")).isNull();
        assertThat(suffix("/home/u/sedAB12CD", "/home/u/index.html")).isNull();
        assertThat(suffix("/srv/.data.bin.x7y8z9", "/srv/data.bin")).isNull();
        assertThat(suffix("/home/u/notes.txt", "/home/u/notes.txt~")).isNull();
        assertThat(suffix("/home/u/a.txt", "/home/u/a.txt.bak")).isNull();
        assertThat(suffix("/home/u/a.TXT", "/home/u/a.txt")).isNull();
        assertThat(suffix("/home/u/a.txt", "/home/u/b.txt")).isNull();
        assertThat(suffix("/home/u/IMG_1.jpeg", "/home/u/IMG_1.jpg")).isNull();
        assertThat(suffix("/home/u/report", "/home/u/report.pdf")).isNull();
    }
}
