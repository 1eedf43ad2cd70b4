package dev.ganstudio.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.ganstudio.core.data.BuiltinDatasets;
import dev.ganstudio.core.data.ImageDataset;
import dev.ganstudio.core.train.Devices;
import dev.ganstudio.core.train.EngineSetup;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "info", description = "Engine, version, device, threads and the datasets found.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Engine engine = EngineSetup.engine();
        System.out.println("engine:   " + engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")");
        System.out.println("device:   " + Devices.training() + " (GPUs visible: " + engine.getGpuCount() + ")");
        System.out.println("threads:  intra-op " + JniUtils.getNumThreads() + ", inter-op " + JniUtils.getNumInteropThreads()
                + " (cores: " + Runtime.getRuntime().availableProcessors() + ")");
        System.out.println("offline:  " + System.getProperty("offline"));
        try {
            ImageDataset digits = BuiltinDatasets.bundledDigits();
            System.out.println("datasets: bundled-digits  " + digits.size() + " images " + digits.height() + "×" + digits.width()
                    + ", " + digits.numClasses() + " classes");
        } catch (Exception e) {
            System.out.println("datasets: bundled-digits  MISSING (" + e.getMessage() + ")");
        }
        System.out.println("          fashion-mnist   " + (BuiltinDatasets.fashionMnistAvailable()
                ? "installed (" + BuiltinDatasets.FASHION_MNIST_FOLDER + ")"
                : "not installed (apt-get install dataset-fashion-mnist)"));
        return 0;
    }
}
