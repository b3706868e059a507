package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.profile.Profile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signals on their own, fed the way a campaign feeds them. */
class SignalUnitTest {
    private final SignalSettings settings = new SignalSettings(Profile.defaults());

    private RansomNoteSignal notes() {
        return new RansomNoteSignal(settings, RansomNoteSignal.noteExtensionSet(settings),
                ExtensionChangeSignal.knownSet(settings), ExtensionChangeSignal.ordinarySet(settings),
                ExtensionChangeSignal.benignSet(settings), 100);
    }

    private static boolean create(RansomNoteSignal s, String path, long millis, ContentHint hint) {
        PathHashes h = new PathHashes().of(path);
        return s.created(path, h.slash, h.dot, h.directory, millis, hint, true);
    }

    @Test
    void slidingCounterForgetsWhatLeftTheWindow() {
        SlidingCounter c = new SlidingCounter(60_000);
        for (int i = 0; i < 40; i++) {
            c.add(i * 1000L); // 40 in 40 s
        }
        for (int i = 0; i < 40; i++) {
            c.add(200_000 + i * 5000L); // 40 over 200 s: at most 12 in any minute
        }
        assertThat(c.peak()).isEqualTo(40);
        assertThat(c.peakAtMillis()).isEqualTo(39_000);
    }

    @Test
    void massModificationCatchesAThrottledEncryptorThroughTheSlowWindow() {
        MassModificationSignal s = new MassModificationSignal(settings);
        for (int i = 0; i < 200; i++) {
            s.newFile(i * 6000L); // one file every 6 s: 10 a minute
        }
        assertThat(s.fired()).isTrue();
        assertThat(s.threshold()).isEqualTo(150);
        assertThat(s.value()).isEqualTo(200);
        assertThat(s.describe()).contains("up to 10 distinct files changed within 1 min").contains("slow burn: 200 within 1 h");
    }

    @Test
    void aStrongNoteNameFiresAtThreeDirectories() {
        RansomNoteSignal s = notes();
        create(s, "/a/HOW_TO_DECRYPT.txt", 0, null);
        create(s, "/b/HOW_TO_DECRYPT.txt", 1, null);
        assertThat(s.fired()).isFalse();
        create(s, "/b/HOW_TO_DECRYPT.txt", 2, null); // same directory again: no spread
        assertThat(s.fired()).isFalse();
        create(s, "/c/HOW_TO_DECRYPT.txt", 3, null);
        assertThat(s.fired()).isTrue();
        assertThat(s.noteNames()).containsExactly("HOW_TO_DECRYPT.txt");
        assertThat(s.noteCount()).isEqualTo(4);
        assertThat(s.noteDirectories()).containsExactly("/a", "/b", "/c");
        assertThat(s.describe()).contains("the name contains 'how_to'");
    }

    @Test
    void readmeEverywhereIsNotANoteUntilTheCampaignDoesDamage() {
        RansomNoteSignal s = notes();
        for (int d = 0; d < 30; d++) {
            create(s, "/repo/pkg" + d + "/README.md", d, null);
        }
        assertThat(s.fired()).isFalse();
        assertThat(s.describe()).contains("weak on its own").contains("not a note");
        s.impactFiles(10);
        assertThat(s.fired()).isTrue();
    }

    @Test
    void ransomTextMakesANeutralNameANote() {
        RansomNoteSignal s = notes();
        ContentHint text = new ContentHint(null, null, null, "Your network is encrypted. Contact us via Tor Browser at xyz.onion");
        for (int d = 0; d < 3; d++) {
            create(s, "/srv/d" + d + "/cartel.txt", d, text);
        }
        assertThat(s.fired()).isTrue();
        assertThat(s.describe()).contains("encrypt").contains(".onion").contains("tor browser");
    }

    @Test
    void notesOutsideTheWindowDoNotSpread() {
        RansomNoteSignal s = notes();
        create(s, "/a/RECOVER-FILES.txt", 0, null);
        create(s, "/b/RECOVER-FILES.txt", 1, null);
        create(s, "/c/RECOVER-FILES.txt", 3_600_001, null);
        assertThat(s.fired()).isFalse();
    }

    @Test
    void namesThatCannotBeNotesAreNotTracked() {
        RansomNoteSignal s = notes();
        for (int d = 0; d < 10; d++) {
            assertThat(create(s, "/src/m" + d + "/__init__.py", d, null)).isFalse();
            assertThat(create(s, "/src/m" + d + "/package-lock.json", d, null)).isFalse();
        }
        assertThat(s.measured()).isFalse();
    }

    @Test
    void oneEncryptionRunIsHalfWeightAndTenAreFull() {
        EncryptionToolSignal s = new EncryptionToolSignal(settings);
        s.record(EncryptionCommandParser.parse("gpg", java.util.List.of("gpg", "-c", "f"), "/"));
        assertThat(s.contribution()).isEqualTo(10.0);
        s.record(EncryptionCommandParser.parse("gpg", java.util.List.of("gpg", "-d", "f.gpg"), "/"));
        assertThat(s.runs()).isEqualTo(1);
        for (int i = 0; i < 9; i++) {
            s.record(EncryptionCommandParser.parse("gpg", java.util.List.of("gpg", "-c", "f" + i), "/"));
        }
        assertThat(s.contribution()).isEqualTo(20.0);
        assertThat(s.describe()).isEqualTo("10 encrypting or destroying runs (gpg -c ×10); fires at 1");
    }
}
