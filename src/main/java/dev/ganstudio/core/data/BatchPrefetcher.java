package dev.ganstudio.core.data;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prepares the batches of one epoch on a background thread, a few ahead of the training loop, and measures how long
 * the loop waits for them.
 */
public final class BatchPrefetcher implements AutoCloseable {
    private static final Batch END = new Batch(0, new float[0], new long[0]);

    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private final AtomicLong waitNanos = new AtomicLong();
    private volatile boolean closed;

    /** Starts producing batches {@code firstIndex ..} of {@code epoch}. */
    public BatchPrefetcher(BatchSource source, int epoch, int firstIndex, int depth) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.producer = new Thread(() -> {
            try {
                for (int i = firstIndex; i < source.batchesPerEpoch() && !closed; i++) queue.put(source.batch(epoch, i));
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                try { queue.put(e); } catch (InterruptedException ie) { Thread.currentThread().interrupt(); }
            }
        }, "batch-prefetch");
        producer.setDaemon(true);
        producer.start();
    }

    /** The next batch, or null at the end of the epoch. */
    public Batch next() throws InterruptedException {
        long t0 = System.nanoTime();
        Object item = queue.poll();
        if (item == null) item = queue.take();
        waitNanos.addAndGet(System.nanoTime() - t0);
        if (item instanceof RuntimeException e) throw e;
        return item == END ? null : (Batch) item;
    }

    /** Total time spent waiting in {@link #next()}. */
    public long waitNanos() { return waitNanos.get(); }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        try {
            producer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
