package dev.ganstudio.core.train;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Thread-safe controls of a running training loop: pause, resume, single steps while paused, stop, and live changes
 * of learning rates and k/n. The studio calls these from the FX thread; the loop reads them between iterations.
 */
public final class RunControl {
    /** What the loop should do next. */
    public enum Action { ITERATE, STEP_D, STEP_G, STOP }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private boolean stopRequested;
    private Action pendingStep;
    private Float newLrG, newLrD;
    private Integer newK, newN;

    public void pause() { update(() -> paused = true); }

    public void resume() { update(() -> paused = false); }

    public void stop() { update(() -> stopRequested = true); }

    public boolean paused() { lock.lock(); try { return paused; } finally { lock.unlock(); } }

    public boolean stopRequested() { lock.lock(); try { return stopRequested; } finally { lock.unlock(); } }

    /** While paused: run one iteration (ITERATE), one D step (STEP_D) or one G step (STEP_G). */
    public void step(Action kind) { update(() -> pendingStep = kind); }

    public void setLearningRates(float lrG, float lrD) { update(() -> { newLrG = lrG; newLrD = lrD; }); }

    public void setSteps(int k, int n) { update(() -> { newK = k; newN = n; }); }

    /** Blocks while paused with no step pending; returns the next action. */
    Action next() throws InterruptedException {
        lock.lock();
        try {
            while (!stopRequested && paused && pendingStep == null) changed.await();
            if (stopRequested) return Action.STOP;
            if (pendingStep != null) {
                Action a = pendingStep;
                pendingStep = null;
                return a;
            }
            return Action.ITERATE;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies pending live changes (on the training thread): new base learning rates, and k/n. The effective rates are
     * the base rates times {@code lrFactor} (the configured decay).
     */
    void applyTo(GanSession session, float[] baseRates, double lrFactor) {
        lock.lock();
        try {
            if (newLrG != null) baseRates[0] = newLrG;
            if (newLrD != null) baseRates[1] = newLrD;
            session.generatorOptimizer().setLearningRate((float) (baseRates[0] * lrFactor));
            session.discriminatorOptimizer().setLearningRate((float) (baseRates[1] * lrFactor));
            if (newK != null && newN != null) session.setSteps(newK, newN);
            newLrG = newLrD = null;
            newK = newN = null;
        } finally {
            lock.unlock();
        }
    }

    private void update(Runnable r) {
        lock.lock();
        try {
            r.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
