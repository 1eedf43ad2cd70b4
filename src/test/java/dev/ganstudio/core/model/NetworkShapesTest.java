package dev.ganstudio.core.model;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.layer.LayerSpec;
import dev.ganstudio.core.config.layer.ReshapeLayer;
import dev.ganstudio.core.config.layer.DenseLayer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkShapesTest {
    private static final int[] DIGITS = {1, 28, 28};

    @Test
    void seed000ParameterCountsMatchPyTorch() throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/mnist-mlp-gan.json"));
        // nn.Linear(128,256)+(256,512)+(512,1024)+(1024,784) and (784,1024)+(1024,512)+(512,256)+(256,1)
        assertEquals(1_493_520, NetworkShapes.generator(c, DIGITS, 10).totalParameters());
        assertEquals(1_460_225, NetworkShapes.discriminator(c, DIGITS, 10).totalParameters());
        NetworkShapes.check(c, DIGITS, 10);
    }

    @Test
    void dcganShapesFollowTheFractionalStrides() throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/mnist-dcgan.json"));
        NetworkShapes g = NetworkShapes.generator(c, DIGITS, 10);
        assertArrayEquals(new int[] {128, 14, 14}, g.rows().get(4).output());
        assertArrayEquals(DIGITS, g.output());
        NetworkShapes.check(c, DIGITS, 10);
    }

    @Test
    void generatorThatMissesTheDataShapeFailsWithBothShapes() throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/mnist-mlp-gan.json"));
        List<LayerSpec> layers = new ArrayList<>(c.generator().layers());
        layers.set(6, DenseLayer.of(1024));
        layers.set(8, ReshapeLayer.of(1, 32, 32));
        ExperimentConfig bad = c.withNetworks(c.generator().withLayers(layers), c.discriminator());
        ArchitectureException e = assertThrows(ArchitectureException.class, () -> NetworkShapes.check(bad, DIGITS, 10));
        assertTrue(e.getMessage().contains("generator ends at 1×32×32, the data is 1×28×28"), e.getMessage());
    }

    @Test
    void impossibleLayerIsNamedByPosition() throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/mnist-mlp-gan.json"));
        List<LayerSpec> layers = new ArrayList<>(c.discriminator().layers());
        layers.remove(0); // no flatten before the first dense layer
        ExperimentConfig bad = c.withNetworks(c.generator(), c.discriminator().withLayers(layers));
        ArchitectureException e = assertThrows(ArchitectureException.class, () -> NetworkShapes.check(bad, DIGITS, 10));
        assertTrue(e.getMessage().startsWith("discriminator layer 1 (dense)"), e.getMessage());
    }
}
