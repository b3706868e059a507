package io.ransomtrace.app.importing;

import io.ransomtrace.importers.Format;

import java.time.Duration;

/**
 * Tuning of the pipeline. The defaults suit a desktop: batches of 512 events, at most 4 batches waiting
 * (bounded memory whatever the input size), a commit every 500 000 events or 2 seconds.
 *
 * <p>The queue is short on purpose: when the writer is the slower side the queue stays full, and an event that
 * waits in it longer than the young garbage collector's interval is copied and then promoted with everything it
 * points to. 16 k waiting events cost ~3 s of collection on a 1 GB log; 2 k events wait a few milliseconds.
 *
 * @param forcedFormat read every file as this format instead of sniffing it (null: sniff)
 */
public record ImportOptions(int batchSize, int queuedBatches, long commitEveryEvents, Duration commitInterval,
                            Duration progressInterval, Format forcedFormat) {

    public static ImportOptions defaults() {
        return new ImportOptions(512, 4, 500_000, Duration.ofSeconds(2), Duration.ofMillis(250), null);
    }

    public ImportOptions withCommitEvery(long events, Duration interval) {
        return new ImportOptions(batchSize, queuedBatches, events, interval, progressInterval, forcedFormat);
    }

    public ImportOptions withQueue(int batchSize, int queuedBatches) {
        return new ImportOptions(batchSize, queuedBatches, commitEveryEvents, commitInterval, progressInterval,
                forcedFormat);
    }

    /** How often the listener hears of progress at most (Duration.ZERO: after every batch). */
    public ImportOptions withProgressEvery(Duration interval) {
        return new ImportOptions(batchSize, queuedBatches, commitEveryEvents, commitInterval, interval, forcedFormat);
    }

    public ImportOptions withFormat(Format format) {
        return new ImportOptions(batchSize, queuedBatches, commitEveryEvents, commitInterval, progressInterval, format);
    }
}
