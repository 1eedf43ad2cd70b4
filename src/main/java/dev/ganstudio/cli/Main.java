package dev.ganstudio.cli;

import dev.ganstudio.core.train.EngineSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gan-studio}: the headless commands over the training engine. With no arguments it opens the studio window
 * ({@code dev.ganstudio.app.Launcher}); {@code gan-studio --help} prints usage.
 */
@Command(name = "gan-studio", mixinStandardHelpOptions = true, version = "GAN Studio 0.1.0",
        description = "Train, resume, sample and inspect GANs (DJL 0.25 / PyTorch 2.0.1).",
        subcommands = {TrainCommand.class, ResumeCommand.class, SampleCommand.class, InterpolateCommand.class,
                GifCommand.class, InfoCommand.class, EvalCommand.class, DigitsFolderCommand.class,
                BenchCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.ganstudio.app.Launcher.main(args);
            System.exit(0);
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 ok, 1 training failed, 2 bad input). */
    public static int run(String... args) {
        EngineSetup.engine();
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + CliErrors.describe(e));
            return CliErrors.exitCode(e);
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
