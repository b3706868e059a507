package io.ransomtrace.engine.snapshot;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * In-memory streams for snapshots. A snapshot is written and read a byte at a time (variable-length numbers);
 * {@link java.io.ByteArrayOutputStream} and {@link java.io.ByteArrayInputStream} take a lock on every byte, which
 * made those locks most of the cost of a fleet checkpoint. These are used by one thread at a time and take none.
 */
public final class SnapshotBytes {
    private SnapshotBytes() {
    }

    /** A growable byte array to write a snapshot into; {@link #toByteArray()} gives what was written. */
    public static final class Output extends OutputStream {
        private byte[] buf;
        private int count;

        public Output(int initialCapacity) {
            buf = new byte[Math.max(16, initialCapacity)];
        }

        @Override
        public void write(int b) {
            if (count == buf.length) {
                grow(1);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > buf.length - count) {
                grow(len);
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void grow(int needed) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + needed));
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        /** A data stream over this buffer (closing it changes nothing). */
        public DataOutputStream data() {
            return new DataOutputStream(this);
        }
    }

    /** A data stream reading {@code bytes} without locks. */
    public static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = Math.min(len, bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        });
    }
}
