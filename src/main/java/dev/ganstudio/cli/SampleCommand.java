package dev.ganstudio.cli;

import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.export.PngExport;
import dev.ganstudio.core.metrics.DistributionReport;
import dev.ganstudio.core.train.TrainedGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "sample", description = "Draw samples from a run's latest checkpoint into a PNG grid (1-D runs: histograms against the target, with KS and W1).")
final class SampleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--png", required = true, paramLabel = "FILE")
    Path png;

    @Option(names = "--n", defaultValue = "64", description = "number of samples (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--seed", defaultValue = "1", description = "noise seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--class", paramLabel = "K", description = "class index or name for conditional models (default: all classes in turn)")
    String classLabel;

    @Option(names = "--truncation", paramLabel = "PSI", description = "truncation trick: redraw noise components beyond ±PSI "
            + "standard deviations (0.1-5; smaller gives more typical, less varied samples; default: none)")
    Double truncation;

    @Override
    public Integer call() throws Exception {
        if (n <= 0 || n > 4096) throw new IllegalArgumentException("--n must be in 1..4096, got " + n);
        try (TrainedGenerator g = TrainedGenerator.open(runDir)) {
            Latents latents = Latents.random(g.config(), n, seed, truncation);
            long[] labels = Latents.labels(g, n, classLabel);
            float[] samples = g.generate(latents.z(), labels, n);
            if (g.config().data() instanceof DistributionSource target) {
                String title = "samples, seed " + seed + (truncation == null ? "" : ", truncation " + truncation);
                Renders.OneDimensional picture = Renders.oneDimensional(g, target, samples, latents.z(), seed, title);
                PngExport.write(picture.image(), png);
                DistributionReport r = picture.report();
                System.out.printf(Locale.ROOT, "%d values: mean %.3f, std %.3f (target %s); KS %.4f, W1 %.4f%s%n", samples.length,
                        r.mean(), r.std(), target.distribution().describe(), r.ks(), r.w1(),
                        r.modeMass().isEmpty() ? "" : ", mass per mode " + r.modeMass().stream()
                                .map(m -> String.format(Locale.ROOT, "%.3f", m)).toList());
            } else {
                PngExport.write(Renders.samples(g, samples, n), png);
            }
        }
        System.out.println(png);
        return 0;
    }
}
