package dev.ganstudio.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.Locale;

/**
 * Bench mode ({@code -Dganstudio.bench=true}, with {@code -Dganstudio.experiment=FILE}): trains the experiment in
 * the real window, then prints the FX pulse gaps measured during training (max, p99, p50), the time spent in the
 * studio's own pulse handler and the latent slider render times, and exits. Use it under Xvfb to measure how
 * smooth the UI stays while a GAN trains.
 */
final class Bench {
    private Bench() {}

    static void install(StudioView view) {
        new AnimationTimer() {
            private boolean started;
            private long t0;

            @Override public void handle(long now) {
                TrainingService.State s = view.service.state();
                if (!started && s == TrainingService.State.RUNNING) {
                    started = true;
                    view.probe.reset();
                    view.handlerProbe.reset();
                    t0 = now;
                }
                if (started && (s == TrainingService.State.FINISHED || s == TrainingService.State.FAILED || s == TrainingService.State.STOPPED)) {
                    stop();
                    PulseProbe p = view.probe, h = view.handlerProbe;
                    System.out.printf(Locale.ROOT, "[bench] %s: %d steps; FX pulse gaps while training: %d pulses, max %.1f ms, p99 %.1f ms, p50 %.1f ms, %.1f pulses/s; "
                                    + "studio pulse handler max %.1f ms, p99 %.1f ms; torch threads %s; gaps over 50 ms: %d%n",
                            s, view.training.dLoss.size(), p.samples(), p.maxMillis(), p.p99Millis(), p.percentile(0.5), p.rate(),
                            h.maxMillis(), h.p99Millis(), System.getProperty("ai.djl.pytorch.num_threads"), p.longGaps().size());
                    StringBuilder gaps = new StringBuilder();
                    for (long[] g : p.longGaps()) gaps.append(String.format(Locale.ROOT, " %.0fms@%.1fs", g[1] / 1e6, (g[0] - t0) / 1e9));
                    System.out.println("[bench] gaps over 50 ms (length@time since training started):" + gaps);
                    System.out.flush();
                    Platform.exit();
                }
            }
        }.start();
    }
}
