package dev.ganstudio.core.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of the image metrics that need no classifier. */
class ImageMetricsTest {

    @Test
    void coverageOfOneClassPredictionsIsThatClass() {
        int[] predicted = new int[200];
        java.util.Arrays.fill(predicted, 4);
        double[] c = ImageMetrics.coverage(predicted, 200, 10);
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, c, 0.0);
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, ImageMetrics.coverage(new int[] {0, 1, 1, 2}, 4, 3), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageMetrics.coverage(new int[] {0, 7}, 2, 3));
        assertTrue(e.getMessage().contains("class 7, outside 0..2"), e.getMessage());
    }

    @Test
    void diversityWithoutAClassifierComparesPairwiseDistances() {
        // real: 4 images of 2 values at the corners of a unit square; mean pairwise distance (4·1 + 2·√2) / 6
        float[] real = {0, 0, 1, 0, 0, 1, 1, 1};
        ImageMetrics m = ImageMetrics.prepare(null, real, 4, 2);
        assertEquals((4 + 2 * Math.sqrt(2)) / 6, m.realDiversity(), 1e-6);
        ImageReport same = m.evaluate(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, 3, null);
        assertEquals(0.0, same.diversity(), 0.0, "identical samples: collapse");
        assertNull(same.fld());
        assertNull(same.coverage());
        ImageReport scaled = m.evaluate(new float[] {0, 0, 2, 0, 0, 2, 2, 2}, 4, null);
        assertEquals(2.0, scaled.diversity(), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.evaluate(new float[] {0, Float.NaN, 1, 1}, 2, null));
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    }
}
