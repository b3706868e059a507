package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever an importer hands over — odd pids, missing paths, empty argv, nonsense flags — never breaks detection. */
class ArbitraryInputProperties {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @Property(tries = 60)
    void anyEventSequenceIsProcessedDeterministically(@ForAll("events") @Size(max = 400) List<Event> events) {
        List<Finding> first = Detector.run(events, Profile.defaults(), Allowlist.empty());
        List<Finding> second = Detector.run(events, Profile.defaults(), Allowlist.empty());
        assertThat(second).isEqualTo(first);
        assertThat(first).allSatisfy(f -> {
            assertThat(f.score()).isBetween(0, 100);
            assertThat(f.filesAffected()).isNotNegative();
            assertThat(f.id()).startsWith("rt-");
        });
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return event().list().ofMaxSize(400).map(ArrayList::new);
    }

    private Arbitrary<Event> event() {
        Arbitrary<Integer> pid = Arbitraries.oneOf(Arbitraries.integers().between(-2, 40), Arbitraries.of(Integer.MAX_VALUE, 0, 1));
        Arbitrary<String> exe = Arbitraries.of(null, "", "/usr/bin/openssl", "/usr/bin/gpg", "/bin/bash", "/usr/bin/find",
                "/usr/bin/rm", "/usr/bin/sudo", "/usr/sbin/sshd", "/tmp/x", "/usr/bin/shred", "/usr/bin/dd", "weird name");
        Arbitrary<String> path = Arbitraries.of(null, "", "/", "/a", "/a/b.txt", "/a/b.txt.locked", "/a/b", "/a/.b", "relative",
                "/x/HOW_TO_DECRYPT.txt", "/y/HOW_TO_DECRYPT.txt", "/z/HOW_TO_DECRYPT.txt", "/a/b.txt.gz", "/a/b.",
                "/ü/ñ.☢", "/a/" + "n".repeat(300) + ".enc");
        Arbitrary<List<String>> argv = Arbitraries.of(
                List.of(), List.of(""), List.of("openssl"), List.of("openssl", "enc", "-aes-256-cbc", "-in", "b.txt", "-out", "b.txt.enc"),
                List.of("-bash"), List.of("bash", "-c"), List.of("bash", "-c", "for f in *; do gpg -c $f; done"),
                List.of("find", ".", "-exec"), List.of("gpg", "-r"), List.of("dd", "of=/a/b", "if=/dev/zero"),
                List.of("rm", "-f", "/a/b.txt"), List.of("shred", "-u", "--", "-x"), List.of("7z", "a", "-p"));
        Arbitrary<Long> ms = Arbitraries.longs().between(0, 120_000);
        Arbitrary<Long> id = Arbitraries.longs().between(0, 1_000_000);
        Arbitrary<Actor> actor = Combinators.combine(pid, pid, exe, Arbitraries.of(Credentials.UNKNOWN,
                        new Credentials(0, 0, 0, 1000, 3, null, null), new Credentials(-1, -1, -1, 4294967295L, -1, "u", null)))
                .as((p, pp, e, c) -> new Actor(p, pp, e, e == null ? null : "c", c, null));
        Arbitrary<Event> fileOp = Combinators.combine(id, ms, actor, Arbitraries.of(FileOpKind.values()), path, path,
                        Arbitraries.integers().between(-1, 0x7fffffff), Arbitraries.of(true, false))
                .as((i, t, a, k, p, target, flags, ok) -> new FileOp(i, T0.plusMillis(t), "h", a, k, p, target, flags, -1, ok, -1,
                        t % 3 == 0 ? new ContentHint(7.9, null, "txt", "decrypt .onion key") : null, null));
        Arbitrary<Event> exec = Combinators.combine(id, ms, actor, argv, Arbitraries.of(true, false))
                .as((i, t, a, args, ok) -> new ProcessExec(i, T0.plusMillis(t), "h", a, args, false, t % 2 == 0 ? "/a" : null,
                        t % 5 == 0 ? "pts0" : null, null, ok, null));
        Arbitrary<Event> exit = Combinators.combine(id, ms, actor).as((i, t, a) -> new ProcessExit(i, T0.plusMillis(t), "h", a, null, null));
        Arbitrary<Event> other = Combinators.combine(id, ms).as((i, t) -> new OtherRecord(i, T0.plusMillis(t), "h", Actor.NONE,
                "DAEMON_START", "audit started", Map.of("k", "v"), null));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, fileOp), net.jqwik.api.Tuple.of(3, exec),
                net.jqwik.api.Tuple.of(1, exit), net.jqwik.api.Tuple.of(1, other));
    }
}
