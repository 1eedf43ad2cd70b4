package dev.ganstudio.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Chooses the device to train on: the first GPU when the loaded PyTorch natives see one, else the CPU. */
public final class Devices {
    private Devices() {}

    public static Device training() {
        Engine engine = EngineSetup.engine();
        return engine.getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
    }
}
