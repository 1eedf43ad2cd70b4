package dev.ganstudio.cli;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

@Command(name = "train", description = "Train an experiment config; writes a run directory.")
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment config (JSON), e.g. sample-configs/gaussian-1d.json")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/<name>-<time>)")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "override the config's epochs")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "override the config's seed")
    Long seed;

    @Option(names = "--data", paramLabel = "PATH", description = "override the config's data.path (image datasets)")
    String dataPath;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig c = ConfigIO.load(config);
        if (seed != null) c = c.withSeed(seed);
        if (dataPath != null) {
            if (!(c.data() instanceof ImageSource src)) throw new IllegalArgumentException("--data is for image datasets; this config trains on " + c.data().describe());
            c = c.withData(src.type().equals("bundled-digits") || src.type().equals("fashion-mnist")
                    ? new ImageSource("auto", dataPath, src.imageSize(), src.channels(), src.classes()) : src.withPath(dataPath));
        }
        if (epochs != null) c = c.withTraining(c.training().withEpochs(epochs));
        Path dir = out != null ? out : Path.of("runs", c.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (TrainingRun run = TrainingRun.create(c, dir, new ProgressPrinter(System.err));
             GracefulStop stop = new GracefulStop(run)) {
            run.train(c.training().epochs());
        }
        System.out.println(dir.resolve("summary.json"));
        return 0;
    }
}
