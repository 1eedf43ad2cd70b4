package dev.ganstudio.cli;

import dev.ganstudio.core.train.TrainingRun;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during training: asks the run to stop after the current iteration and waits (up to a minute) until it has
 * written its checkpoint and summary, so an interrupted run can be resumed.
 */
final class GracefulStop implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    GracefulStop(TrainingRun run) {
        hook = new Thread(() -> {
            run.control().stop();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and now sees the run has finished
        }
    }
}
