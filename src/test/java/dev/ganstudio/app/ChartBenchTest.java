package dev.ganstudio.app;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.ganstudio.app.StudioTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the canvas chart at 100k points per series (4 series, as in the studio, 800×400 each): an AnimationTimer
 * appends 10 points per series per pulse and redraws, like the studio while it trains. Prints updates/s; asserts only
 * that it redraws (no wall-clock assertion, the machine is shared).
 */
class ChartBenchTest {
    @Test
    void decimatedChartKeepsUpWith100kPoints() throws Exception {
        FxToolkit.registerPrimaryStage();
        ChartCanvas[] charts = new ChartCanvas[2];
        SeriesData[] series = new SeriesData[4];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            charts[0] = new ChartCanvas("Losses");
            charts[1] = new ChartCanvas("Discriminator outputs");
            series[0] = charts[0].addSeries("D loss", Color.BLUE);
            series[1] = charts[0].addSeries("G loss", Color.ORANGE);
            series[2] = charts[1].addSeries("D(x)", Color.GREEN);
            series[3] = charts[1].addSeries("D(G(z))", Color.RED);
            Random rng = new Random(1);
            for (int i = 0; i < 100_000; i++) {
                for (int s = 0; s < 4; s++) series[s].add(i, value(rng, i, s));
            }
            for (ChartCanvas c : charts) { c.setSmoothing(0.6); c.setPrefSize(800, 400); }
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new VBox(charts[0], charts[1]), 820, 820));
            stage[0].show();
            return null;
        });
        Result base = run(new ChartCanvas[0], new SeriesData[0], 2);
        System.out.printf(Locale.ROOT, "[studio] chart bench baseline (no chart work): %.1f pulses/s; load %.1f%n", base.rate,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        run(charts, series, 2); // warm-up (JIT)
        for (boolean log : new boolean[] {false, true}) {
            onFx(() -> { charts[0].setLogY(log); return null; });
            Result r = run(charts, series, 3);
            System.out.printf(Locale.ROOT, "[studio] chart bench (%s y): %d points/series, %.1f updates/s over %.1f s (%d frames), redraw of both charts %.2f ms avg (%.2f ms CPU), %.2f ms max; load %.1f%n",
                    log ? "log" : "linear", series[0].size(), r.rate, r.seconds, r.frames, r.avgMs, r.cpuMs, r.maxMs,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            assertTrue(r.frames > 0);
        }
        onFx(() -> { stage[0].close(); return null; });
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private record Result(int frames, double seconds, double rate, double avgMs, double maxMs, double cpuMs) {}

    private static Result run(ChartCanvas[] charts, SeriesData[] series, double seconds) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] stats = new long[5]; // frames, start, sum redraw nanos, max redraw nanos
        Random rng = new Random(2);
        onFx(() -> {
            new AnimationTimer() {
                @Override public void handle(long now) {
                    if (stats[1] == 0) stats[1] = now;
                    int base = series.length == 0 ? 0 : series[0].size();
                    for (int i = 0; i < 10; i++) for (int s = 0; s < series.length; s++) series[s].add(base + i, value(rng, base + i, s));
                    long t0 = System.nanoTime();
                    long c0 = CPU.getCurrentThreadCpuTime();
                    for (ChartCanvas c : charts) { c.markDirty(); c.redrawIfDirty(); }
                    long dt = System.nanoTime() - t0;
                    stats[4] += CPU.getCurrentThreadCpuTime() - c0;
                    stats[2] += dt;
                    stats[3] = Math.max(stats[3], dt);
                    stats[0]++;
                    if (now - stats[1] > seconds * 1e9) {
                        stop();
                        stats[1] = now - stats[1];
                        done.countDown();
                    }
                }
            }.start();
            return null;
        });
        done.await(60, TimeUnit.SECONDS);
        double s = stats[1] / 1e9;
        return new Result((int) stats[0], s, stats[0] / s, stats[2] / 1e6 / Math.max(1, stats[0]), stats[3] / 1e6, stats[4] / 1e6 / Math.max(1, stats[0]));
    }

    private static float value(Random rng, int i, int s) {
        double t = i / 1000.0;
        return (float) switch (s) {
            case 0 -> 0.7 + 0.5 / Math.log(t + 2.7) + 0.2 * rng.nextGaussian();
            case 1 -> 1.2 + 0.8 * Math.sin(t / 7) + 0.3 * rng.nextGaussian();
            case 2 -> 0.5 + 0.3 * Math.sin(t / 5) + 0.1 * rng.nextGaussian();
            default -> 0.3 + 0.2 * Math.cos(t / 5) + 0.1 * rng.nextGaussian();
        };
    }
}
