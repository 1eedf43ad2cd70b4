package dev.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import dev.ganstudio.core.config.layer.ActivationLayer;
import dev.ganstudio.core.config.layer.BatchNormLayer;
import dev.ganstudio.core.config.layer.ConvLayer;
import dev.ganstudio.core.config.layer.DenseLayer;
import dev.ganstudio.core.config.layer.DropoutLayer;
import dev.ganstudio.core.config.layer.FlattenLayer;
import dev.ganstudio.core.config.layer.LayerSpec;
import dev.ganstudio.core.config.layer.MeanPoolLayer;
import dev.ganstudio.core.config.layer.MinibatchFeaturesLayer;
import dev.ganstudio.core.config.layer.ReshapeLayer;
import dev.ganstudio.core.config.layer.SortLayer;
import dev.ganstudio.core.config.layer.UpsampleLayer;

import java.util.List;

/** Turns config layers into DJL blocks. */
public final class LayerBlocks {
    private LayerBlocks() {}

    public static SequentialBlock sequence(List<LayerSpec> layers) {
        SequentialBlock seq = new SequentialBlock();
        for (LayerSpec layer : layers) seq.add(block(layer));
        return seq;
    }

    public static Block block(LayerSpec layer) {
        if (layer instanceof DenseLayer d) {
            return Linear.builder().setUnits(d.units()).optBias(d.bias()).build();
        }
        if (layer instanceof ConvLayer c) {
            return Conv2d.builder().setFilters(c.filters()).setKernelShape(new Shape(c.kernel(), c.kernel()))
                    .optStride(new Shape(c.stride(), c.stride())).optPadding(new Shape(c.padding(), c.padding()))
                    .optBias(c.bias()).build();
        }
        if (layer instanceof UpsampleLayer u) {
            return u.insertsZeros()
                    ? new LambdaBlock(l -> new NDList(insertZeros(l.singletonOrThrow())), "upsample-zeros")
                    : new LambdaBlock(l -> new NDList(l.singletonOrThrow().repeat(2, 2).repeat(3, 2)), "upsample-nearest");
        }
        if (layer instanceof BatchNormLayer b) {
            // DJL uses the MXNet convention: momentum 0.9 here is PyTorch's 0.1.
            return BatchNorm.builder().optMomentum((float) (1 - b.momentum())).optEpsilon(1e-5f).build();
        }
        if (layer instanceof ActivationLayer a) {
            return switch (a.fn()) {
                case "relu" -> Activation.reluBlock();
                case "leaky-relu" -> Activation.leakyReluBlock(a.slope().floatValue());
                case "tanh" -> Activation.tanhBlock();
                case "sigmoid" -> Activation.sigmoidBlock();
                default -> throw new IllegalArgumentException("unknown activation " + a.fn());
            };
        }
        if (layer instanceof DropoutLayer d) {
            return Dropout.builder().optRate(d.rate().floatValue()).build();
        }
        if (layer instanceof ReshapeLayer r) {
            int[] target = r.target();
            return new LambdaBlock(l -> {
                NDArray x = l.singletonOrThrow();
                long[] dims = new long[target.length + 1];
                dims[0] = x.getShape().get(0);
                for (int i = 0; i < target.length; i++) dims[i + 1] = target[i];
                return new NDList(x.reshape(new Shape(dims)));
            }, "reshape");
        }
        if (layer instanceof FlattenLayer) {
            return Blocks.batchFlattenBlock();
        }
        if (layer instanceof MinibatchFeaturesLayer f) {
            boolean pairs = f.pairs();
            if (f.gaps()) return new LambdaBlock(l -> new NDList(sortedWithGaps(l.singletonOrThrow())), "minibatch-features");
            return new LambdaBlock(l -> {
                NDArray x = l.singletonOrThrow();
                NDArray spread = x.sub(x.mean(new int[] {1}, true)).square();
                return new NDList(pairs ? NDArrays.stack(new NDList(x, spread), 2) : NDArrays.concat(new NDList(x, spread), 1));
            }, "minibatch-features");
        }
        if (layer instanceof SortLayer) {
            return new LambdaBlock(l -> new NDList(l.singletonOrThrow().sort(1)), "sort");
        }
        if (layer instanceof MeanPoolLayer) {
            return new LambdaBlock(l -> new NDList(l.singletonOrThrow().mean(new int[] {1})), "mean-pool");
        }
        throw new IllegalArgumentException("no block for layer " + layer);
    }

    /** N×C×H×W → N×C×2H×2W with each input pixel at an even position and zeros between (fractional stride ½). */
    static NDArray insertZeros(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        NDArray wide = NDArrays.concat(new NDList(x.expandDims(4), x.zerosLike().expandDims(4)), 4).reshape(n, c, h, 2 * w);
        return NDArrays.concat(new NDList(wide.expandDims(3), wide.zerosLike().expandDims(3)), 3).reshape(n, c, 2 * h, 2 * w);
    }

    /** [batch, n] → [batch, n, 3]: sorted values, (x − mean)², n × distance to the nearest neighbour. */
    static NDArray sortedWithGaps(NDArray x) {
        long n = x.getShape().get(1);
        NDArray sorted = x.sort(1);
        NDArray spread = sorted.sub(sorted.mean(new int[] {1}, true)).square();
        NDArray gap = sorted.get(":, 1:").sub(sorted.get(":, :-1")); // [batch, n-1]
        NDArray left = NDArrays.concat(new NDList(gap.get(":, :1"), gap), 1);  // the first value has only a right neighbour
        NDArray right = NDArrays.concat(new NDList(gap, gap.get(":, -1:")), 1); // the last only a left one
        NDArray nearest = left.minimum(right).mul((float) n);
        return NDArrays.stack(new NDList(sorted, spread, nearest), 2);
    }
}
