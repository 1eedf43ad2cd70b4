package dev.ganstudio.core.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ganstudio.core.model.LayerShape;
import dev.ganstudio.core.model.StepFlops;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs exactly the matrix products of one training iteration ({@link StepFlops#matmuls()}), with the same shapes and
 * operand layouts as autograd uses, and nothing else: the time a step would take if it were only its matmuls. Only for
 * networks whose matmul layers are all dense (a convolution's backward products cannot be issued on their own through
 * DJL). Operands are random, allocated once per layer and reused. Call on the training thread with grad mode off.
 *
 * <p>For a dense layer {@code [M×in] → [M×out]} with weight {@code W [out×in]} (M = batch × leading axes):
 * forward {@code X·Wᵀ}, input gradient {@code G·W}, weight gradient {@code Gᵀ·X}.
 */
public final class GemmReplay implements AutoCloseable {
    private record Operands(NDArray x, NDArray w, NDArray wT, NDArray grad, NDArray gradT) {}

    private final NDManager manager;
    private final List<StepFlops.Matmul> matmuls;
    private final Map<LayerShape, Operands> operands = new IdentityHashMap<>();
    private final boolean gpu;

    private GemmReplay(Device device, List<StepFlops.Matmul> matmuls) {
        this.manager = NDManager.newBaseManager(device);
        this.matmuls = matmuls;
        this.gpu = device.isGpu();
        for (StepFlops.Matmul m : matmuls) operands.computeIfAbsent(m.layer(), this::allocate);
    }

    /** A replay of the iteration's products, or empty when some of them are convolutions. */
    public static Optional<GemmReplay> of(Device device, StepFlops flops) {
        List<StepFlops.Matmul> list = flops.matmuls();
        if (list.isEmpty() || !list.stream().allMatch(StepFlops.Matmul::dense)) return Optional.empty();
        return Optional.of(new GemmReplay(device, new ArrayList<>(list)));
    }

    private Operands allocate(LayerShape row) {
        int[] in = row.input(), out = row.output();
        long m = (long) matmuls.get(0).batch();
        for (int i = 0; i < in.length - 1; i++) m *= in[i];
        long fanIn = in[in.length - 1], fanOut = out[out.length - 1];
        NDArray w = manager.randomNormal(0f, 1f, new Shape(fanOut, fanIn), DataType.FLOAT32);
        NDArray grad = manager.randomNormal(0f, 1f, new Shape(m, fanOut), DataType.FLOAT32);
        // transposed views, as autograd passes them to the matmul kernel (no copies)
        return new Operands(manager.randomNormal(0f, 1f, new Shape(m, fanIn), DataType.FLOAT32), w, w.transpose(), grad,
                grad.transpose());
    }

    /** Wall time of all the iteration's products, one after the other, in nanoseconds. */
    public long timeOnce() {
        long t0 = System.nanoTime();
        try (NDManager scope = manager.newSubManager()) {
            NDArray last = null;
            for (StepFlops.Matmul m : matmuls) {
                Operands o = operands.get(m.layer());
                NDArray product = switch (m.kind()) {
                    case FORWARD -> o.x().matMul(o.wT());
                    case INPUT_GRAD -> o.grad().matMul(o.w());
                    case WEIGHT_GRAD -> o.gradT().matMul(o.x());
                };
                scope.attachAll(product);
                if (last != null) last.close();
                last = product;
            }
            if (gpu && last != null) {
                try (NDArray corner = last.get(0, 0)) {
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
