package dev.ganstudio.core.data;

/** Argument checks shared by the {@link Distribution1D} records; messages name the field and what is allowed. */
final class DistributionChecks {

    private DistributionChecks() {
    }

    static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
    }

    static void requirePositive(String field, double value) {
        requireFinite(field, value);
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }

    static void requireProbability(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability p must be in [0, 1], got " + p);
        }
    }
}
