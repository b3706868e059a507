package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Detection of a several-host stream spread over threads by host: each host's events go, in the order they were
 * accepted, to one of a few {@link DetectorThread}s, each with a detector of its own. One detector keeps each host's
 * processes, sessions and campaigns apart, but its clock, its memory caps and its bounded recent-path memory are
 * shared by all its hosts: on a busy log one host's churn pushes another host's facts out of them. A detector per host
 * judges each host by its own events alone (as the fleet job does), and spreads the work over the cores.
 *
 * <p>With as many shards as hosts (up to {@code maxShards}) the operating system balances the work over the cores
 * however unequal the hosts are; beyond that a host new to the stream joins the shard that has been handed the
 * fewest events so far (the hosts of one shard share its detector, its caps and its clock, as in one detector). Events without a host go to the first shard (the detector ignores them).
 *
 * <p>Not thread-safe on the feeding side: one thread calls {@link #accept} and then {@link #finish()}; alert
 * listeners given to the detectors are called on the shards' threads. An interrupt of the feeding thread stops
 * it with {@link DetectionCancelledException}; {@link #close()} stops every shard.
 */
public final class HostShardedDetection implements Consumer<Event>, AutoCloseable {
    /**
     * Shards at most: the first four hosts of a stream have a detector each, a later host shares one. Four keep two
     * cores busy however unequal the hosts, and bound the memory of a scan to four detectors' caps (eight detectors at
     * their process caps took 170 MB of the launcher's 256 MB heap). A fixed number, not the machine's cores, so that
     * the same events give the same findings on every machine.
     */
    public static final int MAX_SHARDS = 4;

    private final Supplier<Detector> newDetector;
    private final int maxShards;
    private final List<DetectorThread> shards = new ArrayList<>();
    private final List<long[]> routed = new ArrayList<>();
    private final Map<String, Integer> shardOfHost = new HashMap<>();
    private String lastHost;
    private DetectorThread lastShard;
    private long[] lastCount;
    private List<Finding> findings;

    /**
     * @param maxShards   threads at most (each started when a host first needs it)
     * @param newDetector makes one detector per shard, all with the same profile and allowlist
     */
    public HostShardedDetection(int maxShards, Supplier<Detector> newDetector) {
        if (maxShards < 1) {
            throw new IllegalArgumentException("maxShards must be at least 1");
        }
        this.maxShards = maxShards;
        this.newDetector = newDetector;
    }

    @Override
    public void accept(Event e) {
        String host = e == null ? null : e.host();
        if (host == null || !host.equals(lastHost)) {
            route(host);
        }
        lastCount[0]++;
        lastShard.accept(e);
    }

    private void route(String host) {
        int index;
        if (host == null) {
            index = shards.isEmpty() ? newShard() : 0;
        } else {
            Integer known = shardOfHost.get(host);
            index = known != null ? known : shards.size() < maxShards ? newShard() : leastRouted();
            shardOfHost.put(host, index);
        }
        lastHost = host;
        lastShard = shards.get(index);
        lastCount = routed.get(index);
    }

    private int newShard() {
        shards.add(new DetectorThread(newDetector.get(), "detector-shard-" + shards.size()));
        routed.add(new long[1]);
        return shards.size() - 1;
    }

    private int leastRouted() {
        int best = 0;
        for (int i = 1; i < routed.size(); i++) {
            if (routed.get(i)[0] < routed.get(best)[0]) {
                best = i;
            }
        }
        return best;
    }

    /** Waits until every shard has processed what was accepted so far (its alerts are then up to date). */
    public void sync() {
        for (DetectorThread shard : shards) {
            shard.sync();
        }
    }

    /**
     * Hands over what is left, waits for every shard and returns all findings in the detector's order (first seen,
     * host, id). Calling it again returns the same list.
     */
    public List<Finding> finish() {
        if (findings == null) {
            List<Finding> all = new ArrayList<>();
            try {
                for (DetectorThread shard : shards) {
                    all.addAll(shard.finish());
                }
            } finally {
                close();
            }
            all.sort(Finding.STREAM_ORDER);
            findings = List.copyOf(all);
        }
        return findings;
    }

    /** Threads started so far (one per host up to the maximum). */
    public int shardCount() {
        return shards.size();
    }

    /** Events handed to the shards so far. */
    public long eventsAccepted() {
        long n = 0;
        for (long[] r : routed) {
            n += r[0];
        }
        return n;
    }

    /** What the shards' memory caps cost, added up (read after {@link #finish()}). */
    public Evictions evictions() {
        long processes = 0, kept = 0, quiet = 0, early = 0, capped = 0;
        for (DetectorThread shard : shards) {
            Evictions e = shard.detector().evictions();
            processes += e.processes();
            kept += e.keptProcesses();
            quiet += e.quietCampaigns();
            early += e.closedEarly();
            capped += e.cappedCampaigns();
        }
        return new Evictions(processes, kept, quiet, early, capped);
    }

    /** Stops every shard without waiting for what is queued (after a failure or a cancel of the feeding side). */
    @Override
    public void close() {
        for (DetectorThread shard : shards) {
            shard.close();
        }
    }
}
