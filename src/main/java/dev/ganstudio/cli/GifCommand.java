package dev.ganstudio.cli;

import dev.ganstudio.core.export.GifExport;
import dev.ganstudio.core.train.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "gif", description = "Animate a run's per-epoch sample images into a GIF.")
final class GifCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--delay", defaultValue = "400", description = "milliseconds per frame (default ${DEFAULT-VALUE})")
    int delay;

    @Override
    public Integer call() throws Exception {
        List<Path> pngs = RunFiles.epochSamples(runDir);
        if (pngs.isEmpty()) throw new IllegalArgumentException(runDir + ": no samples/epoch-NNNN.png yet — train at least one epoch");
        List<BufferedImage> frames = new ArrayList<>();
        for (Path p : pngs) {
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null) throw new IllegalArgumentException(p + ": not a readable PNG");
            frames.add(img);
        }
        GifExport.write(GifExport.onCommonCanvas(frames), out, delay, true);
        System.out.println(out + " (" + frames.size() + " frames)");
        return 0;
    }
}
