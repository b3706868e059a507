package io.ransomtrace.engine.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InertTest {

    @Test
    void markupIsEscapedForTextAndAttributes() {
        assertThat(Inert.html("\"><img src=x onerror=alert(1)>&'"))
                .isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;");
    }

    @Test
    void bidiControlsAreShownSoAnExtensionCannotBeDisguised() {
        String name = "invoice\u202Efdp.exe";
        assertThat(Inert.plain(name)).isEqualTo("invoice[U+202E]fdp.exe");
        for (int cp : new int[]{0x202A, 0x202B, 0x202C, 0x202D, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F}) {
            assertThat(Inert.plain("a" + Character.toString(cp) + "b")).isEqualTo(String.format("a[U+%04X]b", cp));
        }
    }

    @Test
    void controlCharactersAndBrokenSurrogatesBecomeVisible() {
        assertThat(Inert.plain("a\nb\u0000c\u001bd")).isEqualTo("a[U+000A]b[U+0000]c[U+001B]d");
        assertThat(Inert.plain("x\uD800y")).isEqualTo("x[U+D800]y");
        assertThat(Inert.plain("Документы/отчёт.odt 文件")).isEqualTo("Документы/отчёт.odt 文件");
    }

    @Test
    void longStringsAreCutWithTheirFullLength() {
        String s = "A".repeat(10_240);
        String shown = Inert.plain(s);
        assertThat(shown).startsWith("A".repeat(Inert.MAX_SHOWN)).endsWith("… [10,240 characters in all]");
        assertThat(shown.length()).isLessThan(Inert.MAX_SHOWN + 40);
        assertThat(Inert.plain("short")).isEqualTo("short");
        assertThat(Inert.plain(null)).isEmpty();
    }

    @Test
    void zeroWidthAndInvisibleFormattingCharactersAreShown() {
        assertThat(Inert.plain("ad\u200Bmin")).isEqualTo("ad[U+200B]min");
        assertThat(Inert.plain("a\u200Db\u2060c\u00ADd\uFEFF")).isEqualTo("a[U+200D]b[U+2060]c[U+00AD]d[U+FEFF]");
        assertThat(Inert.visible("\u001b[2Jcleared")).isEqualTo("[U+001B][2Jcleared");
        assertThat(Inert.visible("x".repeat(1000))).hasSize(1000);
        assertThat(Inert.hasHidden("plain text, ünïcödé and 文件")).isFalse();
        assertThat(Inert.hasHidden("emoji \uD83D\uDE00 stays")).isTrue(); // a surrogate pair: checked, then kept
        assertThat(Inert.plain("emoji \uD83D\uDE00 stays")).isEqualTo("emoji \uD83D\uDE00 stays");
    }
}
