package io.ransomtrace.importers.edr;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineSourceTest {

    @Test
    void numbersLinesAndByteOffsetsAcrossCrlfAndMultibyteText() throws IOException {
        byte[] data = "a\r\nbé\n\nlast".getBytes(StandardCharsets.UTF_8);
        LineSource lines = new LineSource(new ByteArrayInputStream(data), 100);
        LineSource.Line l1 = lines.next();
        LineSource.Line l2 = lines.next();
        LineSource.Line l3 = lines.next();
        LineSource.Line l4 = lines.next();
        assertThat(lines.next()).isNull();
        assertThat(l1).isEqualTo(new LineSource.Line(1, 0, "a", 1, false));
        assertThat(l2).isEqualTo(new LineSource.Line(2, 3, "bé", 3, false));
        assertThat(l3).isEqualTo(new LineSource.Line(3, 7, "", 0, false));
        assertThat(l4).isEqualTo(new LineSource.Line(4, 8, "last", 4, false));
    }

    @Test
    void aTenMegabyteLineKeepsOnlyTheCapAndTheNextLineStartsRight() throws IOException {
        long huge = 10L << 20;
        InputStream in = new InputStream() {
            long pos;
            final byte[] tail = "\nnext\n".getBytes(StandardCharsets.US_ASCII);

            @Override
            public int read() {
                if (pos < huge) {
                    pos++;
                    return 'x';
                }
                long t = pos++ - huge;
                return t < tail.length ? tail[(int) t] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
        LineSource lines = new LineSource(in, 1 << 20);
        LineSource.Line big = lines.next();
        assertThat(big.overLong()).isTrue();
        assertThat(big.lengthBytes()).isEqualTo(huge);
        assertThat(big.text()).hasSize(1 << 20);
        LineSource.Line next = lines.next();
        assertThat(next.text()).isEqualTo("next");
        assertThat(next.number()).isEqualTo(2);
        assertThat(next.byteOffset()).isEqualTo(huge + 1);
    }
}
