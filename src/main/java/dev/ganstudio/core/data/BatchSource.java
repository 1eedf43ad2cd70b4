package dev.ganstudio.core.data;

/**
 * Produces the real batches of one epoch in a fixed order determined by the seed and the epoch number, so that a
 * run (and a resumed run) sees the same data in the same order. Implementations are thread-safe to call from one
 * producer thread.
 */
public sealed interface BatchSource permits ImageBatchSource, DistributionBatchSource {
    DataSpec spec();

    /** Full batches in one epoch (a trailing partial batch is dropped, as BatchNorm wants full batches). */
    int batchesPerEpoch();

    /** Batch {@code index} of epoch {@code epoch}. */
    Batch batch(int epoch, int index);

    /** A short description for logs and summaries. */
    String describe();
}
