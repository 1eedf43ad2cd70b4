package dev.ganstudio.cli;

import dev.ganstudio.core.bench.Benchmark;
import dev.ganstudio.core.bench.Soak;
import dev.ganstudio.core.model.StepFlops;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.AssetLocator;
import dev.ganstudio.core.data.DatasetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "bench", description = {
        "Times training steps of the MLP GAN (sample-configs/mnist-mlp-gan.json, batch 512) and the 28x28 DCGAN "
                + "(sample-configs/mnist-dcgan.json) against the machine's float32 matrix-multiply throughput, measured "
                + "in the same run with the same engine.",
        "With --soak N: runs N steps of the MLP GAN (batch 64 unless --batch) and reports resident memory and DJL's "
                + "managed-array count at the start, after warm-up and at the end.",
        "Timings are wall-clock; on a shared machine other processes make them noisy."})
final class BenchCommand implements Callable<Integer> {
    static final String MLP = "mlp_gan", DCGAN = "dcgan";
    private static final Map<String, String> CONFIGS = Map.of(MLP, "mnist-mlp-gan", DCGAN, "mnist-dcgan");

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Option(names = "--soak", paramLabel = "N", description = "run a memory soak of N steps instead of the speed benchmark")
    Integer soak;

    @Option(names = "--batch", paramLabel = "B", description = "batch size (default: 512 for the MLP GAN, the config's for the DCGAN, 64 for --soak)")
    Integer batch;

    @Option(names = "--models", paramLabel = "LIST", split = ",", description = "which models to time (default: mlp_gan,dcgan)")
    List<String> models = List.of(MLP, DCGAN);

    @Option(names = "--steps", paramLabel = "S", description = "iterations timed against the GEMM (default: 40)")
    int steps = Benchmark.Settings.defaults().timedSteps();

    @Option(names = "--data-steps", paramLabel = "S", description = "iterations fed by the batch prefetcher to measure data waits "
            + "(default: 30, rounded up to whole epochs when an epoch is shorter)")
    int dataSteps = Benchmark.Settings.defaults().dataSteps();

    @Option(names = "--warmup", paramLabel = "W", description = "untimed iterations first (default: 20; for --soak the minimum warm-up: 500 or a tenth of N, "
            + "extended to the first garbage collection after it)")
    Integer warmup;

    @Option(names = "--flops", description = "also list the counted matmul FLOPs of each part of an iteration")
    boolean listFlops;

    @Option(names = "--configs", paramLabel = "DIR", description = "folder with the sample configs (default: ./sample-configs, else next to the assets folder)")
    Path configs;

    @Override
    public Integer call() throws Exception {
        for (String m : models) {
            if (!CONFIGS.containsKey(m)) throw new IllegalArgumentException("--models: unknown model '" + m + "' (use " + MLP + " or " + DCGAN + ")");
        }
        PrintStream err = System.err;
        Consumer<String> progress = err::println; // stderr, so that --json output stays clean
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("device", Benchmark.device().toString());
        out.put("threads", Benchmark.threads());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        Double loadBefore = loadAverage();
        if (soak != null) {
            ExperimentConfig c = config(MLP, batch == null ? 64 : batch);
            int w = warmup == null ? Soak.defaultWarmup(soak) : warmup;
            Soak.Result r = Soak.run(c, soak, w, Math.max(1, Math.min(100, soak / 100)), progress);
            out.put("soak", soakJson(r));
            putLoad(out, loadBefore);
            if (json) System.out.println(ConfigIO.mapper().writeValueAsString(out));
            else printSoak(r, out);
            return 0;
        }
        Benchmark.Settings settings = new Benchmark.Settings(warmup == null ? Benchmark.Settings.defaults().warmupSteps() : warmup,
                steps, Benchmark.Settings.defaults().gemmPerStep(), dataSteps);
        List<Benchmark.Result> results = new ArrayList<>();
        for (String m : models) {
            Integer b = batch != null ? batch : (m.equals(MLP) ? Integer.valueOf(512) : null);
            Benchmark.Result r = Benchmark.run(m, config(m, b), settings, progress);
            results.add(r);
            out.put(m, resultJson(r));
        }
        putLoad(out, loadBefore);
        if (json) System.out.println(ConfigIO.mapper().writeValueAsString(out));
        else printTable(results, out);
        return 0;
    }

    private ExperimentConfig config(String model, Integer batchSize) throws Exception {
        Path dir = configs != null ? configs : defaultConfigDir();
        ExperimentConfig c = ConfigIO.load(dir.resolve(CONFIGS.get(model) + ".json"));
        return batchSize == null ? c : c.withTraining(c.training().withBatchSize(batchSize));
    }

    private static Path defaultConfigDir() throws DatasetException {
        Path local = Path.of("sample-configs");
        if (Files.isDirectory(local)) return local;
        return AssetLocator.locate().resolveSibling("sample-configs");
    }

    static Map<String, Object> resultJson(Benchmark.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", r.config());
        m.put("batch", r.batch());
        m.put("timed_steps", r.steps());
        m.put("ms_per_step", round(r.msPerStep(), 2));
        m.put("ms_per_step_min", round(r.msPerStepMin(), 2));
        m.put("images_per_second", round(r.imagesPerSecond(), 1));
        m.put("gemm_shape", r.gemmShape());
        m.put("gemm_gflops", round(r.gemmGflops(), 1));
        m.put("gemm_gflops_max", round(r.gemmGflopsMax(), 1));
        m.put("flops_per_step", r.flopsPerStep());
        m.put("gemm_bound_ms", round(r.gemmBoundMs(), 2));
        m.put("efficiency", round(r.efficiency(), 3));
        if (r.replayMs() != null) {
            m.put("matmul_replay_ms", round(r.replayMs(), 2));
            m.put("matmul_replay_gflops", round(r.replayGflops(), 1));
            m.put("efficiency_vs_replay", round(r.replayEfficiency(), 3));
        }
        m.put("data_wait_fraction", round(r.dataWaitFraction(), 4));
        m.put("data_steps", r.dataSteps());
        m.put("cpu_ms_per_step", round(r.cpuMsPerStep(), 1));
        m.put("cpu_efficiency", round(r.cpuEfficiency(), 3));
        m.put("cores_used_steps", round(r.coresUsedSteps(), 2));
        m.put("cores_used_gemm", round(r.coresUsedGemm(), 2));
        return m;
    }

    static Map<String, Object> soakJson(Soak.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", r.config());
        m.put("steps", r.steps());
        m.put("batch", r.batch());
        m.put("warmup_steps", r.warmupSteps());
        m.put("ms_per_step", round(r.msPerStep(), 2));
        Map<String, Object> rss = new LinkedHashMap<>();
        rss.put("start", round(r.start().rssMb(), 1));
        rss.put("after_warmup", round(r.afterWarmup().rssMb(), 1));
        rss.put("end", round(r.end().rssMb(), 1));
        rss.put("max_after_warmup", round(r.maxRssMbAfterWarmup(), 1));
        m.put("rss_mb", rss);
        m.put("rss_growth_mb", round(r.rssGrowthMb(), 1));
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("start", r.start().managedArrays());
        arrays.put("after_warmup", r.afterWarmup().managedArrays());
        arrays.put("end", r.end().managedArrays());
        arrays.put("min_after_warmup", r.minArraysAfterWarmup());
        arrays.put("max_after_warmup", r.maxArraysAfterWarmup());
        m.put("managed_arrays", arrays);
        m.put("managed_arrays_constant", r.arraysConstant());
        m.put("samples_after_warmup", r.samples());
        m.put("gc_count", r.gcCount());
        return m;
    }

    private void printTable(List<Benchmark.Result> results, Map<String, Object> out) {
        PrintStream o = System.out;
        o.printf("device %s, %s intra-op threads, %s cores%s%n", out.get("device"), out.get("threads"), out.get("cores"), loadText(out));
        if (!results.isEmpty()) o.println("GEMM reference: float32 " + results.get(0).gemmShape() + ", same engine and threads, "
                + "timed after every timed iteration");
        o.printf("%-8s %5s %9s %9s %10s %10s %9s %10s %9s%n", "model", "batch", "ms/step", "images/s", "GEMM GF/s",
                "GFLOP/step", "bound ms", "efficiency", "data wait");
        for (Benchmark.Result r : results) {
            o.printf("%-8s %5d %9.1f %9.0f %10.1f %10.2f %9.1f %10.2f %8.2f%%%n", r.name(), r.batch(), r.msPerStep(),
                    r.imagesPerSecond(), r.gemmGflops(), r.flopsPerStep() / 1e9, r.gemmBoundMs(), r.efficiency(),
                    100 * r.dataWaitFraction());
        }
        o.println("ms/step: median of the timed iterations (1 D step + 1 G step); bound = matmul FLOPs / median GEMM throughput;");
        o.println("efficiency = bound / ms/step; images/s and data wait: prefetcher-fed loop.");
        o.println();
        o.printf("%-8s %16s %11s %15s %14s%n", "model", "matmul replay ms", "CPU ms/step", "cores used", "CPU efficiency");
        for (Benchmark.Result r : results) {
            o.printf("%-8s %16s %11.1f %7.2f / %.2f %14.2f%n", r.name(),
                    r.replayMs() == null ? "n/a" : String.format("%.1f (%.2f)", r.replayMs(), r.replayEfficiency()),
                    r.cpuMsPerStep(), r.coresUsedSteps(), r.coresUsedGemm(), r.cpuEfficiency());
        }
        o.println("matmul replay: the step's own matrix products alone (dense networks only), in brackets replay / ms/step;");
        o.println("cores used = process CPU time / wall time during the iterations / during the GEMMs (below the thread count:");
        o.println("other processes took the rest); CPU efficiency = bound / step like efficiency, but in CPU time.");
        if (listFlops) {
            for (Benchmark.Result r : results) {
                o.println();
                o.println(r.name() + " matmul FLOPs per iteration (batch " + r.batch() + "):");
                for (StepFlops.Term t : r.flops().terms()) o.printf("  %-36s %8.3f GFLOP%n", t.name(), t.flops() / 1e9);
                o.printf("  %-36s %8.3f GFLOP%n", "total", r.flopsPerStep() / 1e9);
            }
        }
    }

    private static void printSoak(Soak.Result r, Map<String, Object> out) {
        PrintStream o = System.out;
        o.printf("soak: %s, %d steps at batch %d on %s (%s threads), %.1f ms/step%s%n", r.config(), r.steps(),
                r.batch(), out.get("device"), out.get("threads"), r.msPerStep(), loadText(out));
        o.printf("%-22s %8s %15s%n", "", "RSS MB", "managed arrays");
        o.printf("%-22s %8.1f %15d%n", "start", r.start().rssMb(), r.start().managedArrays());
        o.printf("%-22s %8.1f %15d%n", "after warm-up (" + r.warmupSteps() + ")", r.afterWarmup().rssMb(), r.afterWarmup().managedArrays());
        o.printf("%-22s %8.1f %15d%n", "end", r.end().rssMb(), r.end().managedArrays());
        o.printf("after warm-up: RSS %+.1f MB (max %.1f MB), managed arrays %d..%d over %d samples (%s)%n", r.rssGrowthMb(),
                r.maxRssMbAfterWarmup(), r.minArraysAfterWarmup(), r.maxArraysAfterWarmup(), r.samples(),
                r.arraysConstant() ? "constant" : "NOT constant");
    }

    private static String loadText(Map<String, Object> out) {
        if (!(out.get("load_average") instanceof Map<?, ?> load)) return "";
        return "; load average " + load.get("start") + " -> " + load.get("end") + " (other processes make timings noisy)";
    }

    private static void putLoad(Map<String, Object> out, Double before) {
        Double after = loadAverage();
        if (before == null || after == null) return;
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("start", before);
        load.put("end", after);
        out.put("load_average", load);
    }

    /** The 1-minute load average, to judge how busy the machine was, or null when unknown. */
    private static Double loadAverage() {
        try {
            return Double.valueOf(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double round(double v, int decimals) {
        if (!Double.isFinite(v)) return v;
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
