package io.ransomtrace.app.importing;

import io.ransomtrace.importers.Format;

import java.time.Duration;

/**
 * Tuning of the pipeline. The defaults suit a desktop: batches of 2048 events, at most 8 batches waiting
 * (bounded memory whatever the input size), a commit every 500 000 events or 2 seconds.
 *
 * @param forcedFormat read every file as this format instead of sniffing it (null: sniff)
 */
public record ImportOptions(int batchSize, int queuedBatches, long commitEveryEvents, Duration commitInterval,
                            Duration progressInterval, Format forcedFormat) {

    public static ImportOptions defaults() {
        return new ImportOptions(2048, 8, 500_000, Duration.ofSeconds(2), Duration.ofMillis(250), null);
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
