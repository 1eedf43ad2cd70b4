package dev.ganstudio.cli;

import dev.ganstudio.core.export.GifExport;
import dev.ganstudio.core.export.PngExport;
import dev.ganstudio.core.export.ImageBatch;
import dev.ganstudio.core.export.SampleGrid;
import dev.ganstudio.core.model.LatentMath;
import dev.ganstudio.core.train.TrainedGenerator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "interpolate", description = "Walk the latent space between two seeds' noise vectors; write a PNG strip or a GIF.")
final class InterpolateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--from", required = true, paramLabel = "S1", description = "seed of the start vector")
    long from;

    @Option(names = "--to", required = true, paramLabel = "S2", description = "seed of the end vector")
    long to;

    @Option(names = "--steps", defaultValue = "10", paramLabel = "N", description = "points on the path, ends included (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--slerp", description = "spherical interpolation (default: linear)")
    boolean slerp;

    @Option(names = "--class", paramLabel = "K", description = "class for conditional models (default 0)")
    String classLabel;

    @Option(names = "--truncation", paramLabel = "PSI", description = "truncation trick for both ends: redraw noise components "
            + "beyond ±PSI standard deviations (0.1-5; default: none)")
    Double truncation;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Output output;

    static final class Output {
        @Option(names = "--gif", paramLabel = "FILE") Path gif;
        @Option(names = "--png", paramLabel = "FILE") Path png;
    }

    @Override
    public Integer call() throws Exception {
        if (steps < 2 || steps > 512) throw new IllegalArgumentException("--steps must be in 2..512, got " + steps);
        try (TrainedGenerator g = TrainedGenerator.open(runDir)) {
            if (g.spec().sampleShape().length != 3) throw new IllegalArgumentException("interpolate draws images; this run is 1-D");
            float[] a = Latents.random(g.config(), 1, from, truncation).vector(0);
            float[] b = Latents.random(g.config(), 1, to, truncation).vector(0);
            float[][] path = LatentMath.path(a, b, steps, slerp);
            int dim = a.length;
            float[] z = new float[steps * dim];
            for (int i = 0; i < steps; i++) System.arraycopy(path[i], 0, z, i * dim, dim);
            long[] labels = g.config().conditional() ? Latents.labels(g, steps, classLabel == null ? "0" : classLabel) : null;
            float[] images = g.generate(z, labels, steps);
            Path out;
            if (output.png != null) {
                PngExport.write(Renders.strip(g, images, steps), output.png);
                out = output.png;
            } else {
                int[] s = g.spec().sampleShape();
                int size = s[0] * s[1] * s[2];
                List<BufferedImage> frames = new ArrayList<>();
                for (int i = 0; i < steps; i++) {
                    float[] one = new float[size];
                    System.arraycopy(images, i * size, one, 0, size);
                    frames.add(new SampleGrid(1, 0, SampleGrid.DEFAULT_BACKGROUND, Math.max(4, g.config().samples().scale() * 2)).render(new ImageBatch(one, 1, s[0], s[1], s[2])));
                }
                GifExport.write(frames, output.gif, 120, true);
                out = output.gif;
            }
            System.out.println(out);
        }
        return 0;
    }
}
