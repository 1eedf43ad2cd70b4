package dev.ganstudio.core.metrics;

/**
 * A training-health finding in plain language, with what to try.
 *
 * @param kind       one of the constants below (stable, for filtering and for {@code health.jsonl})
 * @param message    what was observed and why it matters
 * @param suggestion what to change
 * @param step       the global step it was detected at
 * @param epoch      the (1-based) epoch it was detected in
 */
public record HealthWarning(String kind, String message, String suggestion, long step, int epoch) {
    /** A loss or score became NaN or infinite. */
    public static final String NON_FINITE = "non-finite";
    /** D's loss went to ~0 while G's loss rose: D wins outright and G learns nothing useful. */
    public static final String DISCRIMINATOR_WINS = "discriminator-wins";
    /** D's outputs on real and fake batches stay ≈ equal while the samples are still poor: G gets no signal. */
    public static final String NO_SEPARATION = "no-separation";
    /** The samples lost their variety or left out classes / modes. */
    public static final String COLLAPSE = "collapse";
    /** The quality measure (FLD, or KS for 1-D data) stopped improving while still far from the data. */
    public static final String NO_PROGRESS = "no-progress";
}
