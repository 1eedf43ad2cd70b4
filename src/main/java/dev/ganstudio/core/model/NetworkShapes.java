package dev.ganstudio.core.model;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.NetworkConfig;
import dev.ganstudio.core.config.layer.LayerSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shape inference for a generator or discriminator, without building it: each layer's output shape and parameter
 * count, the input the layers see (after a label embedding is joined), and totals. The architecture editor shows
 * this table; training refuses to start when {@link #check} fails.
 */
public record NetworkShapes(String role, int[] layerInput, List<LayerShape> rows, long embeddingParameters) {

    public long totalParameters() {
        return embeddingParameters + rows.stream().mapToLong(LayerShape::parameters).sum();
    }

    public int[] output() { return rows.isEmpty() ? layerInput : rows.get(rows.size() - 1).output(); }

    /** Shapes of G: the latent vector (plus label embedding) through G's layers. */
    public static NetworkShapes generator(ExperimentConfig c, int[] dataShape, int numClasses) throws ArchitectureException {
        NetworkConfig g = c.generator();
        int z = c.latent().dim();
        int emb = g.conditional() ? g.conditioning().embedding() : 0;
        long embParams = g.conditional() ? (long) (numClasses + 1) * emb : 0;
        return infer("generator", g, new int[] {z + emb}, embParams);
    }

    /** Shapes of D: one data sample (plus label embedding) through D's layers. */
    public static NetworkShapes discriminator(ExperimentConfig c, int[] dataShape, int numClasses) throws ArchitectureException {
        NetworkConfig d = c.discriminator();
        int[] in = dataShape;
        long embParams = 0;
        if (d.conditional()) {
            if (d.conditioning().asChannel()) {
                if (dataShape.length != 3) {
                    throw new ArchitectureException("discriminator.conditioning.mode 'channel' needs image data, the data is " + LayerSpec.show(dataShape));
                }
                in = new int[] {dataShape[0] + 1, dataShape[1], dataShape[2]};
                embParams = (long) (numClasses + 1) * dataShape[1] * dataShape[2];
            } else {
                in = new int[] {(int) LayerSpec.product(dataShape) + d.conditioning().embedding()};
                embParams = (long) (numClasses + 1) * d.conditioning().embedding();
            }
        }
        return infer("discriminator", d, in, embParams);
    }

    private static NetworkShapes infer(String role, NetworkConfig net, int[] input, long embParams) throws ArchitectureException {
        List<LayerShape> rows = new ArrayList<>();
        int[] shape = input;
        for (int i = 0; i < net.layers().size(); i++) {
            LayerSpec layer = net.layers().get(i);
            try {
                int[] out = layer.outputShape(shape);
                rows.add(new LayerShape(i + 1, layer, shape, out, layer.parameterCount(shape)));
                shape = out;
            } catch (IllegalArgumentException e) {
                throw new ArchitectureException(role + " layer " + (i + 1) + " (" + layer.typeName() + "): " + e.getMessage());
            }
        }
        return new NetworkShapes(role, input, List.copyOf(rows), embParams);
    }

    /**
     * Checks that G produces exactly one data sample and D one score per sample.
     *
     * @throws ArchitectureException e.g. "generator ends at 1×32×32, the data is 1×28×28"
     */
    public static void check(ExperimentConfig c, int[] dataShape, int numClasses) throws ArchitectureException {
        NetworkShapes g = generator(c, dataShape, numClasses);
        if (!Arrays.equals(g.output(), dataShape)) {
            throw new ArchitectureException("generator ends at " + LayerSpec.show(g.output()) + ", the data is "
                    + LayerSpec.show(dataShape) + " — change its last layers so the shapes match");
        }
        NetworkShapes d = discriminator(c, dataShape, numClasses);
        if (!Arrays.equals(d.output(), new int[] {1})) {
            throw new ArchitectureException("discriminator ends at " + LayerSpec.show(d.output())
                    + ", it must end at 1 (one score per sample) — end it with a dense layer of 1 unit");
        }
        if (c.conditional() && numClasses < 1) {
            throw new ArchitectureException("a conditional GAN needs labelled data; this data has no classes");
        }
    }
}
