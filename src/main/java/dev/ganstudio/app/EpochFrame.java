package dev.ganstudio.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * One epoch in the latent explorer's scrubber: the fixed-noise samples (live runs), or the sample image the run wrote
 * (runs opened from disk), and for 1-D runs the histogram view.
 */
public record EpochFrame(int epoch, long step, float[] samples, long[] labels, int count, Path png, OneDView oneD,
                         Map<String, Object> metrics) {}
