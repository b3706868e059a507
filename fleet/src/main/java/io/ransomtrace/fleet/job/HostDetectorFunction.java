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
 * <p>A host that goes quiet is moved on by event-time timers: once the watermark (the fleet's clock) passes the
 * host's newest event time plus the campaign's close-after-root-exit time, and again plus its idle timeout,
 * with no new line from the host in between, the host's detector is advanced to that time, which closes what an
 * event then would close. At the end of a bounded input every detector finishes, exactly like {@code scan}.
 */
final class HostDetectorFunction extends KeyedProcessFunction<String, AuditMessage, FleetOutput>
        implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final OutputTag<FleetOutput> STATUS = new OutputTag<>("status") {
        private static final long serialVersionUID = 1L;
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FleetJobOptions options;
    private transient ValueState<HostState> state;
    private transient Profile profile;
    private transient Allowlist allowlist;
    private transient long closeAfterExitMillis;
    private transient long idleMillis;
    private transient volatile boolean checkpointCompleted;
    private transient long recordsSinceCheckpoint;

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
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("host", new HostStateSerializer()));
    }

    @Override
    public void processElement(AuditMessage m, Context ctx, Collector<FleetOutput> out) throws Exception {
        maybeFail();
        HostState h = state.value();
        if (h == null) {
            h = HostState.fresh(ctx.getCurrentKey(), options.contextLines(), profile, allowlist);
        } else {
            h.thaw(profile, allowlist);
        }
        h.attach(emitter(h, ctx, out, m.ingestMillis));
        h.line(m);
        if (!h.endTimerSet) {
            // fires when a bounded input ends (or a drained job stops): every detector finishes, as scan's does
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            h.endTimerSet = true;
        }
        if (h.timerAt == HostState.NO_TIMER && h.clock != EventTimes.UNKNOWN) {
            quietTimer(h, ctx, 1, h.clock + closeAfterExitMillis + 1);
        }
        state.update(h);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FleetOutput> out) throws Exception {
        HostState h = state.value();
        if (h == null) {
            return;
        }
        h.thaw(profile, allowlist);
        h.attach(emitter(h, ctx, out, h.lastIngest));
        if (timestamp == Long.MAX_VALUE) {
            h.endOfInput();
            ctx.output(STATUS, new FleetOutput(h.key, hostEnd(h), 0, "host-end"));
            h.endTimerSet = false;
            h.timerAt = HostState.NO_TIMER;
        } else if (timestamp == h.timerAt) {
            h.timerAt = HostState.NO_TIMER;
            if (h.lines != h.linesAtTimer) {
                quietTimer(h, ctx, 1, h.clock + closeAfterExitMillis + 1); // it spoke since: wait again
            } else {
                h.quietUntil(timestamp);
                if (h.timerStage == 1) {
                    quietTimer(h, ctx, 2, h.clock + idleMillis + 1);
                }
            }
        }
        state.update(h);
    }

    private static void quietTimer(HostState h, Context ctx, int stage, long at) {
        h.timerAt = at;
        h.timerStage = stage;
        h.linesAtTimer = h.lines;
        ctx.timerService().registerEventTimeTimer(at);
    }

    private HostState.Emitter emitter(HostState h, Context ctx, Collector<FleetOutput> out, long trigger) {
        return new HostState.Emitter() {
            @Override
            public void finding(FindingJson.FleetFinding finding) {
                out.collect(new FleetOutput(h.key, FindingJson.message(finding), trigger, null));
            }

            @Override
            public void unreadable(String source, QuarantinedRecord q) {
                ObjectNode n = JSON.createObjectNode();
                n.put("type", "error");
                n.put("stream", h.key);
                n.put("source", source);
                n.put("line", q.line());
                n.put("offset", q.byteOffset());
                n.put("reason", q.reason());
                n.put("raw", q.rawText());
                ctx.output(STATUS, new FleetOutput(h.key, n.toString(), 0, "error"));
            }
        };
    }

    private static String hostEnd(HostState h) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "host-end");
        n.put("stream", h.key);
        n.put("records", h.lines);
        n.put("events", h.events);
        n.put("errors", h.errors);
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

    /** The fault the integration test injects: once, in the first attempt, after a checkpoint has completed. */
    private void maybeFail() {
        if (options.failOnceAfterCheckpoint() < 0 || !checkpointCompleted
                || getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
            return;
        }
        if (++recordsSinceCheckpoint > options.failOnceAfterCheckpoint()) {
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
