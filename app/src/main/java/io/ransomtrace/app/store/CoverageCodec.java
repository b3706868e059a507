package io.ransomtrace.app.store;

import io.ransomtrace.engine.coverage.CoverageCheck;
import io.ransomtrace.engine.coverage.CoverageStatus;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.coverage.RuleNeed;
import io.ransomtrace.engine.coverage.RuleSetReview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The coverage assessment of a kept analysis, packed like {@link FindingCodec} (every component in order, enums by
 * name): read whenever a case is opened, so without a JSON library to start first.
 */
final class CoverageCodec {
    private CoverageCodec() {
    }

    static byte[] encode(List<HostCoverage> hosts) {
        PackedWriter w = new PackedWriter(4096);
        w.varint(hosts.size());
        for (HostCoverage h : hosts) {
            w.nullableString(h.host());
            instant(w, h.firstEvent());
            instant(w, h.lastEvent());
            w.signed(h.events());
            w.varint(h.checks().size());
            for (CoverageCheck c : h.checks()) {
                w.nullableString(c.id());
                w.nullableString(c.title());
                w.nullableString(c.status() == null ? null : c.status().name());
                w.nullableString(c.measured());
                w.nullableString(c.explanation());
            }
            RuleSetReview r = h.rules();
            w.put(r == null ? 0 : 1);
            if (r != null) {
                w.signed(r.rules());
                w.varint(r.needs().size());
                for (RuleNeed n : r.needs()) {
                    w.nullableString(n.id());
                    w.nullableString(n.title());
                    w.nullableString(n.status() == null ? null : n.status().name());
                    w.nullableString(n.coveredBy());
                    w.nullableString(n.explanation());
                }
                w.varint(r.addLines().size());
                for (String line : r.addLines()) {
                    w.nullableString(line);
                }
            }
        }
        return w.toArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a kept coverage assessment */
    static List<HostCoverage> decode(byte[] data) {
        try {
            PackedReader in = new PackedReader(data);
            int hosts = (int) in.varint();
            List<HostCoverage> out = new ArrayList<>(hosts);
            for (int i = 0; i < hosts; i++) {
                String host = in.nullableString();
                Instant first = instant(in);
                Instant last = instant(in);
                long events = in.signed();
                int n = (int) in.varint();
                List<CoverageCheck> checks = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    checks.add(new CoverageCheck(in.nullableString(), in.nullableString(), status(in.nullableString()),
                            in.nullableString(), in.nullableString()));
                }
                RuleSetReview rules = null;
                if (in.get() != 0) {
                    int count = (int) in.signed();
                    int needCount = (int) in.varint();
                    List<RuleNeed> needs = new ArrayList<>(needCount);
                    for (int k = 0; k < needCount; k++) {
                        needs.add(new RuleNeed(in.nullableString(), in.nullableString(), status(in.nullableString()),
                                in.nullableString(), in.nullableString()));
                    }
                    int lineCount = (int) in.varint();
                    List<String> lines = new ArrayList<>(lineCount);
                    for (int k = 0; k < lineCount; k++) {
                        lines.add(in.nullableString());
                    }
                    rules = new RuleSetReview(count, needs, lines);
                }
                out.add(new HostCoverage(host, first, last, events, checks, rules));
            }
            if (!in.atEnd()) {
                throw new IllegalArgumentException(in.remaining() + " bytes left over");
            }
            return out;
        } catch (IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("not a kept coverage assessment: " + e, e);
        }
    }

    private static CoverageStatus status(String name) {
        return name == null ? null : CoverageStatus.valueOf(name);
    }

    private static void instant(PackedWriter w, Instant t) {
        w.put(t == null ? 0 : 1);
        if (t != null) {
            w.signed(t.getEpochSecond());
            w.varint(t.getNano());
        }
    }

    private static Instant instant(PackedReader in) {
        return in.get() == 0 ? null : Instant.ofEpochSecond(in.signed(), in.varint());
    }
}
