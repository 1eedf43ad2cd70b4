package dev.ganstudio.core.train;

/**
 * Where a run stood when a checkpoint was written.
 *
 * @param step            iterations completed
 * @param epochsCompleted whole epochs completed
 * @param batchIndex      batches already done in the epoch after those (0 at an epoch boundary)
 * @param seed            the run's seed
 * @param lrG             G's base learning rate at that point (it can be changed live; decay applies on top)
 * @param lrD             D's learning rate at that point
 * @param dSteps          k at that point
 * @param gSteps          n at that point
 * @param seconds         training time so far
 */
public record CheckpointState(long step, int epochsCompleted, int batchIndex, long seed, double lrG, double lrD, int dSteps, int gSteps,
                              double seconds) {}
