package dev.ganstudio.core.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymmetricEigenTest {

    @Test
    void knownTwoByTwo() {
        double[] values = SymmetricEigen.eigenvalues(new double[][] {{2, 1}, {1, 2}});
        Arrays.sort(values);
        assertArrayEquals(new double[] {1, 3}, values, 1e-14);
    }

    @Test
    void reconstructsARandomSymmetricMatrixWithOrthonormalVectors() {
        int n = 40;
        Random rng = new Random(11);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = rng.nextGaussian();
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] l = e.values();
        double[][] v = e.vectors();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0, dot = 0;
                for (int k = 0; k < n; k++) {
                    sum += v[i][k] * l[k] * v[j][k];
                    dot += v[k][i] * v[k][j];
                }
                assertEquals(a[i][j], sum, 1e-10, "A[" + i + "][" + j + "]");
                assertEquals(i == j ? 1 : 0, dot, 1e-10, "VᵀV[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void squareRootOfAPsdMatrixSquaresBack() {
        double[][] c = {{4, 2, 0}, {2, 3, 1}, {0, 1, 2}};
        double[][] r = SymmetricEigen.sqrtPsd(c);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) sum += r[i][k] * r[k][j];
                assertEquals(c[i][j], sum, 1e-12);
            }
        }
    }

    @Test
    void rejectsNonSymmetricInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new double[][] {{1, 2}, {3, 1}}));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("square"), e.getMessage());
    }
}
