package dev.ganstudio.core.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Times single-precision matrix multiplications {@code [m×k]·[k×n]} with the training engine, on the training device
 * and with its thread settings, to measure what the machine's GEMM reaches. Call on the training thread, with grad
 * mode off (no autograd graph is recorded).
 */
public final class GemmProbe implements AutoCloseable {
    private final NDManager manager;
    private final NDArray a;
    private final NDArray b;
    private final int m;
    private final int k;
    private final int n;
    private final boolean gpu;

    public GemmProbe(Device device, int m, int k, int n) {
        this.manager = NDManager.newBaseManager(device);
        this.m = m;
        this.k = k;
        this.n = n;
        this.a = manager.randomNormal(0f, 1f, new Shape(m, k), DataType.FLOAT32);
        this.b = manager.randomNormal(0f, 1f, new Shape(k, n), DataType.FLOAT32);
        this.gpu = device.isGpu();
    }

    /** FLOPs of one multiplication: {@code 2·m·k·n}. */
    public long flops() { return 2L * m * k * n; }

    public String shape() { return m + "x" + k + " * " + k + "x" + n; }

    /** Wall time of one multiplication in nanoseconds, including waiting for the device to finish. */
    public long timeOnce() {
        long t0 = System.nanoTime();
        try (NDArray c = a.matMul(b)) {
            if (gpu) {
                try (NDArray corner = c.get(0, 0)) {
                    corner.getFloat();
                }
            }
        }
        return System.nanoTime() - t0;
    }

    @Override
    public void close() {
        manager.close();
    }
}
