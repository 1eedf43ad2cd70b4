package dev.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam whose state can be saved and restored, so a resumed run continues exactly. It calls the same fused PyTorch
 * kernel as DJL's built-in Adam (which also zeroes the weight's gradient), but keeps the moments in a manager it owns
 * and keyed by parameter name. The learning rate and betas can be changed between steps.
 */
public final class AdamOptimizer implements AutoCloseable {
    private static final float EPSILON = 1e-8f;

    private final Block block;
    private final NDManager state;
    private final Map<String, NDArray> firstMoments = new HashMap<>();
    private final Map<String, NDArray> secondMoments = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();
    private volatile float learningRate;
    private volatile float beta1;
    private volatile float beta2;

    public AdamOptimizer(Block block, NDManager parent, float learningRate, float beta1, float beta2) {
        this.block = block;
        this.state = parent.newSubManager();
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
    }

    public float learningRate() { return learningRate; }

    public void setLearningRate(float lr) { this.learningRate = lr; }

    public void setBetas(float b1, float b2) { this.beta1 = b1; this.beta2 = b2; }

    /** One Adam update of every trainable parameter of the block that has a gradient; zeroes those gradients. */
    public void step() {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            if (!param.requiresGradient()) continue;
            NDArray weight = param.getArray();
            if (!weight.hasGradient()) continue;
            try (NDArray grad = weight.getGradient()) {
                update(p.getKey(), weight, grad);
            }
        }
    }

    private void update(String name, NDArray weight, NDArray grad) {
        int t = steps.merge(name, 1, Integer::sum);
        NDArray m = firstMoments.computeIfAbsent(name, k -> state.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
        NDArray v = secondMoments.computeIfAbsent(name, k -> state.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
        float lr = learningRate, b1 = beta1, b2 = beta2;
        float biasCorrectedLr = (float) (lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)));
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, m, v), new NDList(weight),
                lr, biasCorrectedLr, 0f, 1f, -1f, b1, b2, EPSILON, true, false);
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeInt(1); // format version
        out.writeFloat(learningRate);
        out.writeFloat(beta1);
        out.writeFloat(beta2);
        out.writeInt(steps.size());
        for (Map.Entry<String, Integer> e : steps.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
            writeArray(out, firstMoments.get(e.getKey()));
            writeArray(out, secondMoments.get(e.getKey()));
        }
    }

    public void load(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != 1) throw new IOException("optimizer state format " + version + " is not supported (expected 1)");
        learningRate = in.readFloat();
        beta1 = in.readFloat();
        beta2 = in.readFloat();
        int n = in.readInt();
        Map<String, Parameter> byName = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) byName.put(p.getKey(), p.getValue());
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int t = in.readInt();
            NDArray m = readArray(in), v = readArray(in);
            Parameter param = byName.get(name);
            if (param == null) throw new IOException("optimizer state names parameter '" + name + "' that the network does not have");
            if (!m.getShape().equals(param.getArray().getShape())) {
                throw new IOException("optimizer state for '" + name + "' has shape " + m.getShape() + ", the parameter has " + param.getArray().getShape());
            }
            steps.put(name, t);
            replace(firstMoments, name, m.toDevice(param.getArray().getDevice(), false));
            replace(secondMoments, name, v.toDevice(param.getArray().getDevice(), false));
        }
    }

    private void replace(Map<String, NDArray> map, String name, NDArray value) {
        NDArray old = map.put(name, value);
        if (old != null && old != value) old.close();
    }

    private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
        byte[] bytes = a.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private NDArray readArray(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return state.decode(bytes);
    }

    @Override
    public void close() {
        state.close();
    }
}
