package dev.ganstudio.core.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accuracy of {@link StandardNormal}, the numerical core of the Gaussian and mixture distributions.
 * (Named Distribution* so the project's {@code -Dtest=dev.ganstudio.core.data.Distribution*} filter runs it.)
 */
class DistributionStandardNormalTest {

    /** Reference values from mpmath.ncdf at 40 digits. */
    private static final double[][] CDF = {
            {-38, 2.8854283600687843084e-316},
            {-30, 4.9067139271481870595e-198},
            {-10, 7.619853024160526066e-24},
            {-5, 2.8665157187919391167e-7},
            {-3.0000001, 0.0013498975884453205359},
            {-3, 0.0013498980316300945267},
            {-2.9999999, 0.0013498984748150014729},
            {-1.5, 0.066807201268858066004},
            {-0.3, 0.38208857781104736693},
            {0, 0.5},
            {0.7, 0.75803634777692697138},
            {2.5, 0.99379033467422386483},
            {3, 0.99865010196836990547},
            {4, 0.99996832875816688008},
    };

    /** Reference values: sqrt(2)·erfinv(2p − 1) in mpmath for the double nearest p (1e-300: root of log Φ(x) = log p). */
    private static final double[][] QUANTILE = {
            {1e-300, -37.047096299361199237},
            {1e-20, -9.2623400897984075737},
            {1e-9, -5.9978070150076868716},
            {0.001, -3.0902323061678135415},
            {0.02425, -1.9729610513118848503},
            {0.1, -1.281551565544600467},
            {0.3, -0.52440051270804078404},
            {0.5, 0.0},
            {0.75, 0.6744897501960817432},
            {0.975, 1.9599639845400538556},
            {0.999999, 4.7534243088170877657},
    };

    @Test
    void cdfMatchesReferenceWithSmallRelativeError() {
        for (double[] row : CDF) {
            double got = StandardNormal.cdf(row[0]);
            double tolerance = row[0] == -38 ? 1e-10 : 1e-13; // -38 is subnormal: fewer significant bits
            assertEquals(row[1], got, tolerance * row[1], "cdf(" + row[0] + ")");
        }
        assertEquals(0.0, StandardNormal.cdf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, StandardNormal.cdf(Double.POSITIVE_INFINITY));
        assertEquals(1.0, StandardNormal.cdf(40));
        assertTrue(Double.isNaN(StandardNormal.cdf(Double.NaN)));
    }

    @Test
    void cdfIsSymmetricAndMonotone() {
        double previous = 0;
        for (double x = -12; x <= 12; x += 0.001) {
            double f = StandardNormal.cdf(x);
            assertTrue(f >= previous, "cdf must not decrease at x=" + x);
            assertEquals(1.0, f + StandardNormal.cdf(-x), 2e-16, "symmetry at x=" + x);
            previous = f;
        }
    }

    @Test
    void quantileMatchesReference() {
        for (double[] row : QUANTILE) {
            double got = StandardNormal.quantile(row[0]);
            assertEquals(row[1], got, 1e-13 * Math.max(1, Math.abs(row[1])), "quantile(" + row[0] + ")");
        }
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.quantile(0));
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.quantile(1));
    }

    @Test
    void cdfOfQuantileIsIdentity() {
        for (double p = 1e-6; p < 1; p += 1e-3) {
            assertEquals(p, StandardNormal.cdf(StandardNormal.quantile(p)), 1e-15, "p=" + p);
        }
        for (double p = 1e-300; p < 1e-3; p *= 7.3) {
            // relative error limited by the spacing of doubles near x ≈ -37: |x|·ulp(x) ≈ 3e-13
            assertEquals(p, StandardNormal.cdf(StandardNormal.quantile(p)), 1e-12 * p, "p=" + p);
        }
    }

    @Test
    void quantileRejectsProbabilitiesOutsideUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(1.5));
        assertEquals("probability p must be in [0, 1], got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(Double.NaN));
    }
}
