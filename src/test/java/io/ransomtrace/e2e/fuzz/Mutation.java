package io.ransomtrace.e2e.fuzz;

import io.ransomtrace.e2e.fuzz.SeedLogs.Family;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/** The ways the fuzzer damages a log: what transit, a broken exporter or an attacker does to one. */
enum Mutation {
    BIT_FLIPS {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            byte[] out = in.clone();
            for (int i = 0, n = 1 + r.nextInt(40); i < n && out.length > 0; i++) {
                int at = r.nextInt(out.length);
                out[at] ^= (byte) (1 << r.nextInt(8));
            }
            return out;
        }
    },
    TRUNCATION {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            return java.util.Arrays.copyOf(in, in.length == 0 ? 0 : r.nextInt(in.length));
        }
    },
    NUL_BYTES {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            return insertAtRandom(in, r, new byte[r.nextInt(4) + 1], 1 + r.nextInt(20));
        }
    },
    INVALID_UTF8 {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
            byte[] out = in;
            for (int i = 0, n = 1 + r.nextInt(20); i < n; i++) {
                out = insertAtRandom(out, r, bad[r.nextInt(bad.length)], 1);
            }
            return out;
        }
    },
    CRLF {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            String text = new String(in, StandardCharsets.ISO_8859_1);
            boolean mixed = r.nextBoolean();
            StringBuilder sb = new StringBuilder(text.length() + text.length() / 40);
            for (String line : text.split("\n", -1)) {
                sb.append(line).append(!mixed || r.nextBoolean() ? "\r\n" : "\n");
            }
            return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    },
    REORDERED {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            List<String> lines = lines(in);
            if (r.nextBoolean()) {
                Collections.shuffle(lines, r);
            } else {
                for (int i = 0; i < lines.size() / 4; i++) {
                    Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
                }
            }
            return join(lines);
        }
    },
    TIME_JUMPS {
        private final String[] auditTimes = {"0.000", "10000000000000000.123", "99999999999999999999.999",
                "-5.000", "253402300800.000", "9223372036854775807.999", "1.7e9"};
        private final String[] isoTimes = {"+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-13-45T99:99:99Z", "", "9999999999999"};

        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            String text = new String(in, StandardCharsets.UTF_8);
            Pattern p = switch (f) {
                case AUDITD, AUSEARCH -> Pattern.compile("msg=audit\\(([^:)]+)");
                case JSON_LINES, JSON_ARRAY -> Pattern.compile(
                        "\"(?:@timestamp|unixTime|calendarTime|ID|time)\"\\s*:\\s*\"?([^\",}]+)");
                case XML -> Pattern.compile("SystemTime=\"([^\"]+)");
                case CSV, RULES -> Pattern.compile("(\\d{4}-\\d\\d-\\d\\d[T ][0-9:.]+Z?|\\w{3} \\d+, \\d{4} @ [0-9:.]+)");
            };
            Matcher m = p.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replacement = m.group(1);
                if (r.nextInt(8) == 0) {
                    String[] pool = f == Family.AUDITD || f == Family.AUSEARCH ? auditTimes : isoTimes;
                    replacement = pool[r.nextInt(pool.length)];
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(0).replace(m.group(1), replacement)));
            }
            m.appendTail(sb);
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    },
    HUGE_LINE {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            int size = s.hugeLineBytes / 2 + r.nextInt(s.hugeLineBytes / 2);
            byte[] line = new byte[size + 1];
            byte fill = (byte) "a/{\"[<,=".charAt(r.nextInt(8));
            java.util.Arrays.fill(line, fill);
            line[size] = '\n';
            List<String> lines = lines(in);
            int at = lines.isEmpty() ? 0 : r.nextInt(lines.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + line.length);
            out.writeBytes(join(lines.subList(0, at)));
            out.writeBytes(line);
            out.writeBytes(join(lines.subList(at, lines.size())));
            return out.toByteArray();
        }
    },
    DEEP_NESTING {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            int depth = 10_000 + r.nextInt(90_000);
            String open = f == Family.XML ? "<a>" : r.nextBoolean() ? "[" : "{\"a\":";
            String line = open.repeat(depth) + "\n";
            List<String> lines = lines(in);
            lines.add(r.nextInt(lines.size() + 1), line.strip());
            return join(lines);
        }
    },
    GIANT_EVENT {
        /** The records are streamed to the file by {@link #writeGiantEvent}: a million of them do not fit the heap. */
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            return in;
        }
    },
    CUT_AT_START {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            int from = in.length == 0 ? 0 : r.nextInt(Math.max(1, in.length / 3));
            return java.util.Arrays.copyOfRange(in, from, in.length);
        }
    },
    BYTE_ORDER_MARK {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            byte[] out = new byte[in.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(in, 0, out, 3, in.length);
            return out;
        }
    },
    DUPLICATED_LINES {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            List<String> lines = lines(in);
            List<String> out = new ArrayList<>(lines.size() * 2);
            for (String l : lines) {
                out.add(l);
                if (r.nextInt(5) == 0) {
                    out.add(l);
                }
            }
            return join(out);
        }
    },
    GZIPPED {
        @Override
        byte[] apply(byte[] in, Family f, Random r, Scale s) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] z = out.toByteArray();
            // a third of them damaged: cut short, as a copy that stopped early
            return r.nextInt(3) == 0 ? java.util.Arrays.copyOf(z, Math.max(2, r.nextInt(z.length))) : z;
        }
    };

    /** One audit event of very many records (same time and serial): auditd's reassembly must cap it. */
    static void writeGiantEvent(java.io.OutputStream out, Random r, int records) throws IOException {
        String stamp = "msg=audit(1763600000.500:" + (7_000_000 + r.nextInt(1000)) + "):";
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII),
                1 << 16);
        w.write("type=SYSCALL " + stamp + " arch=c000003e syscall=59 success=yes exit=0 ppid=1 pid=31337 auid=1000 "
                + "uid=0 gid=0 euid=0 comm=\"x\" exe=\"/tmp/x\"\n");
        for (int i = 0; i < records; i++) {
            w.write("type=PATH " + stamp + " item=" + i + " name=\"/tmp/f" + i + "\" inode=" + i + " nametype=CREATE\n");
        }
        w.flush();
    }

    /** Sizes that the long run sets larger than the CI slice. */
    record Scale(int hugeLineBytes, int giantEventRecords) {
    }

    abstract byte[] apply(byte[] in, Family family, Random random, Scale scale);

    /** Whether the mutation makes sense for a family (a giant audit event only in audit logs). */
    boolean appliesTo(Family f) {
        return this != GIANT_EVENT || f == Family.AUDITD;
    }

    static List<String> lines(byte[] in) {
        String text = new String(in, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static byte[] join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] insertAtRandom(byte[] in, Random r, byte[] what, int times) {
        byte[] out = in;
        for (int i = 0; i < times; i++) {
            int at = out.length == 0 ? 0 : r.nextInt(out.length);
            byte[] next = new byte[out.length + what.length];
            System.arraycopy(out, 0, next, 0, at);
            System.arraycopy(what, 0, next, at, what.length);
            System.arraycopy(out, at, next, at + what.length, out.length - at);
            out = next;
        }
        return out;
    }
}
