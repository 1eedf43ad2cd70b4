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

    /** Stack samples of the FX and render threads taken while a pulse was late (what kept the UI busy). */
    private static final java.util.Map<String, Integer> LATE_SAMPLES = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile long lastPulse;
    private static volatile boolean training;

    private static void startWatchdog(Thread fx) {
        Thread w = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
                long late = System.nanoTime() - lastPulse;
                if (!training || lastPulse == 0 || late < 30_000_000L) continue;
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    String n = t.getName();
                    if (t != fx && !n.startsWith("QuantumRenderer") && !n.equals("latent-renderer") && !n.equals("studio-worker")) continue;
                    if (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING) continue;
                    StackTraceElement[] st = t.getStackTrace();
                    StringBuilder sb = new StringBuilder(t == fx ? "FX: " : n + ": ");
                    int shown = 0;
                    for (StackTraceElement e : st) {
                        if (shown++ >= 10) break;
                        sb.append(e.getClassName().replaceAll(".*\\.", "")).append('.').append(e.getMethodName()).append(" < ");
                    }
                    LATE_SAMPLES.merge(sb.toString(), 1, Integer::sum);
                }
            }
        }, "bench-watchdog");
        w.setDaemon(true);
        w.start();
    }

    /** Prints every move or resize of the big containers while training (each one repaints everything inside). */
    private static void watchLayout(javafx.scene.Node n, int depth) {
        if (depth > 6) return;
        n.boundsInParentProperty().addListener((o, a, b) -> {
            if (training && (b.getWidth() > 300 || b.getHeight() > 300 || System.nanoTime() - trainingStart < 2_000_000_000L)) {
                System.out.printf(Locale.ROOT, "[bench] layout change at %d ms: %s%s %s -> %s%n", (System.nanoTime() - trainingStart) / 1_000_000,
                        n.getClass().getSimpleName(), n.getId() == null ? "" : "#" + n.getId(), a, b);
            }
        });
        n.visibleProperty().addListener((o, a, b) -> {
            if (training) System.out.printf(Locale.ROOT, "[bench] visibility at %d ms: %s%s %s -> %s %s%n", (System.nanoTime() - trainingStart) / 1_000_000,
                    n.getClass().getSimpleName(), n.getId() == null ? "" : "#" + n.getId(), a, b, n.getBoundsInParent());
        });
        if (n instanceof javafx.scene.Parent p) for (javafx.scene.Node c : p.getChildrenUnmodifiable()) watchLayout(c, depth + 1);
    }

    private static volatile long trainingStart;

    /**
     * Slider moves (the acceptance line) apart from the re-renders a new epoch asks for, with the slow ones explained:
     * where their time went, when they were asked for, and (when the CPU probe ran) how much of them fell on a CPU stall.
     */
    private static void printSliderTimings(int nudges, java.util.List<LatentPanel.SliderTiming> timings,
                                           java.util.List<CpuStallProbe.Stall> cpuStalls, boolean probed) {
        long[] lat = timings.stream().filter(LatentPanel.SliderTiming::move).mapToLong(LatentPanel.SliderTiming::totalNanos).sorted().toArray();
        System.out.printf(Locale.ROOT, "[bench] latent slider moves while training: %d moves, %d re-renders shown, end to end max %.1f ms, p99 %.1f ms, p50 %.1f ms%n",
                nudges, lat.length, lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6,
                lat.length == 0 ? 0 : lat[Math.min(lat.length - 1, (int) Math.ceil(0.99 * lat.length) - 1)] / 1e6,
                lat.length == 0 ? 0 : lat[lat.length / 2] / 1e6);
        StringBuilder order = new StringBuilder(), slow = new StringBuilder();
        for (LatentPanel.SliderTiming t : timings) {
            order.append(' ').append(t.move() ? "" : "e").append(Math.round(t.totalNanos() / 1e6));
            if (t.totalNanos() > 30_000_000L) {
                slow.append(String.format(Locale.ROOT, " %s %.0f ms@%.2fs = wait %.0f + load G %.0f + render %.0f + to screen %.0f", t.move() ? "move" : "refresh",
                        t.totalNanos() / 1e6, (t.requestedNanos() - trainingStart) / 1e9, t.waitNanos() / 1e6, t.loadNanos() / 1e6, t.renderNanos() / 1e6,
                        (t.totalNanos() - t.waitNanos() - t.loadNanos() - t.renderNanos()) / 1e6));
                long stalled = CpuStallProbe.coveredOnOneCpu(t.requestedNanos(), t.requestedNanos() + t.totalNanos(), cpuStalls);
                if (stalled > 0) slow.append(String.format(Locale.ROOT, " (CPU stall %.0f ms of it)", stalled / 1e6));
                slow.append(';');
            }
        }
        if (probed) {
            long apart = timings.stream().filter(LatentPanel.SliderTiming::move)
                    .mapToLong(t -> t.totalNanos() - CpuStallProbe.coveredOnOneCpu(t.requestedNanos(), t.requestedNanos() + t.totalNanos(), cpuStalls))
                    .max().orElse(0);
            System.out.printf(Locale.ROOT, "[bench] longest slider move with CPU stalls taken out: %.1f ms%n", apart / 1e6);
        }
        System.out.println("[bench] latent slider re-renders in order (ms, e = refresh for a new epoch or sample):" + order);
        if (slow.length() > 0) System.out.println("[bench] slider re-renders over 30 ms:" + slow);
    }

    static void install(StudioView view) {
        // sampling stacks stops the JVM at a safepoint, which itself delays pulses: only on request
        if (Boolean.getBoolean("ganstudio.benchSamples")) startWatchdog(Thread.currentThread());
        if (Boolean.getBoolean("ganstudio.benchLayout")) {
            watchLayout(view.root(), 0);
            view.root().sceneProperty().addListener((o, a, sc) -> {
                if (sc != null) sc.focusOwnerProperty().addListener((oo, x, y) -> {
                    if (training) System.out.printf(Locale.ROOT, "[bench] focus at %d ms: %s -> %s%n", (System.nanoTime() - trainingStart) / 1_000_000, x, y);
                });
            });
        }
        // the bench also moves a latent slider twice a second once the first epoch's G is there, as a user exploring
        // while training would, and reports how long each move took to reach the screen
        boolean sliders = !"false".equals(System.getProperty("ganstudio.benchSliders"));
        if (sliders) view.latent.showSliders();
        // on request, a separate process tells the machine's CPU stalls from the studio's (off by default: it costs
        // the UI, see CpuStallProbe)
        CpuStallProbe cpuProbe = Boolean.getBoolean("ganstudio.benchCpuProbe") ? CpuStallProbe.start() : null;
        new AnimationTimer() {
            private boolean started;
            private long t0, lastNudge;
            private int nudges, epochsSeen;
            private final StringBuilder epochTimes = new StringBuilder();

            @Override public void handle(long now) {
                lastPulse = System.nanoTime();
                TrainingService.State s = view.service.state();
                training = started;
                if (!started && s == TrainingService.State.RUNNING) {
                    started = true;
                    view.probe.reset();
                    view.handlerProbe.reset();
                    t0 = now;
                    view.latent.sliderTimings().clear();
                    trainingStart = System.nanoTime();
                    System.out.println("[bench] training started at JVM uptime " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
                }
                if (started && view.epochsDone != epochsSeen) {
                    epochsSeen = view.epochsDone;
                    epochTimes.append(String.format(Locale.ROOT, " %.1fs", (now - t0) / 1e9));
                }
                if (started && sliders && now - lastNudge > 500_000_000L && s == TrainingService.State.RUNNING) {
                    lastNudge = now;
                    if (view.latent.nudgeSlider()) nudges++;
                }
                if (started && (s == TrainingService.State.FINISHED || s == TrainingService.State.FAILED || s == TrainingService.State.STOPPED)) {
                    stop();
                    PulseProbe p = view.probe, h = view.handlerProbe;
                    System.out.printf(Locale.ROOT, "[bench] %s: %d steps in %.1f s; FX pulse gaps while training: %d pulses, max %.1f ms, p99 %.1f ms, p50 %.1f ms, %.1f pulses/s; "
                                    + "studio pulse handler max %.1f ms, p99 %.1f ms; torch threads %s; render anchor %s; gaps over 50 ms: %d%n",
                            s, view.training.dLoss.size(), (now - t0) / 1e9, p.samples(), p.maxMillis(), p.p99Millis(), p.percentile(0.5), p.rate(),
                            h.maxMillis(), h.p99Millis(), System.getProperty("ai.djl.pytorch.num_threads"),
                            RenderAnchor.mode(), p.longGaps().size());
                    if (cpuProbe != null) cpuProbe.stop();
                    java.util.List<CpuStallProbe.Stall> cpuStalls = cpuProbe == null ? java.util.List.of()
                            : cpuProbe.stalls().stream().filter(c -> c.endNanos() > trainingStart).toList();
                    if (sliders) printSliderTimings(nudges, view.latent.sliderTimings(), cpuStalls, cpuProbe != null);
                    StringBuilder gaps = new StringBuilder();
                    long longestApart = 0;
                    int onStalls = 0;
                    for (long[] g : p.longGaps()) {
                        gaps.append(String.format(Locale.ROOT, " %.0fms@%.1fs", g[1] / 1e6, (g[0] - t0) / 1e9));
                        long stalled = CpuStallProbe.coveredOnOneCpu(g[0] - g[1], g[0], cpuStalls);
                        if (stalled > 0) {
                            onStalls++;
                            gaps.append(String.format(Locale.ROOT, " (CPU stall %.0f ms of it)", stalled / 1e6));
                        }
                    }
                    System.out.println("[bench] gaps over 50 ms (length@time since training started):" + gaps);
                    if (cpuProbe != null) {
                        for (long[] g : p.longest(Math.max(50, p.longGaps().size()))) {
                            longestApart = Math.max(longestApart, g[1] - CpuStallProbe.coveredOnOneCpu(g[0] - g[1], g[0], cpuStalls));
                        }
                        // every stall of 20 ms or more by name; the many short ones a real-time probe sees, counted
                        StringBuilder st = new StringBuilder();
                        for (CpuStallProbe.Stall c : cpuStalls) {
                            if (c.nanos() >= 20_000_000L) st.append(String.format(Locale.ROOT, " cpu%d %.0fms@%.2fs", c.cpu(), c.nanos() / 1e6, (c.startNanos() - trainingStart) / 1e9));
                        }
                        System.out.printf(Locale.ROOT, "[bench] CPU stalls (a %s probe thread pinned to the CPU woke over %d ms late; %d of %d CPUs watched): %d, "
                                        + "%d of 10 ms or more, %d of 20 ms or more:%s%n",
                                cpuProbe.realtime() ? "real-time" : "normal-priority",
                                cpuProbe.lateNanos() / 1_000_000, cpuProbe.pinned(), cpuProbe.cpus(), cpuStalls.size(),
                                cpuStalls.stream().filter(c -> c.nanos() >= 10_000_000L).count(), cpuStalls.stream().filter(c -> c.nanos() >= 20_000_000L).count(), st);
                        System.out.printf(Locale.ROOT, "[bench] gaps over 50 ms on a CPU stall: %d of %d; longest gap with CPU stalls taken out (the most-stalled CPU's under each gap): %.1f ms%n",
                                onStalls, p.longGaps().size(), longestApart / 1e6);
                    }
                    StringBuilder top = new StringBuilder();
                    for (long[] g : p.longest(5)) top.append(String.format(Locale.ROOT, " %.1fms@%.2fs", g[1] / 1e6, (g[0] - t0) / 1e9));
                    System.out.println("[bench] longest gaps:" + top + "; epochs shown at" + epochTimes);
                    if (Boolean.getBoolean("ganstudio.benchRaw")) {
                        StringBuilder raw = new StringBuilder();
                        for (long[] g : p.longest(Integer.getInteger("ganstudio.benchRawCount", 60))) raw.append(' ').append(g[0]).append(':').append(g[1]);
                        System.out.println("[bench] raw longest gaps (end nanoTime:length ns):" + raw);
                    }
                    LATE_SAMPLES.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                            .forEach(e -> System.out.println("[bench] late-pulse sample x" + e.getValue() + ": " + e.getKey()));
                    System.out.flush();
                    Platform.exit();
                }
            }
        }.start();
    }
}
