package dev.ganstudio.core.metrics;

import dev.ganstudio.core.config.LossKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health checks on synthetic metric streams. */
class HealthMonitorTest {

    private static List<String> kinds(List<HealthWarning> w) {
        return w.stream().map(HealthWarning::kind).toList();
    }

    private static Map<String, Double> coverage(double... shares) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < shares.length; k++) m.put(Integer.toString(k), shares[k]);
        return m;
    }

    private static EpochSignals images(double fld, double untrained, double diversity, Map<String, Double> coverage) {
        return new EpochSignals(fld, untrained, diversity, coverage, coverage(0.25, 0.25, 0.25, 0.25), null, null, null);
    }

    @Test
    void discriminatorWinningWithRisingGeneratorLossIsReportedOnce() {
        HealthMonitor h = new HealthMonitor(LossKind.NON_SATURATING, false);
        List<HealthWarning> all = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            float dLoss = (float) (1.2 * Math.exp(-s / 30.0));           // → 0
            float gLoss = (float) (1 + s / 20.0);                        // rising
            float dReal = 1 - dLoss / 4, dFake = dLoss / 4;
            all.addAll(h.step(s, 1 + s / 19, dLoss, gLoss, dReal, dFake));
        }
        assertEquals(List.of(HealthWarning.DISCRIMINATOR_WINS), kinds(all));
        HealthWarning w = all.get(0);
        assertTrue(w.step() >= 2 * HealthMonitor.WINDOW - 1 && w.step() < 200, "detected at step " + w.step());
        assertTrue(w.message().contains("winning outright") && w.message().contains("rose from"), w.message());
        assertTrue(w.suggestion().contains("Lower D's learning rate"), w.suggestion());
    }

    @Test
    void discriminatorWinningClearsWhenDStopsDominatingNotWhenGsLossStopsRising() {
        HealthMonitor h = new HealthMonitor(LossKind.NON_SATURATING, false);
        List<HealthWarning> all = new ArrayList<>();
        int s = 0;
        for (; s < 300; s++) all.addAll(h.step(s, 1, 0.02f, 1 + s / 20f, 0.98f, 0.01f));   // D wins, G's loss rising
        assertEquals(List.of(HealthWarning.DISCRIMINATOR_WINS), kinds(all));
        for (; s < 600; s++) all.addAll(h.step(s, 2, 0.02f, 16f, 0.98f, 0.01f));           // G's loss flat, D still wins
        assertEquals(List.of(), h.takeCleared(), "D still dominates: the condition holds");
        List<String> cleared = new ArrayList<>();
        for (; s < 900; s++) {
            all.addAll(h.step(s, 3, 1.2f, 0.9f, 0.6f, 0.4f));                              // balanced again
            cleared.addAll(h.takeCleared());
        }
        assertEquals(List.of(HealthWarning.DISCRIMINATOR_WINS), cleared, "cleared once D stops dominating");
        assertEquals(1, all.size());
    }

    @Test
    void healthyAdversarialBalanceRaisesNothing() {
        HealthMonitor h = new HealthMonitor(LossKind.NON_SATURATING, false);
        List<HealthWarning> all = new ArrayList<>();
        double untrained = 400;
        for (int s = 0; s < 1900; s++) {
            float wobble = (float) (0.1 * Math.sin(s / 7.0));
            all.addAll(h.step(s, 1 + s / 19, 1.1f + wobble, 0.9f - wobble, 0.62f, 0.38f));
            if ((s + 1) % 19 == 0) {
                int epoch = (s + 1) / 19;
                double fld = untrained * Math.max(0.03, Math.exp(-epoch / 8.0));   // falls, then plateaus at a good level
                all.addAll(h.epoch(epoch, s + 1, images(fld, untrained, 0.9, coverage(0.24, 0.26, 0.27, 0.23))));
            }
        }
        assertEquals(List.of(), all);
    }

    @Test
    void outputThatDoesNotSeparateRealFromFakeExplainsTheBatchNormCause() {
        // seed 003: D(x) ≈ D(G(z)) ≈ 0.5, flat losses, samples stay noise
        HealthMonitor h = new HealthMonitor(LossKind.LEAST_SQUARES, true);
        List<HealthWarning> all = new ArrayList<>();
        double untrained = 500;
        for (int s = 0; s < 19 * 15; s++) {
            float noise = (float) (0.005 * Math.sin(s));
            all.addAll(h.step(s, 1 + s / 19, 0.52f + noise, 0.30f, 0.52f + noise, 0.49f));
            if ((s + 1) % 19 == 0) {
                int epoch = (s + 1) / 19;
                all.addAll(h.epoch(epoch, s + 1, images(untrained * (1.0 - 0.002 * epoch), untrained, 0.6, coverage(0.7, 0.3, 0, 0))));
            }
        }
        List<String> kinds = kinds(all);
        assertTrue(kinds.contains(HealthWarning.NO_SEPARATION), kinds.toString());
        assertTrue(kinds.contains(HealthWarning.NO_PROGRESS), kinds.toString());
        assertEquals(1, kinds.stream().filter(HealthWarning.NO_SEPARATION::equals).count(), "reported once: " + kinds);
        assertTrue(!kinds.contains(HealthWarning.COLLAPSE), "noise-like samples are not collapse: " + kinds);
        HealthWarning blind = all.stream().filter(w -> w.kind().equals(HealthWarning.NO_SEPARATION)).findFirst().orElseThrow();
        assertTrue(blind.message().contains("does not separate real from fake") && blind.message().contains("batch norm"), blind.message());
        assertTrue(blind.suggestion().contains("Remove the batch norm from D's output layer"), blind.suggestion());
        assertTrue(blind.step() >= HealthMonitor.MIN_STEPS && blind.epoch() <= 7, "at epoch " + blind.epoch());
    }

    @Test
    void lowDiversityAndMissingClassesAreCollapse() {
        HealthMonitor h = new HealthMonitor(LossKind.NON_SATURATING, false);
        for (int s = 0; s < 200; s++) h.step(s, 1, 1.0f, 1.0f, 0.6f, 0.4f);
        List<HealthWarning> w = h.epoch(10, 200, images(40, 400, 0.9, coverage(0.5, 0.495, 0.005, 0.0)));
        assertEquals(List.of(HealthWarning.COLLAPSE), kinds(w));
        assertTrue(w.get(0).message().contains("classes 2 (0.5%), 3 (0.0%) are (almost) never generated"), w.get(0).message());
        // still collapsed: not repeated; one good epoch does not clear it (metrics hover around the thresholds), two
        // do (and say so, once); collapsed again by diversity: reported again
        assertEquals(List.of(), h.epoch(11, 219, images(40, 400, 0.9, coverage(0.5, 0.495, 0.005, 0.0))));
        assertEquals(List.of(), h.epoch(12, 238, images(38, 400, 0.9, coverage(0.25, 0.25, 0.25, 0.25))));
        assertEquals(List.of(), h.takeCleared(), "one epoch without it");
        assertEquals(List.of(), h.epoch(13, 257, images(38, 400, 0.9, coverage(0.5, 0.495, 0.005, 0.0))));
        assertEquals(List.of(), h.takeCleared(), "back the next epoch: still the same collapse, no new warning");
        assertEquals(List.of(), h.epoch(14, 276, images(38, 400, 0.9, coverage(0.25, 0.25, 0.25, 0.25))));
        assertEquals(List.of(), h.epoch(15, 295, images(38, 400, 0.9, coverage(0.25, 0.25, 0.25, 0.25))));
        assertEquals(List.of(HealthWarning.COLLAPSE), h.takeCleared(), "two epochs without it");
        assertEquals(List.of(), h.takeCleared());
        w = h.epoch(16, 314, images(37, 400, 0.05, coverage(0.25, 0.25, 0.25, 0.25)));
        assertEquals(List.of(HealthWarning.COLLAPSE), kinds(w));
        assertTrue(w.get(0).message().contains("vary only 5% as much as real images"), w.get(0).message());
    }

    @Test
    void missingMixtureModesAreCollapseFor1dData() {
        HealthMonitor h = new HealthMonitor(LossKind.NON_SATURATING, false);
        List<HealthWarning> w = h.epoch(3, 600, EpochSignals.oneDimensional(0.25, List.of(0.995, 0.005), List.of(0.5, 0.5)));
        assertEquals(List.of(HealthWarning.COLLAPSE), kinds(w));
        assertTrue(w.get(0).message().contains("mixture mode 2"), w.get(0).message());
    }

    @Test
    void flatFldFarFromTheDataIsNoProgress() {
        HealthMonitor h = new HealthMonitor(LossKind.NON_SATURATING, false);
        List<HealthWarning> all = new ArrayList<>();
        double[] fld = {300, 200, 120, 100, 98, 97, 99, 96, 97, 98, 97};
        for (int e = 1; e <= fld.length; e++) {
            List<HealthWarning> w = h.epoch(e, 40L * e, images(fld[e - 1], 400, 0.9, coverage(0.25, 0.25, 0.25, 0.25)));
            if (!w.isEmpty()) assertTrue(e >= 9, "too early, epoch " + e + ": " + w);
            all.addAll(w);
        }
        assertEquals(List.of(HealthWarning.NO_PROGRESS), kinds(all));
        assertTrue(all.get(0).message().contains("has not improved by more than 5% over the last 5 epochs"), all.get(0).message());
    }

    @Test
    void nonFiniteValuesGetAMessageAndASuggestion() {
        HealthWarning w = new HealthMonitor(LossKind.HINGE, false).nonFinite(12, 1, "the discriminator loss became NaN at step 12");
        assertEquals(HealthWarning.NON_FINITE, w.kind());
        assertTrue(w.message().contains("NaN at step 12") && w.suggestion().contains("lower learning rates"), w.toString());
    }
}
