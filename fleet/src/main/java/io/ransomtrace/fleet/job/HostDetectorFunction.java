package io.ransomtrace.fleet.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.QuarantinedRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * One detector per host stream (the key), in Flink managed state. Each line is assembled into events exactly as
 * the desktop importer does and fed to the detector, which orders events within the profile's reorder window
 * as it does for {@code scan}. Findings go out when their campaign closes.
 *
 * <p>At the end of a bounded input every detector finishes, exactly like {@code scan}'s. In a job that runs on, a
 * host that goes quiet is moved on by timers: once the watermark (the fleet's clock) passes the host's newest
 * event time plus the campaign's close-after-root-exit time (and later plus its idle timeout), and the host has
 * also sent nothing for {@code quietSeconds} of wall clock, its detector is advanced to that time, which closes
 * what an event then would close: a host encrypted and then silenced still gets its finding.
 */
final class HostDetectorFunction extends KeyedProcessFunction<String, LineBatch, FleetOutput>
        implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final OutputTag<FleetOutput> STATUS = new OutputTag<>("status") {
        private static final long serialVersionUID = 1L;
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FleetJobOptions options;
    private transient ValueState<HostCell> state;
    private transient Profile profile;
    private transient Allowlist allowlist;
    private transient long closeAfterExitMillis;
    private transient long idleMillis;
    private transient long quietMillis;
    private transient volatile boolean checkpointCompleted;
    private transient long recordsSinceCheckpoint;
    private transient boolean restartAnnounced;

    HostDetectorFunction(FleetJobOptions options) {
        this.options = options;
    }

    @Override
    public void open(OpenContext openContext) {
        profile = options.profileYaml() == null ? Profile.defaults()
                : Profile.load(new ByteArrayInputStream(options.profileYaml().getBytes(StandardCharsets.UTF_8)));
        allowlist = options.allowlistYaml() == null ? Allowlist.empty()
                : Allowlist.load(new ByteArrayInputStream(options.allowlistYaml().getBytes(StandardCharsets.UTF_8)));
        closeAfterExitMillis = profile.longValue("campaign.closeAfterRootExitSeconds") * 1000;
        idleMillis = profile.longValue("campaign.idleTimeoutSeconds") * 1000;
        quietMillis = options.quietSeconds() * 1000L;
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("host", new HostStateSerializer()));
    }

    @Override
    public void processElement(LineBatch batch, Context ctx, Collector<FleetOutput> out) throws Exception {
        maybeFail(batch.size());
        announceRestart(ctx);
        long now = ctx.timerService().currentProcessingTime();
        HostCell cell = state.value();
        HostState h;
        if (cell == null) {
            h = HostState.fresh(ctx.getCurrentKey(), options.contextLines(), profile, allowlist);
            cell = HostCell.of(h);
        } else {
            h = cell.open(profile, allowlist, now);
        }
        Emitter emitter = new Emitter(h, ctx, out);
        h.attach(emitter);
        for (int i = 0; i < batch.size(); i++) {
            emitter.trigger = batch.ingestMillis(i);
            h.line(batch.line(i), batch.eventMillis(i), batch.ingestMillis(i), batch.partition, batch.offset(i),
                    batch.source);
        }
        h.lastArrivalWall = now;
        if (!h.endTimerSet) {
            // fires when a bounded input ends (or a drained job stops): every detector finishes, as scan's does
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            h.endTimerSet = true;
        }
        if (!options.bounded() && h.timerAt == HostState.NO_TIMER && h.quietCandidate == HostState.NO_TIMER
                && h.clock != EventTimes.UNKNOWN) {
            scheduleQuietCheck(h, ctx, 1, now);
        }
        state.update(cell);
    }

    /**
     * End of input (event time {@link Long#MAX_VALUE}); or, in an unbounded job, a host possibly gone quiet: the
     * fleet's clock passed its newest event by a close time (event-time timer), then nothing came from it for
     * {@code quietSeconds} of wall clock either (processing-time timer). Only then is its detector moved on: a
     * host that is merely behind the fleet's clock, still sending, is left alone.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FleetOutput> out) throws Exception {
        HostCell cell = state.value();
        if (cell == null) {
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        HostState h = cell.open(profile, allowlist, now);
        Emitter emitter = new Emitter(h, ctx, out);
        emitter.trigger = h.lastIngest;
        h.attach(emitter);
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME && timestamp == Long.MAX_VALUE) {
            io.ransomtrace.engine.Evictions evictions = h.endOfInput();
            ctx.output(STATUS, new FleetOutput(h.key, hostEnd(h, evictions), 0, "host-end"));
            h.endTimerSet = false;
            h.timerAt = HostState.NO_TIMER;
            h.quietCandidate = HostState.NO_TIMER;
        } else if (ctx.timeDomain() == TimeDomain.EVENT_TIME && timestamp == h.timerAt) {
            h.timerAt = HostState.NO_TIMER;
            if (h.lines != h.linesAtTimer) {
                scheduleQuietCheck(h, ctx, 1, now); // it spoke since: measure from its newest event again
            } else {
                h.quietCandidate = timestamp;
                ctx.timerService().registerProcessingTimeTimer(Math.max(now, h.lastArrivalWall + quietMillis));
            }
        } else if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME && h.quietCandidate != HostState.NO_TIMER) {
            if (h.lines != h.linesAtTimer) {
                h.quietCandidate = HostState.NO_TIMER;
                scheduleQuietCheck(h, ctx, 1, now);
            } else if (now - h.lastArrivalWall < quietMillis) {
                ctx.timerService().registerProcessingTimeTimer(h.lastArrivalWall + quietMillis); // restored meanwhile
            } else {
                long until = h.quietCandidate;
                h.quietCandidate = HostState.NO_TIMER;
                h.quietUntil(until);
                if (h.timerStage == 1) {
                    scheduleQuietCheck(h, ctx, 2, now);
                }
            }
        }
        state.update(cell);
    }

    /**
     * Waits for the fleet's clock to pass the host's newest event by the stage's close time (1: close after root
     * exit, 2: idle timeout). When it already has (a host behind the others), the wall-clock check starts at once:
     * an event-time timer in the past would only fire with the next watermark, and an idle stream sends none.
     */
    private void scheduleQuietCheck(HostState h, Context ctx, int stage, long now) {
        long at = h.clock + (stage == 1 ? closeAfterExitMillis : idleMillis) + 1;
        h.timerStage = stage;
        h.linesAtTimer = h.lines;
        if (at <= ctx.timerService().currentWatermark()) {
            h.timerAt = HostState.NO_TIMER;
            h.quietCandidate = at;
            ctx.timerService().registerProcessingTimeTimer(Math.max(now, h.lastArrivalWall + quietMillis));
        } else {
            h.timerAt = at;
            h.quietCandidate = HostState.NO_TIMER;
            ctx.timerService().registerEventTimeTimer(at);
        }
    }

    /** Findings to the main output, unreadable lines to the status output. */
    private static final class Emitter implements HostState.Emitter {
        private final HostState host;
        private final KeyedProcessFunction<String, LineBatch, FleetOutput>.Context ctx;
        private final Collector<FleetOutput> out;
        /** When Kafka took the line being processed (the one that closes a finding now). */
        long trigger;

        Emitter(HostState host, KeyedProcessFunction<String, LineBatch, FleetOutput>.Context ctx,
                Collector<FleetOutput> out) {
            this.host = host;
            this.ctx = ctx;
            this.out = out;
        }

        @Override
        public void finding(FindingJson.FleetFinding finding) {
            out.collect(new FleetOutput(host.key, FindingJson.message(finding), trigger, null));
        }

        @Override
        public void unreadable(String source, QuarantinedRecord q) {
            ObjectNode n = JSON.createObjectNode();
            n.put("type", "error");
            n.put("stream", host.key);
            n.put("source", source);
            n.put("line", q.line());
            n.put("offset", q.byteOffset());
            n.put("reason", q.reason());
            n.put("raw", q.rawText());
            ctx.output(STATUS, new FleetOutput(host.key, n.toString(), 0, "error"));
        }
    }

    private static String hostEnd(HostState h, io.ransomtrace.engine.Evictions evictions) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "host-end");
        n.put("stream", h.key);
        n.put("records", h.lines);
        n.put("events", h.events);
        n.put("errors", h.errors);
        ObjectNode ev = n.putObject("evictions");
        ev.put("processes", evictions.processes());
        ev.put("keptProcesses", evictions.keptProcesses());
        ev.put("quietCampaigns", evictions.quietCampaigns());
        ev.put("closedEarly", evictions.closedEarly());
        ev.put("cappedCampaigns", evictions.cappedCampaigns());
        var sources = n.putArray("sources");
        for (HostState.Segment s : h.segments) {
            ObjectNode o = sources.addObject();
            o.put("source", s.source);
            o.put("records", s.records);
            o.put("events", s.events);
            o.put("errors", s.errors);
        }
        return n.toString();
    }

    /** After a failure, each detector task says once on the status topic that it restarted from a checkpoint. */
    private void announceRestart(Context ctx) {
        int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        if (attempt == 0 || restartAnnounced) {
            return;
        }
        restartAnnounced = true;
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "restarted");
        n.put("attempt", attempt);
        n.put("subtask", getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        ctx.output(STATUS, new FleetOutput(ctx.getCurrentKey(), n.toString(), 0, "restarted"));
    }

    /** The fault the integration test injects: once, in the first attempt, after a checkpoint has completed. */
    private void maybeFail(int lines) {
        if (options.failOnceAfterCheckpoint() < 0 || !checkpointCompleted
                || getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
            return;
        }
        recordsSinceCheckpoint += lines;
        if (recordsSinceCheckpoint > options.failOnceAfterCheckpoint()) {
            throw new InjectedFault("fault injected for the restore test after checkpoint, "
                    + options.failOnceAfterCheckpoint() + " records in");
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointCompleted = true;
    }

    /** The failure the fault test injects. */
    static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }
}
