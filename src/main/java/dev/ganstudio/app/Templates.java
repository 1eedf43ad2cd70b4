package dev.ganstudio.app;

import dev.ganstudio.core.config.ConditioningConfig;
import dev.ganstudio.core.config.ConfigException;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.InitConfig;
import dev.ganstudio.core.config.NetworkConfig;
import dev.ganstudio.core.config.layer.ActivationLayer;
import dev.ganstudio.core.config.layer.BatchNormLayer;
import dev.ganstudio.core.config.layer.ConvLayer;
import dev.ganstudio.core.config.layer.DenseLayer;
import dev.ganstudio.core.config.layer.FlattenLayer;
import dev.ganstudio.core.config.layer.LayerSpec;
import dev.ganstudio.core.config.layer.ReshapeLayer;
import dev.ganstudio.core.config.layer.UpsampleLayer;
import dev.ganstudio.core.data.DataSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Architecture templates, fitted to the data's shape: each starts from one of the sample configs (shipped on the
 * class path under {@code sample-configs/}) and rescales its first and last layers so G ends at the data's shape.
 */
public enum Templates {
    MLP("MLP GAN", "mnist-mlp-gan"),
    DCGAN("DCGAN", "mnist-dcgan"),
    CONDITIONAL_MLP("Conditional MLP", "mnist-cgan"),
    CONDITIONAL_DCGAN("Conditional DCGAN", "mnist-dcgan"),
    ONE_D("1-D GAN", "gaussian-1d");

    private final String label;
    private final String sample;

    Templates(String label, String sample) {
        this.label = label;
        this.sample = sample;
    }

    public String label() { return label; }

    @Override public String toString() { return label; }

    public boolean oneDimensional() { return this == ONE_D; }

    public boolean conditional() { return this == CONDITIONAL_MLP || this == CONDITIONAL_DCGAN; }

    /** A sample config from the class path, e.g. "mnist-mlp-gan". */
    public static ExperimentConfig sample(String name) throws ConfigException {
        try (InputStream in = Templates.class.getResourceAsStream("/sample-configs/" + name + ".json")) {
            if (in == null) throw new ConfigException("sample config " + name + ".json is not on the class path");
            return ConfigIO.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json");
        } catch (IOException e) {
            throw new ConfigException("cannot read sample config " + name + ".json: " + e.getMessage(), e);
        }
    }

    /**
     * {@code base} with this template's networks (and, when {@code withTraining}, its training settings) fitted to
     * {@code spec}. The data source, name and seed of {@code base} are kept.
     */
    public ExperimentConfig apply(ExperimentConfig base, DataSpec spec, boolean withTraining) throws ConfigException {
        ExperimentConfig t = sample(sample);
        NetworkConfig g, d;
        int[] s = spec.sampleShape();
        if (this == ONE_D) {
            if (s.length != 1) throw new ConfigException("the 1-D template needs 1-D data; this data is " + LayerSpec.show(s));
            int n = s[0];
            g = t.generator().withLayers(replaceReshapes(t.generator().layers(), n));
            d = t.discriminator();
        } else {
            if (s.length != 3) throw new ConfigException(label + " needs image data; pick the 1-D template for 1-D data");
            int c = s[0], h = s[1], w = s[2];
            int values = c * h * w;
            if (this == MLP || this == CONDITIONAL_MLP) {
                List<LayerSpec> gl = new ArrayList<>(t.generator().layers());
                int last = lastDense(gl);
                gl.set(last, DenseLayer.of(values));
                gl.set(gl.size() - 1, ReshapeLayer.of(c, h, w));
                g = new NetworkConfig(gl, t.generator().init(), this == CONDITIONAL_MLP ? new ConditioningConfig(100, "flat") : null);
                d = this == CONDITIONAL_MLP
                        ? new NetworkConfig(t.discriminator().layers(), t.discriminator().init(), new ConditioningConfig(Math.min(values, 784), "flat"))
                        : t.discriminator();
            } else {
                if (h % 4 != 0 || w % 4 != 0) {
                    throw new ConfigException(label + " doubles the resolution twice, so the image size must be divisible by 4; this data is "
                            + LayerSpec.show(s) + " (set an image size such as 28, 32 or 64)");
                }
                List<LayerSpec> gl = new ArrayList<>();
                gl.add(new DenseLayer(128 * (h / 4) * (w / 4), false));
                gl.add(ReshapeLayer.of(128, h / 4, w / 4));
                gl.add(BatchNormLayer.standard());
                gl.add(ActivationLayer.of("relu"));
                gl.add(new UpsampleLayer("zeros"));
                gl.add(ConvLayer.of(64, 3, 1, 1, false));
                gl.add(BatchNormLayer.standard());
                gl.add(ActivationLayer.of("relu"));
                gl.add(new UpsampleLayer("zeros"));
                gl.add(ConvLayer.of(c, 3, 1, 1, true));
                gl.add(ActivationLayer.of("tanh"));
                List<LayerSpec> dl = List.of(ConvLayer.of(64, 4, 2, 1, true), ActivationLayer.leaky(0.2),
                        ConvLayer.of(128, 4, 2, 1, false), BatchNormLayer.standard(), ActivationLayer.leaky(0.2),
                        new FlattenLayer(), DenseLayer.of(1));
                InitConfig init = InitConfig.normal(0.02);
                boolean cond = this == CONDITIONAL_DCGAN;
                g = new NetworkConfig(gl, init, cond ? new ConditioningConfig(50, "flat") : null);
                d = new NetworkConfig(dl, init, cond ? new ConditioningConfig(null, "channel") : null);
            }
        }
        var latent = withTraining ? t.latent() : base.latent();
        if (this == ONE_D) latent = new dev.ganstudio.core.config.LatentConfig(s[0], latent.distribution(), latent.scale());
        ExperimentConfig out = new ExperimentConfig(base.name(), base.description(), base.seed(), base.data(),
                latent, g, d, withTraining ? t.training() : base.training(),
                conditional() ? t.samples() : (withTraining ? t.samples() : base.samples()));
        if (conditional() && spec.numClasses() > 0) {
            var sc = out.samples();
            int k = spec.numClasses();
            out = new ExperimentConfig(out.name(), out.description(), out.seed(), out.data(), out.latent(), g, d, out.training(),
                    new dev.ganstudio.core.config.SampleConfig(k * Math.max(1, Math.min(10, 64 / k)), k, sc.scale()));
        }
        return out;
    }

    /** The template a config looks like, for the picker (null when none matches). */
    public static Templates guess(ExperimentConfig c) {
        if (c.oneDimensional()) return ONE_D;
        boolean conv = c.generator().layers().stream().anyMatch(l -> l instanceof ConvLayer);
        if (c.conditional()) return conv ? CONDITIONAL_DCGAN : CONDITIONAL_MLP;
        return conv ? DCGAN : MLP;
    }

    private static int lastDense(List<LayerSpec> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) if (layers.get(i) instanceof DenseLayer) return i;
        throw new IllegalStateException("template has no dense layer");
    }

    private static List<LayerSpec> replaceReshapes(List<LayerSpec> layers, int n) {
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            if (l instanceof ReshapeLayer r) out.add(i == 0 ? ReshapeLayer.of(n, 1) : ReshapeLayer.of(n));
            else out.add(l);
        }
        return out;
    }
}
