package dev.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.modality.nlp.DefaultVocabulary;
import ai.djl.modality.nlp.embedding.TrainableWordEmbedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.ganstudio.core.config.NetworkConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * A generator or discriminator: an optional class-label embedding joined to the input, then the configured layers.
 * Input is {@code NDList(x)} or, when conditional, {@code NDList(x, labels)} with int64 labels.
 */
public final class GanNetwork extends AbstractBlock {
    /** How the label embedding joins the input. */
    public enum Join { NONE, CONCAT_FLAT, IMAGE_CHANNEL }

    private final Join join;
    private final Block embedding;
    private final SequentialBlock body;

    private GanNetwork(Join join, Block embedding, SequentialBlock body) {
        super((byte) 1);
        this.join = join;
        this.embedding = embedding == null ? null : addChildBlock("embedding", embedding);
        this.body = addChildBlock("body", body);
    }

    /**
     * @param embeddingSize values per label embedding (for IMAGE_CHANNEL: height×width)
     */
    public static GanNetwork build(NetworkConfig config, Join join, int numClasses, int embeddingSize) {
        Block emb = join == Join.NONE ? null : labelEmbedding(numClasses, embeddingSize);
        GanNetwork net = new GanNetwork(join, emb, LayerBlocks.sequence(config.layers()));
        if (config.init().scheme().equals("normal")) {
            float std = config.init().std().floatValue();
            net.setInitializer(new NormalInitializer(std), Parameter.Type.WEIGHT);
            net.setInitializer((m, s, t) -> m.randomNormal(1f, std, s, t, m.getDevice()), Parameter.Type.GAMMA);
        }
        return net;
    }

    private static Block labelEmbedding(int numClasses, int size) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < numClasses; i++) tokens.add(Integer.toString(i));
        return TrainableWordEmbedding.builder()
                .setVocabulary(DefaultVocabulary.builder().add(tokens).optUnknownToken().build())
                .setEmbeddingSize(size).build();
    }

    public boolean conditional() { return join != Join.NONE; }

    /**
     * Re-initialises every dense and convolution layer the way PyTorch does by default (weights and biases uniform in
     * ±1/√fan_in). Call right after {@link #initialize}; uses the engine's seeded RNG.
     */
    public void applyPytorchInit(NDManager manager) {
        applyPytorchInit(body, manager);
    }

    private static void applyPytorchInit(Block block, NDManager manager) {
        if (block instanceof Linear || block instanceof Conv2d) {
            Parameter weight = block.getDirectParameters().get("weight");
            Shape ws = weight.getArray().getShape();
            float bound = (float) (1 / Math.sqrt(ws.size() / ws.get(0)));
            for (Parameter p : block.getDirectParameters().values()) {
                NDArray a = p.getArray();
                try (NDArray fresh = manager.randomUniform(-bound, bound, a.getShape())) {
                    a.muli(0f).addi(fresh);
                }
            }
            return;
        }
        for (Block child : block.getChildren().values()) applyPytorchInit(child, manager);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        if (join != Join.NONE) {
            NDArray e = embedding.forward(ps, new NDList(inputs.get(1)), training).head();
            long n = x.getShape().get(0);
            if (join == Join.CONCAT_FLAT) {
                x = NDArrays.concat(new NDList(x.reshape(n, -1), e), 1);
            } else {
                Shape s = x.getShape();
                x = NDArrays.concat(new NDList(x, e.reshape(n, 1, s.get(2), s.get(3))), 1);
            }
        }
        return body.forward(ps, new NDList(x), training, params);
    }

    private Shape joinedShape(Shape[] inputs) {
        Shape x = inputs[0];
        if (join == Join.NONE) return x;
        Shape e = embedding.getOutputShapes(new Shape[] {inputs[1]})[0];
        if (join == Join.CONCAT_FLAT) return new Shape(x.get(0), x.size() / x.get(0) + e.get(1));
        return new Shape(x.get(0), x.get(1) + 1, x.get(2), x.get(3));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return body.getOutputShapes(new Shape[] {joinedShape(inputs)});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (embedding != null) embedding.initialize(manager, dataType, inputShapes[1]);
        body.initialize(manager, dataType, joinedShape(inputShapes));
    }
}
