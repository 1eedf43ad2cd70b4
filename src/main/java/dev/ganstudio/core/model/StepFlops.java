package dev.ganstudio.core.model;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.layer.ConvLayer;
import dev.ganstudio.core.config.layer.DenseLayer;
import dev.ganstudio.core.config.layer.LayerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The floating-point operations of the matrix multiplications in one training iteration, counted from the layer
 * shapes exactly as {@link dev.ganstudio.core.train.GanSession#iterate} runs them.
 *
 * <h2>Per layer</h2>
 * Only dense and convolution layers multiply matrices; activations, dropout, batch norm, reshapes, upsampling, the
 * label embedding (a row lookup), bias additions and the loss are not counted. With batch size {@code B}:
 * <ul>
 *   <li>dense, input {@code [..., in]} → {@code [..., out]}: {@code 2·B·rows·in·out} per matmul, where {@code rows}
 *       is the product of the leading per-sample axes (1 for a plain vector);</li>
 *   <li>convolution, {@code Cin×H×W} → {@code Cout×Hout×Wout} with a {@code k×k} kernel:
 *       {@code 2·B·Cout·Hout·Wout·Cin·k·k} per matmul.</li>
 * </ul>
 * The backward pass of such a layer is two matmuls of the same size as its forward one: the weight gradient
 * {@code dW} and the input gradient {@code dX}. Autograd computes each only when it is needed:
 * <ul>
 *   <li>{@code dW} when the layer's parameters require gradients (D is frozen during G steps, so D has no
 *       {@code dW} there);</li>
 *   <li>{@code dX} when anything upstream of the layer requires gradients: the network's input (true only for the
 *       fake batch in a G step, which carries G's graph), a trainable label embedding (conditional networks), or a
 *       trainable layer before it (dense, convolution, batch norm). So a network's first matmul layer gets no
 *       {@code dX} when its input is real data, detached fakes or latent noise.</li>
 * </ul>
 *
 * <h2>Per iteration (k D steps, then n G steps)</h2>
 * <ul>
 *   <li>each D step: one G forward (the last one's graph is kept for the first G step); D forward on the real batch
 *       and on the detached fake batch; D backward through both ({@code dW} of every layer; {@code dX} as above, twice);</li>
 *   <li>each G step: a G forward, except the first G step after a D step, which reuses that D step's fake batch;
 *       a D forward on the fake batch; backward through D ({@code dX} only, every layer, since the fake requires
 *       gradients) and through G ({@code dW} of every layer, {@code dX} as above).</li>
 * </ul>
 *
 * @param batch the batch size counted
 * @param terms the named parts, in the order they run; they add up to {@link #total()}
 */
public record StepFlops(int batch, List<Term> terms) {

    /** Which product of a layer: its forward pass, or the input or weight gradient of its backward pass. */
    public enum Kind { FORWARD, INPUT_GRAD, WEIGHT_GRAD }

    /**
     * One matrix multiplication (or convolution) the iteration runs.
     *
     * @param layer the layer's row in its network's shape table
     */
    public record Matmul(LayerShape layer, Kind kind, int batch) {
        public long flops() { return layerFlops(layer, batch); }

        /** Whether this is a dense layer's plain matrix product (convolutions are not). */
        public boolean dense() { return layer.layer() instanceof DenseLayer; }
    }

    /** One counted part of the iteration and the multiplications in it. */
    public record Term(String name, List<Matmul> matmuls) {
        public Term {
            matmuls = List.copyOf(matmuls);
        }

        public long flops() { return matmuls.stream().mapToLong(Matmul::flops).sum(); }
    }

    public StepFlops {
        terms = List.copyOf(terms);
    }

    public long total() {
        return terms.stream().mapToLong(Term::flops).sum();
    }

    /** Every multiplication of the iteration, in the order of the terms. */
    public List<Matmul> matmuls() {
        return terms.stream().flatMap(t -> t.matmuls().stream()).toList();
    }

    /** The count for an experiment's networks on the given data, with k D steps and n G steps per iteration. */
    public static StepFlops of(ExperimentConfig c, int[] dataShape, int numClasses, int batch, int k, int n)
            throws ArchitectureException {
        NetworkShapes g = NetworkShapes.generator(c, dataShape, numClasses);
        NetworkShapes d = NetworkShapes.discriminator(c, dataShape, numClasses);
        return of(g, c.generator().conditional(), d, c.discriminator().conditional(), batch, k, n);
    }

    /**
     * The count for given shape tables.
     *
     * @param gConditional whether G has a trainable label embedding joined to its input
     * @param dConditional whether D has one
     */
    public static StepFlops of(NetworkShapes g, boolean gConditional, NetworkShapes d, boolean dConditional,
                               int batch, int k, int n) {
        if (k < 0 || n < 0 || k + n == 0) throw new IllegalArgumentException("k and n must be >= 0 and not both 0");
        List<Term> terms = new ArrayList<>();
        List<Matmul> gForward = all(g, Kind.FORWARD, batch), dForward = all(d, Kind.FORWARD, batch);
        // D step: D trainable, its inputs (real batch, detached fake) need no gradient.
        List<Matmul> dWeightGrad = all(d, Kind.WEIGHT_GRAD, batch);
        List<Matmul> dInputGradDStep = inputGrads(d, dConditional, true, false, batch);
        // G step: D frozen, its input (the fake) requires gradients; G trainable, latent noise needs none.
        List<Matmul> dInputGradGStep = inputGrads(d, dConditional, false, true, batch);
        List<Matmul> gWeightGrad = all(g, Kind.WEIGHT_GRAD, batch);
        List<Matmul> gInputGrad = inputGrads(g, gConditional, true, false, batch);
        for (int i = 0; i < k; i++) {
            String p = k > 1 ? "D step " + (i + 1) + ": " : "D step: ";
            terms.add(new Term(p + "G forward", gForward));
            terms.add(new Term(p + "D forward (real)", dForward));
            terms.add(new Term(p + "D forward (fake)", dForward));
            terms.add(new Term(p + "D backward dW (real + fake)", twice(dWeightGrad)));
            terms.add(new Term(p + "D backward dX (real + fake)", twice(dInputGradDStep)));
        }
        for (int j = 0; j < n; j++) {
            String p = n > 1 ? "G step " + (j + 1) + ": " : "G step: ";
            if (j > 0 || k == 0) terms.add(new Term(p + "G forward", gForward));
            terms.add(new Term(p + "D forward (fake)", dForward));
            terms.add(new Term(p + "D backward dX", dInputGradGStep));
            terms.add(new Term(p + "G backward dW", gWeightGrad));
            terms.add(new Term(p + "G backward dX", gInputGrad));
        }
        return new StepFlops(batch, terms);
    }

    /** Forward matmul FLOPs of one layer for a batch (0 for layers that do not multiply matrices). */
    public static long layerFlops(LayerShape row, int batch) {
        LayerSpec layer = row.layer();
        int[] in = row.input(), out = row.output();
        if (layer instanceof DenseLayer) {
            long rows = 1;
            for (int i = 0; i < in.length - 1; i++) rows *= in[i];
            return 2L * batch * rows * in[in.length - 1] * out[out.length - 1];
        }
        if (layer instanceof ConvLayer conv) {
            return 2L * batch * out[0] * out[1] * out[2] * in[0] * conv.kernel() * conv.kernel();
        }
        return 0;
    }

    /** The given product of every matmul layer of a network. */
    private static List<Matmul> all(NetworkShapes net, Kind kind, int batch) {
        List<Matmul> list = new ArrayList<>();
        for (LayerShape row : net.rows()) if (layerFlops(row, 1) > 0) list.add(new Matmul(row, kind, batch));
        return list;
    }

    /**
     * The input gradients a network's backward pass computes: those of the matmul layers with something upstream
     * that requires gradients.
     *
     * @param trainable         whether the network's parameters (and embedding) require gradients
     * @param inputRequiresGrad whether the network's input requires gradients
     */
    private static List<Matmul> inputGrads(NetworkShapes net, boolean conditional, boolean trainable, boolean inputRequiresGrad,
                                           int batch) {
        boolean upstream = inputRequiresGrad || (trainable && conditional);
        List<Matmul> list = new ArrayList<>();
        for (LayerShape row : net.rows()) {
            if (upstream && layerFlops(row, 1) > 0) list.add(new Matmul(row, Kind.INPUT_GRAD, batch));
            if (trainable && row.parameters() > 0) upstream = true;
        }
        return list;
    }

    private static List<Matmul> twice(List<Matmul> list) {
        List<Matmul> both = new ArrayList<>(list);
        both.addAll(list);
        return both;
    }
}
