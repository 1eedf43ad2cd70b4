package dev.ganstudio.core.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.NetworkConfig;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.model.GanNetwork;

import java.io.DataInputStream;
import java.io.IOException;

/** Builds G and D for an experiment and data, and loads saved parameters into them. */
public final class Networks {
    private Networks() {}

    public static GanNetwork generator(ExperimentConfig c, DataSpec spec) {
        NetworkConfig g = c.generator();
        return g.conditional()
                ? GanNetwork.build(g, GanNetwork.Join.CONCAT_FLAT, spec.numClasses(), g.conditioning().embedding())
                : GanNetwork.build(g, GanNetwork.Join.NONE, 0, 0);
    }

    public static GanNetwork discriminator(ExperimentConfig c, DataSpec spec) {
        NetworkConfig d = c.discriminator();
        if (!d.conditional()) return GanNetwork.build(d, GanNetwork.Join.NONE, 0, 0);
        if (d.conditioning().asChannel()) {
            int[] s = spec.sampleShape();
            return GanNetwork.build(d, GanNetwork.Join.IMAGE_CHANNEL, spec.numClasses(), s[1] * s[2]);
        }
        return GanNetwork.build(d, GanNetwork.Join.CONCAT_FLAT, spec.numClasses(), d.conditioning().embedding());
    }

    public static Shape[] generatorInputShapes(ExperimentConfig c, DataSpec spec, int batch) {
        Shape z = new Shape(batch, c.latent().dim());
        return c.conditional() ? new Shape[] {z, new Shape(batch)} : new Shape[] {z};
    }

    public static Shape[] discriminatorInputShapes(ExperimentConfig c, DataSpec spec, int batch) {
        long[] dims = new long[spec.sampleShape().length + 1];
        dims[0] = batch;
        for (int i = 0; i < spec.sampleShape().length; i++) dims[i + 1] = spec.sampleShape()[i];
        Shape x = new Shape(dims);
        return c.conditional() ? new Shape[] {x, new Shape(batch)} : new Shape[] {x};
    }

    /**
     * Loads parameters into a freshly built (not initialised) network and makes its trainable parameters require
     * gradients again (DJL loads them frozen).
     */
    public static void load(GanNetwork net, NDManager manager, DataInputStream in) throws IOException {
        try {
            net.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException("saved network does not match this architecture: " + e.getMessage(), e);
        }
        for (Pair<String, Parameter> p : net.getParameters()) {
            Parameter param = p.getValue();
            boolean stats = param.getType() == Parameter.Type.RUNNING_MEAN || param.getType() == Parameter.Type.RUNNING_VAR;
            if (!stats && param.requiresGradient()) param.getArray().setRequiresGradient(true);
        }
    }
}
