package dev.ganstudio.core.metrics;

import dev.ganstudio.core.config.LossKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Watches a run's step and epoch measurements and reports trouble in plain language: non-finite values, D winning
 * outright, D's output not separating real from fake, collapse, and no progress. Each kind is reported when its
 * condition starts to hold and again only after it has cleared, so a persistent problem gives one warning, not one
 * per step; {@link #takeCleared()} tells when a reported condition stopped holding. Not thread-safe: feed it from the
 * training thread.
 */
public final class HealthMonitor {
    /** Steps per window for the step-level checks. */
    public static final int WINDOW = 50;
    /** D counts as winning below this mean D loss (losses whose D loss is ≥ 0 and 0 only for a perfect D). */
    public static final double D_WINS_LOSS = 0.05;
    /** D's outputs do not separate real from fake when their mean gap stays below this. */
    public static final double NO_SEPARATION_GAP = 0.05;
    /** Collapse: diversity below this fraction of the real data's. */
    public static final double COLLAPSE_DIVERSITY = 0.2;
    /** Epochs over which the quality measure must improve. */
    public static final int PROGRESS_EPOCHS = 5;
    /** ... by more than this fraction. */
    public static final double PROGRESS_GAIN = 0.05;
    /**
     * Samples are poor while FLD ≥ this × FLD of the untrained generator (pure noise images score about 0.5–0.8 of
     * an untrained generator's FLD on the digits; good samples ≤ 0.1).
     */
    public static final double POOR_FLD_RATIO = 0.3;
    /** "No progress" after {@code 5 ×} {@link #MIN_STEPS} steps when FLD is still ≥ this × the untrained FLD. */
    public static final double STILL_POOR_FLD_RATIO = 0.5;
    /**
     * Missing classes count as collapse only when the samples look like data (FLD below this × the untrained FLD) or
     * vary little (diversity below {@link #CLASSES_DIVERSITY}); noise images also fall into few classes.
     */
    public static final double RESEMBLES_FLD_RATIO = 0.5;
    public static final double CLASSES_DIVERSITY = 0.5;
    /** Samples are "not yet good" while FLD ≥ this × the untrained FLD (a plateau above it is a warning). */
    public static final double PLATEAU_FLD_RATIO = 0.2;
    /** 1-D: KS at or above this is poor; a plateau above {@link #PLATEAU_KS} is a warning. */
    public static final double POOR_KS = 0.3;
    public static final double PLATEAU_KS = 0.1;
    /**
     * No epoch-level verdicts before this many steps (early epochs of small datasets are a handful of steps), and
     * "still poor" needs five times as many.
     */
    public static final int MIN_STEPS = 100;
    /**
     * An epoch-level condition clears only after it has not held for this many epochs in a row: metrics near a
     * threshold (a class at 0.9 % then 1.1 % of the samples) made a warning clear and come back the next epoch.
     */
    public static final int CLEAR_AFTER_EPOCHS = 2;

    private final LossKind loss;
    private final boolean dOutputBatchNorm;
    private final int window;
    private final Deque<float[]> steps = new ArrayDeque<>();
    private final List<Double> quality = new ArrayList<>();
    private final java.util.Set<String> active = new java.util.HashSet<>();
    private final List<String> cleared = new ArrayList<>();
    private final Map<String, Integer> misses = new java.util.HashMap<>();

    /**
     * @param loss              the run's adversarial loss (decides which step checks apply)
     * @param dOutputBatchNorm  true when D's last layer before an optional activation is batch norm over its output
     *                          (named in the no-separation message as the likely cause)
     */
    public HealthMonitor(LossKind loss, boolean dOutputBatchNorm) {
        this(loss, dOutputBatchNorm, WINDOW);
    }

    HealthMonitor(LossKind loss, boolean dOutputBatchNorm, int window) {
        this.loss = loss;
        this.dOutputBatchNorm = dOutputBatchNorm;
        this.window = window;
    }

    /** A warning for a loss that became NaN or infinite ({@code detail} says which and when). */
    public HealthWarning nonFinite(long step, int epoch, String detail) {
        return new HealthWarning(HealthWarning.NON_FINITE,
                "Training produced a non-finite value: " + detail + ". The weights have blown up, so the run cannot continue from here.",
                "Resume from the last good checkpoint with lower learning rates (e.g. ÷10, especially D's), add label smoothing "
                        + "(training.labelSmoothing 0.1), or switch to a loss with bounded gradients (least-squares or hinge); "
                        + "check that the data has no NaN or extreme values.",
                step, epoch);
    }

    /**
     * One iteration's means (NaN for a side that did not step, as with a single "Step D"). Returns warnings that
     * start at this step.
     *
     * @param epoch 1-based epoch
     */
    public List<HealthWarning> step(long step, int epoch, float dLoss, float gLoss, float dReal, float dFake) {
        if (!(Float.isFinite(dLoss) && Float.isFinite(gLoss) && Float.isFinite(dReal) && Float.isFinite(dFake))) return List.of();
        steps.addLast(new float[] {dLoss, gLoss, dReal, dFake});
        while (steps.size() > 2 * window) steps.removeFirst();
        List<HealthWarning> out = new ArrayList<>();
        if (steps.size() == 2 * window && dLossHasFloorAtZero()) {
            double[] last = means(window, 0), prev = means(window, window);
            // with label smoothing BCE's D loss cannot reach 0, so for probabilities a near-perfect split also counts
            boolean dominated = last[0] < D_WINS_LOSS || (probabilities() && last[2] - last[3] > 0.85);
            boolean gRising = last[1] > prev[1];
            // it starts when D dominates while G's loss rises, and holds until D stops dominating
            if (report(HealthWarning.DISCRIMINATOR_WINS, dominated && gRising, dominated, 1)) {
                out.add(new HealthWarning(HealthWarning.DISCRIMINATOR_WINS, String.format(Locale.ROOT,
                        "The discriminator is winning outright: its loss averaged %.3f over the last %d steps (D(x) %.2f, "
                                + "D(G(z)) %.2f) while the generator's loss rose from %.2f to %.2f. G's gradients vanish or stop "
                                + "pointing anywhere useful, so its samples stop improving.",
                        last[0], window, last[2], last[3], prev[1], last[1]),
                        "Lower D's learning rate (e.g. halve it) or give G more steps per iteration (training.gSteps 2); add "
                                + "one-sided label smoothing (training.labelSmoothing 0.1) or dropout in D; or switch to a loss "
                                + "with steadier gradients (least-squares, hinge).",
                        step, epoch));
            }
        }
        return out;
    }

    /**
     * The end of an epoch: judges collapse, lack of progress and (with the recent steps) separation.
     *
     * @param epoch 1-based epoch just finished
     * @param step  global step count at its end
     */
    public List<HealthWarning> epoch(int epoch, long step, EpochSignals s) {
        List<HealthWarning> out = new ArrayList<>();
        Double q = qualityOf(s);
        if (q != null) quality.add(q);
        boolean judge = step >= MIN_STEPS;
        Boolean poor = poor(s);

        // D's output does not separate real from fake
        if (scoresComparable()) {
            int n = Math.min(steps.size(), 2 * window);
            boolean enough = n >= 2 * window && judge;
            double[] m = enough ? means(n, 0) : null;
            boolean blind = enough && Math.abs(m[2] - m[3]) < NO_SEPARATION_GAP && (poor == null ? flatLosses() : poor);
            if (reportEpochLevel(HealthWarning.NO_SEPARATION, blind)) {
                String cause = dOutputBatchNorm
                        ? " D ends with batch norm over its single output: every batch's scores are re-centred to the same mean,"
                                + " so a batch of real images and a batch of fakes come out alike whatever D has learnt."
                        : "";
                out.add(new HealthWarning(HealthWarning.NO_SEPARATION, String.format(Locale.ROOT,
                        "D's output does not separate real from fake: over the last %d steps D(x) averaged %.3f and D(G(z)) %.3f "
                                + "(gap %.3f) while the samples are still poor%s, so G gets almost no training signal.%s",
                        n, m[2], m[3], Math.abs(m[2] - m[3]), qualityNote(s), cause),
                        (dOutputBatchNorm ? "Remove the batch norm from D's output layer (keep normalisation on hidden layers only). " : "")
                                + "Make sure D can express 'real' vs 'fake' for a whole batch (no normalisation after its last dense "
                                + "layer), and prefer the BCE non-saturating loss; if D is simply too weak, raise its learning rate or capacity.",
                        step, epoch));
            }
        }

        // collapse
        List<String> reasons = new ArrayList<>();
        if (s.diversity() != null && s.diversity() < COLLAPSE_DIVERSITY) {
            reasons.add(String.format(Locale.ROOT, "the samples vary only %.0f%% as much as real images (diversity %.3f)",
                    100 * s.diversity(), s.diversity()));
        }
        boolean resembles = s.fld() == null || s.fldUntrained() == null || s.fld() < RESEMBLES_FLD_RATIO * s.fldUntrained()
                || (s.diversity() != null && s.diversity() < CLASSES_DIVERSITY);
        if (s.coverage() != null && resembles) {
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, Double> e : s.coverage().entrySet()) {
                double real = s.realCoverage() == null ? 1 : s.realCoverage().getOrDefault(e.getKey(), 0.0);
                if (e.getValue() < ImageMetrics.MISSING_BELOW && real >= ImageMetrics.PRESENT_FROM) {
                    missing.add(e.getKey() + String.format(Locale.ROOT, " (%.1f%%)", 100 * e.getValue()));
                }
            }
            if (!missing.isEmpty()) reasons.add("class" + (missing.size() > 1 ? "es " : " ") + String.join(", ", missing)
                    + (missing.size() > 1 ? " are" : " is") + " (almost) never generated");
        }
        if (s.modeMass() != null && s.modeWeights() != null && s.modeMass().size() == s.modeWeights().size()) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < s.modeMass().size(); i++) {
                if (s.modeMass().get(i) < ImageMetrics.MISSING_BELOW && s.modeWeights().get(i) >= 0.05) {
                    missing.add(String.format(Locale.ROOT, "%d (weight %.2f, generated %.1f%%)", i + 1, s.modeWeights().get(i), 100 * s.modeMass().get(i)));
                }
            }
            if (!missing.isEmpty()) reasons.add("mixture mode" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " get(s) almost no samples");
        }
        if (reportEpochLevel(HealthWarning.COLLAPSE, judge && !reasons.isEmpty())) {
            out.add(new HealthWarning(HealthWarning.COLLAPSE,
                    "Mode collapse: " + String.join("; ", reasons) + ". G has settled on a few outputs that fool D instead of covering the data.",
                    "Lower G's learning rate or give D more steps (training.dSteps 2), add minibatch features to D "
                            + "(a minibatch-features layer), use label smoothing, or switch to a loss less prone to collapse "
                            + "(least-squares, hinge, wasserstein-clip); restarting from an earlier checkpoint can also help.",
                    step, epoch));
        }

        // no progress
        String stall = null;
        if (q != null && judge && quality.size() > PROGRESS_EPOCHS) {
            double recentBest = Double.POSITIVE_INFINITY, earlierBest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < quality.size(); i++) {
                if (i >= quality.size() - PROGRESS_EPOCHS) recentBest = Math.min(recentBest, quality.get(i));
                else earlierBest = Math.min(earlierBest, quality.get(i));
            }
            boolean flat = recentBest > (1 - PROGRESS_GAIN) * earlierBest;
            String what = s.fld() != null ? "FLD" : "KS";
            if (s.fld() != null && s.fldUntrained() != null && s.fldUntrained() > 0) {
                double ratio = q / s.fldUntrained();
                if (ratio >= STILL_POOR_FLD_RATIO && step >= 5L * MIN_STEPS) {
                    stall = String.format(Locale.ROOT, "after %d epochs FLD is %.1f, still %.0f%% of the untrained generator's %.1f",
                            epoch, q, 100 * ratio, s.fldUntrained());
                } else if (flat && ratio >= PLATEAU_FLD_RATIO) {
                    stall = String.format(Locale.ROOT, "FLD has not improved by more than %.0f%% over the last %d epochs (best %.1f, "
                            + "before that %.1f) and is still %.0f%% of the untrained generator's", 100 * PROGRESS_GAIN, PROGRESS_EPOCHS,
                            recentBest, earlierBest, 100 * ratio);
                }
            } else if (s.ks() != null) {
                if (q >= POOR_KS && step >= 5L * MIN_STEPS) {
                    stall = String.format(Locale.ROOT, "after %d epochs the KS distance to the target is still %.3f", epoch, q);
                } else if (flat && q >= PLATEAU_KS) {
                    stall = String.format(Locale.ROOT, "%s has not improved by more than %.0f%% over the last %d epochs (best %.3f, before that %.3f)",
                            what, 100 * PROGRESS_GAIN, PROGRESS_EPOCHS, recentBest, earlierBest);
                }
            }
        }
        if (reportEpochLevel(HealthWarning.NO_PROGRESS, stall != null)) {
            out.add(new HealthWarning(HealthWarning.NO_PROGRESS, "No progress: " + stall + ". More epochs of the same are unlikely to help.",
                    "Check the other warnings and the loss curves: if D wins, weaken it (lower its learning rate, label smoothing); "
                            + "if the losses are flat, make sure D's output can separate real from fake and try the non-saturating or "
                            + "least-squares loss; otherwise try a learning rate 2-5× lower or higher for both networks.",
                    step, epoch));
        }
        return out;
    }

    /**
     * The kinds whose reported condition stopped holding since the last call (oldest first), e.g. a collapse that
     * recovered. A condition that was never reported does not clear.
     */
    public List<String> takeCleared() {
        if (cleared.isEmpty()) return List.of(); // the common case, asked after every step
        List<String> out = List.copyOf(cleared);
        cleared.clear();
        return out;
    }

    /** Forgets the step window (after a manual single D or G step, for example). */
    public void resetSteps() { steps.clear(); }

    private Double qualityOf(EpochSignals s) {
        if (s.fld() != null) return s.fld();
        return s.ks();
    }

    /** TRUE when the epoch's samples are still poor, FALSE when acceptable, null when there is no quality measure. */
    private static Boolean poor(EpochSignals s) {
        if (s.fld() != null && s.fldUntrained() != null && s.fldUntrained() > 0) return s.fld() >= POOR_FLD_RATIO * s.fldUntrained();
        if (s.ks() != null) return s.ks() >= POOR_KS;
        return null;
    }

    private static String qualityNote(EpochSignals s) {
        if (s.fld() != null && s.fldUntrained() != null) {
            return String.format(Locale.ROOT, " (FLD %.1f, %.0f%% of the untrained generator's)", s.fld(), 100 * s.fld() / s.fldUntrained());
        }
        if (s.ks() != null) return String.format(Locale.ROOT, " (KS %.3f)", s.ks());
        return "";
    }

    /** Both losses moved less than 5 % between the two halves of the window. */
    private boolean flatLosses() {
        double[] last = means(window, 0), prev = means(window, window);
        return Math.abs(last[0] - prev[0]) <= 0.05 * Math.abs(prev[0]) && Math.abs(last[1] - prev[1]) <= 0.05 * Math.abs(prev[1]);
    }

    /**
     * Records an epoch's verdict; true when the condition has just started to hold (it is reported once until it has
     * cleared, which takes {@link #CLEAR_AFTER_EPOCHS} epochs without it).
     */
    private boolean reportEpochLevel(String kind, boolean condition) {
        return report(kind, condition, condition, CLEAR_AFTER_EPOCHS);
    }

    /**
     * A condition that starts on {@code starts} and, once reported, holds until {@code holds} has been false for
     * {@code clearAfter} checks in a row; true when it has just started. A cleared kind goes to {@link #takeCleared()}.
     */
    private boolean report(String kind, boolean starts, boolean holds, int clearAfter) {
        if (active.contains(kind)) {
            int missed = holds ? 0 : misses.getOrDefault(kind, 0) + 1;
            misses.put(kind, missed);
            if (missed >= clearAfter) {
                active.remove(kind);
                misses.remove(kind);
                cleared.add(kind);
            }
            return false;
        }
        return starts && active.add(kind);
    }

    /** Means of dLoss, gLoss, dReal, dFake over {@code count} steps ending {@code skipNewest} steps before the newest. */
    private double[] means(int count, int skipNewest) {
        double[] sum = new double[4];
        int i = 0, used = 0;
        for (var it = steps.descendingIterator(); it.hasNext() && used < count; i++) {
            float[] v = it.next();
            if (i < skipNewest) continue;
            for (int k = 0; k < 4; k++) sum[k] += v[k];
            used++;
        }
        for (int k = 0; k < 4; k++) sum[k] /= Math.max(1, used);
        return sum;
    }

    private boolean dLossHasFloorAtZero() { return loss != LossKind.WASSERSTEIN_CLIP; }

    private boolean probabilities() { return loss == LossKind.MINIMAX || loss == LossKind.NON_SATURATING; }

    /** Wasserstein critics have unbounded, arbitrarily scaled scores: their gap says nothing on its own. */
    private boolean scoresComparable() { return loss != LossKind.WASSERSTEIN_CLIP; }
}
