package dev.ganstudio.app;

import dev.ganstudio.core.config.LossKind;
import dev.ganstudio.core.train.StepMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches the training signals for the usual GAN failure patterns (ganhacks §10): D winning outright, D's loss at
 * zero, G's loss climbing steadily, and collapsed samples. Each warning is one readable sentence with a suggestion.
 * Plain Java; the FX side feeds it the drained step metrics and the epoch samples.
 */
public final class HealthMonitor {
    private static final int WINDOW = 200;
    private final boolean probabilities;
    private final float[] dReal = new float[WINDOW], dFake = new float[WINDOW], dLoss = new float[WINDOW];
    private int count;
    private double gLossEarly = Double.NaN;
    private final List<Double> gLossWindows = new ArrayList<>();
    private double gWindowSum;
    private int gWindowCount;
    private String stepWarning;
    private String sampleWarning;

    public HealthMonitor(LossKind loss) {
        probabilities = loss == LossKind.NON_SATURATING || loss == LossKind.MINIMAX;
    }

    public void add(StepMetrics m) {
        int i = count % WINDOW;
        dReal[i] = m.dReal();
        dFake[i] = m.dFake();
        dLoss[i] = m.dLoss();
        count++;
        if (Float.isFinite(m.gLoss())) {
            gWindowSum += m.gLoss();
            gWindowCount++;
            if (gWindowCount == WINDOW) {
                gLossWindows.add(gWindowSum / WINDOW);
                if (gLossWindows.size() > 6) gLossWindows.remove(0);
                gWindowSum = 0;
                gWindowCount = 0;
            }
        }
        if (count % 20 == 0) stepWarning = evaluate();
    }

    private String evaluate() {
        if (count < WINDOW) return null;
        double r = mean(dReal), f = mean(dFake), l = mean(dLoss);
        if (probabilities && r > 0.97 && f < 0.03) {
            return String.format(Locale.ROOT, "D is winning: D(x) ≈ %.2f and D(G(z)) ≈ %.2f, so G gets almost no gradient. "
                    + "Try a lower D learning rate, label smoothing 0.1, or more G steps (n).", r, f);
        }
        if (probabilities && Double.isFinite(l) && l < 0.02) {
            return String.format(Locale.ROOT, "D's loss is near 0 (%.3f): D separates real from fake perfectly. "
                    + "Try a lower D learning rate or label smoothing.", l);
        }
        if (gLossWindows.size() >= 4) {
            int n = gLossWindows.size();
            boolean rising = true;
            for (int i = n - 4; i < n - 1; i++) rising &= gLossWindows.get(i + 1) > gLossWindows.get(i) * 1.05;
            if (rising && gLossWindows.get(n - 1) > 2 * gLossWindows.get(n - 4) && gLossWindows.get(n - 1) > 2) {
                return String.format(Locale.ROOT, "G's loss keeps rising (%.2f → %.2f over the last %d steps): G is losing ground to D.",
                        gLossWindows.get(n - 4), gLossWindows.get(n - 1), 3 * WINDOW);
            }
        }
        return null;
    }

    /** Checks the fixed-noise samples of an epoch for collapse (all samples nearly the same). */
    public void epochSamples(float[] samples, int count, int epoch) {
        sampleWarning = null;
        if (count < 4 || epoch < 2) return;
        int size = samples.length / count;
        double spread = 0;
        for (int j = 0; j < size; j++) {
            double m = 0, s = 0;
            for (int i = 0; i < count; i++) m += samples[i * size + j];
            m /= count;
            for (int i = 0; i < count; i++) { double d = samples[i * size + j] - m; s += d * d; }
            spread += Math.sqrt(s / count);
        }
        spread /= size;
        if (spread < 0.02) {
            sampleWarning = String.format(Locale.ROOT, "Mode collapse: the %d fixed-noise samples are nearly identical "
                    + "(mean per-pixel std %.3f). Try a lower G learning rate, minibatch features, or another loss.", count, spread);
        }
    }

    /** For 1-D runs: collapse when the generated spread is far below the real one. */
    public void oneD(OneDView v) {
        sampleWarning = null;
        if (v == null || v.epoch() < 2) return;
        double gs = OneDView.meanStd(v.generated())[1], rs = OneDView.meanStd(v.real())[1];
        if (rs > 0 && gs < 0.15 * rs) {
            sampleWarning = String.format(Locale.ROOT, "Mode collapse: generated std %.3f vs real std %.3f — G puts every value "
                    + "in the same place. Minibatch features in D help here.", gs, rs);
        }
    }

    /** The current warning, or null when all looks healthy. */
    public String warning() {
        if (stepWarning != null && sampleWarning != null) return stepWarning + " " + sampleWarning;
        return stepWarning != null ? stepWarning : sampleWarning;
    }

    private double mean(float[] v) {
        double s = 0;
        int n = 0;
        for (float x : v) if (Float.isFinite(x)) { s += x; n++; }
        return n == 0 ? Double.NaN : s / n;
    }
}
