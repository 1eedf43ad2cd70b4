package dev.ganstudio.app;

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
import dev.ganstudio.core.config.layer.UpsampleLayer;

import java.util.ArrayList;
import java.util.List;

/** The layer table's columns as text, and new layers from edited text (errors say what is allowed). */
final class LayerEdits {
    static final List<String> TYPES = List.of("dense", "conv", "upsample", "batchnorm", "activation", "dropout",
            "reshape", "flatten", "minibatch-features", "mean-pool");

    private LayerEdits() {}

    static LayerSpec defaultFor(String type) {
        return switch (type) {
            case "dense" -> DenseLayer.of(128);
            case "conv" -> ConvLayer.of(64, 3, 1, 1, true);
            case "upsample" -> new UpsampleLayer("zeros");
            case "batchnorm" -> BatchNormLayer.standard();
            case "activation" -> ActivationLayer.leaky(0.2);
            case "dropout" -> new DropoutLayer(0.3);
            case "reshape" -> ReshapeLayer.of(1, 28, 28);
            case "flatten" -> new FlattenLayer();
            case "minibatch-features" -> new MinibatchFeaturesLayer(null);
            case "mean-pool" -> new MeanPoolLayer();
            default -> throw new IllegalArgumentException("unknown layer type '" + type + "'; allowed: " + TYPES);
        };
    }

    static String size(LayerSpec l) {
        if (l instanceof DenseLayer d) return String.valueOf(d.units());
        if (l instanceof ConvLayer c) return String.valueOf(c.filters());
        if (l instanceof ReshapeLayer r) return LayerSpec.show(r.target());
        return "";
    }

    static String kernel(LayerSpec l) { return l instanceof ConvLayer c ? String.valueOf(c.kernel()) : ""; }

    static String stride(LayerSpec l) { return l instanceof ConvLayer c ? String.valueOf(c.stride()) : ""; }

    static String padding(LayerSpec l) { return l instanceof ConvLayer c ? String.valueOf(c.padding()) : ""; }

    static String setting(LayerSpec l) {
        if (l instanceof ActivationLayer a) return a.fn().equals("leaky-relu") ? "leaky-relu " + trim(a.slope()) : a.fn();
        if (l instanceof DropoutLayer d) return "rate " + trim(d.rate());
        if (l instanceof BatchNormLayer b) return "momentum " + trim(b.momentum());
        if (l instanceof UpsampleLayer u) return u.mode();
        if (l instanceof MinibatchFeaturesLayer m) return m.layout();
        if (l instanceof DenseLayer d) return d.bias() ? "bias" : "no bias";
        if (l instanceof ConvLayer c) return c.bias() ? "bias" : "no bias";
        return "";
    }

    static boolean hasSize(LayerSpec l) { return l instanceof DenseLayer || l instanceof ConvLayer || l instanceof ReshapeLayer; }

    static boolean hasSetting(LayerSpec l) { return !setting(l).isEmpty(); }

    static LayerSpec withSize(LayerSpec l, String text) {
        if (l instanceof DenseLayer d) return new DenseLayer(integer(text, "units"), d.bias());
        if (l instanceof ConvLayer c) return new ConvLayer(integer(text, "filters"), c.kernel(), c.stride(), c.padding(), c.bias());
        if (l instanceof ReshapeLayer) {
            List<Integer> sizes = new ArrayList<>();
            for (String p : text.trim().split("\\s*[x×*,]\\s*|\\s+")) if (!p.isBlank()) sizes.add(integer(p, "reshape size"));
            return new ReshapeLayer(sizes);
        }
        throw new IllegalArgumentException(l.typeName() + " has no size");
    }

    static LayerSpec withConv(LayerSpec l, String what, String text) {
        if (!(l instanceof ConvLayer c)) throw new IllegalArgumentException(what + " applies to conv layers only");
        int v = integer(text, what);
        return switch (what) {
            case "kernel" -> new ConvLayer(c.filters(), v, c.stride(), c.padding(), c.bias());
            case "stride" -> new ConvLayer(c.filters(), c.kernel(), v, c.padding(), c.bias());
            default -> new ConvLayer(c.filters(), c.kernel(), c.stride(), v, c.bias());
        };
    }

    static LayerSpec withSetting(LayerSpec l, String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        String[] parts = t.split("\\s+");
        if (l instanceof ActivationLayer) {
            String fn = parts[0].equals("leaky") || parts[0].equals("lrelu") ? "leaky-relu" : parts[0];
            Double slope = parts.length > 1 ? number(parts[parts.length - 1], "slope") : null;
            return new ActivationLayer(fn, slope);
        }
        if (l instanceof DropoutLayer) return new DropoutLayer(number(parts[parts.length - 1], "dropout rate"));
        if (l instanceof BatchNormLayer) return new BatchNormLayer(number(parts[parts.length - 1], "momentum"));
        if (l instanceof UpsampleLayer) return new UpsampleLayer(parts[0]);
        if (l instanceof MinibatchFeaturesLayer) return new MinibatchFeaturesLayer(parts[0]);
        if (l instanceof DenseLayer d) return new DenseLayer(d.units(), bias(t));
        if (l instanceof ConvLayer c) return new ConvLayer(c.filters(), c.kernel(), c.stride(), c.padding(), bias(t));
        throw new IllegalArgumentException(l.typeName() + " has no settings");
    }

    private static boolean bias(String t) {
        if (t.equals("bias") || t.equals("true") || t.equals("yes")) return true;
        if (t.equals("no bias") || t.equals("nobias") || t.equals("false") || t.equals("no")) return false;
        throw new IllegalArgumentException("write 'bias' or 'no bias', got '" + t + "'");
    }

    private static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text.trim() + "'");
        }
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + text.trim() + "'");
        }
    }

    private static String trim(double v) {
        String s = String.valueOf(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
