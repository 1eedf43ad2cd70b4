package dev.ganstudio.core.config;

/** Range checks for config records; each failure names the field and what is allowed. */
final class Check {
    private Check() {}

    static int positive(String field, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v <= 0) throw new IllegalArgumentException(field + " must be > 0, got " + v);
        return v;
    }

    static int atLeast(String field, Integer value, int fallback, int min) {
        int v = value == null ? fallback : value;
        if (v < min) throw new IllegalArgumentException(field + " must be >= " + min + ", got " + v);
        return v;
    }

    static double positive(String field, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(field + " must be a finite number > 0, got " + v);
        return v;
    }

    static double inRange(String field, Double value, double fallback, double lo, double hi, boolean hiInclusive) {
        double v = value == null ? fallback : value;
        boolean ok = v >= lo && (hiInclusive ? v <= hi : v < hi);
        if (!ok) throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + (hiInclusive ? "]" : ")") + ", got " + v);
        return v;
    }

    static <T> T required(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " is required");
        return value;
    }
}
