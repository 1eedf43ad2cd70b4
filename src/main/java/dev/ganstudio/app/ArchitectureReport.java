package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.NetworkConfig;
import dev.ganstudio.core.config.layer.LayerSpec;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.model.ArchitectureException;
import dev.ganstudio.core.model.NetworkShapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The architecture editor's table: every layer's output shape and parameter count for G and D — a layer that cannot
 * take its input shows why and the rows after it show no shape — with totals and the first problem that would stop
 * training, in the engine's own words ({@link NetworkShapes#check}).
 */
public record ArchitectureReport(List<Row> generator, List<Row> discriminator, long generatorParams, long discriminatorParams,
                                 String generatorInput, String discriminatorInput, String error) {

    /** One layer: its output shape (or the reason it has none) and its parameter count. */
    public record Row(int index, LayerSpec layer, String output, long params, String problem) {}

    public boolean ok() { return error == null; }

    public static ArchitectureReport of(ExperimentConfig c, DataSpec spec) {
        if (spec == null) {
            return new ArchitectureReport(rows(c.generator(), null), rows(c.discriminator(), null), 0, 0, "?", "?",
                    "no data loaded, so shapes cannot be checked");
        }
        int[] data = spec.sampleShape();
        int k = spec.numClasses();
        NetworkConfig g = c.generator(), d = c.discriminator();
        int gEmb = g.conditional() ? g.conditioning().embedding() : 0;
        int[] gIn = {c.latent().dim() + gEmb};
        long gEmbParams = g.conditional() ? (long) (k + 1) * gEmb : 0;
        int[] dIn = data;
        long dEmbParams = 0;
        String error = null;
        if (d.conditional()) {
            if (d.conditioning().asChannel()) {
                if (data.length != 3) error = "discriminator conditioning 'channel' needs image data, the data is " + LayerSpec.show(data);
                else {
                    dIn = new int[] {data[0] + 1, data[1], data[2]};
                    dEmbParams = (long) (k + 1) * data[1] * data[2];
                }
            } else {
                dIn = new int[] {(int) LayerSpec.product(data) + d.conditioning().embedding()};
                dEmbParams = (long) (k + 1) * d.conditioning().embedding();
            }
        }
        Result gr = infer(g, gIn, "G");
        Result dr = infer(d, dIn, "D");
        if (error == null) error = gr.error;
        if (error == null && gr.out != null && !Arrays.equals(gr.out, data)) {
            error = "G ends at " + LayerSpec.show(gr.out) + ", data is " + LayerSpec.show(data)
                    + " — change G's last layers so the shapes match";
        }
        if (error == null) error = dr.error;
        if (error == null && dr.out != null && !Arrays.equals(dr.out, new int[] {1})) {
            error = "D ends at " + LayerSpec.show(dr.out) + ", it must end at 1 (one score per sample) — end it with a dense layer of 1 unit";
        }
        if (error == null) {
            try {
                NetworkShapes.check(c, data, k);
            } catch (ArchitectureException e) {
                error = e.getMessage();
            }
        }
        return new ArchitectureReport(gr.rows, dr.rows, gr.params + gEmbParams, dr.params + dEmbParams,
                LayerSpec.show(gIn) + (gEmb > 0 ? " (z " + c.latent().dim() + " + label " + gEmb + ")" : ""),
                LayerSpec.show(dIn) + (d.conditional() ? " (data + label)" : ""), error);
    }

    private record Result(List<Row> rows, long params, int[] out, String error) {}

    private static Result infer(NetworkConfig net, int[] input, String role) {
        List<Row> rows = new ArrayList<>();
        int[] shape = input;
        long total = 0;
        String error = null;
        for (int i = 0; i < net.layers().size(); i++) {
            LayerSpec l = net.layers().get(i);
            if (shape == null) {
                rows.add(new Row(i + 1, l, "—", 0, null));
                continue;
            }
            try {
                int[] out = l.outputShape(shape);
                long p = l.parameterCount(shape);
                total += p;
                rows.add(new Row(i + 1, l, LayerSpec.show(out), p, null));
                shape = out;
            } catch (IllegalArgumentException e) {
                rows.add(new Row(i + 1, l, "✖", 0, e.getMessage()));
                if (error == null) error = role + " layer " + (i + 1) + " (" + l.typeName() + "): " + e.getMessage();
                shape = null;
            }
        }
        return new Result(rows, total, shape, error);
    }

    private static List<Row> rows(NetworkConfig net, Object unused) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) rows.add(new Row(i + 1, net.layers().get(i), "?", 0, null));
        return rows;
    }

    /** 1,234,567 → "1.23M". */
    public static String compact(long n) {
        if (n >= 1_000_000) return String.format(java.util.Locale.ROOT, "%.2fM", n / 1e6);
        if (n >= 10_000) return String.format(java.util.Locale.ROOT, "%.1fk", n / 1e3);
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
