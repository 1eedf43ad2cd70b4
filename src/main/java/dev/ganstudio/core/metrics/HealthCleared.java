package dev.ganstudio.core.metrics;

/**
 * A health condition reported earlier (a {@link HealthWarning} of the same kind) no longer holds.
 *
 * @param kind  the warning's kind ({@link HealthWarning} constants)
 * @param step  the global step it was found cleared at
 * @param epoch the (1-based) epoch it was found cleared in
 */
public record HealthCleared(String kind, long step, int epoch) {}
