package dev.ganstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The log axis labels round numbers, densely enough to read a curve spanning one decade or less. */
class ChartTicksTest {
    private static List<String> labels(double lo, double hi, int target) {
        return ChartCanvas.logTicks(Math.log10(lo), Math.log10(hi), target).stream().map(t -> ChartCanvas.format(Math.pow(10, t))).toList();
    }

    @Test
    void oneDecadeGetsOneTwoFive() {
        // a 1-D run's KS and W1 from 0.019 to 0.21 used to get a single label, 0.100
        assertEquals(List.of("0.020", "0.050", "0.100", "0.200"), labels(0.019, 0.21, 3));
    }

    @Test
    void narrowRangeGetsEveryMantissa() {
        assertEquals(List.of("0.040", "0.050", "0.060"), labels(0.031, 0.062, 3));
    }

    @Test
    void manyDecadesGetWholeDecades() {
        // FLD from 1,260 down to 0.5: whole powers of ten; over more decades than ticks, every k-th one
        List<String> l = labels(0.5, 1260, 3);
        assertEquals(List.of("1", "10", "100", "1000"), l);
        assertEquals(List.of("0.001", "10"), labels(0.0009, 2000, 2));
    }

    @Test
    void tinyRangeFallsBackToLinearTicks() {
        // inside one mantissa step: the linear ticks of the log values, still at least two
        List<Double> t = ChartCanvas.logTicks(Math.log10(0.0312), Math.log10(0.0315), 3);
        assertTrue(t.size() >= 2, t.toString());
    }
}
