package dev.ganstudio.cli;

import dev.ganstudio.core.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "resume", description = "Continue a run from its latest checkpoint.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--epochs", paramLabel = "N", description = "train N more epochs (default: up to the config's epochs)")
    Integer epochs;

    @Override
    public Integer call() throws Exception {
        try (TrainingRun run = TrainingRun.resume(runDir, new ProgressPrinter(System.err));
             GracefulStop stop = new GracefulStop(run)) {
            int target = epochs != null ? run.epochsCompleted() + epochs : run.config().training().epochs();
            run.train(target);
        }
        System.out.println(runDir.resolve("summary.json"));
        return 0;
    }
}
