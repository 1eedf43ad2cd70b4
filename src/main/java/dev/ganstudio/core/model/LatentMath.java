package dev.ganstudio.core.model;

/**
 * Interpolation between latent vectors, for walking the generator's input space.
 *
 * <p>Arithmetic is done in double and rounded to float once per component. At t = 0 and t = 1 both
 * {@link #lerp} and {@link #slerp} return exactly {@code a} and {@code b}. Inputs are never modified.
 */
public final class LatentMath {

    /**
     * Below this sin(angle) the vectors count as parallel (or opposite) and {@link #slerp} uses
     * {@link #lerp}: the spherical formula divides by sin(angle), and between opposite vectors the
     * great circle is not unique.
     */
    public static final double PARALLEL_SIN_THRESHOLD = 1e-6;

    private LatentMath() {
    }

    /** Linear interpolation (1 − t)·a + t·b. Any finite t is allowed (t outside [0, 1] extrapolates). */
    public static float[] lerp(float[] a, float[] b, double t) {
        check(a, b, t);
        float[] out = new float[a.length];
        double s = 1.0 - t;
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (s * a[i] + t * b[i]);
        }
        return out;
    }

    /**
     * Spherical linear interpolation: sin((1 − t)ω)/sin ω · a + sin(tω)/sin ω · b, where ω is the
     * angle between a and b. Between unit vectors the result stays on the unit sphere; between
     * vectors of equal norm it keeps that norm (useful for Gaussian latents, which concentrate near
     * radius √dim). Falls back to {@link #lerp} when either vector is zero or the vectors are nearly
     * parallel or opposite (sin ω &lt; {@value #PARALLEL_SIN_THRESHOLD}).
     */
    public static float[] slerp(float[] a, float[] b, double t) {
        check(a, b, t);
        double normA = norm(a), normB = norm(b);
        if (normA == 0 || normB == 0) return lerp(a, b, t);
        // Angle via 2·atan2(|â − b̂|, |â + b̂|): accurate near 0 and π, unlike acos of the dot product.
        double diff = 0, sum = 0;
        for (int i = 0; i < a.length; i++) {
            double ua = a[i] / normA, ub = b[i] / normB;
            diff += (ua - ub) * (ua - ub);
            sum += (ua + ub) * (ua + ub);
        }
        double omega = 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
        double sinOmega = Math.sin(omega);
        if (sinOmega < PARALLEL_SIN_THRESHOLD) return lerp(a, b, t);
        double wa = Math.sin((1.0 - t) * omega) / sinOmega;
        double wb = Math.sin(t * omega) / sinOmega;
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (wa * a[i] + wb * b[i]);
        }
        return out;
    }

    /**
     * {@code steps} points from a to b inclusive, at t = i/(steps − 1), by {@link #slerp} if
     * {@code spherical}, else {@link #lerp}. The first row equals {@code a} and the last equals {@code b}.
     *
     * @param steps number of points, ≥ 2
     */
    public static float[][] path(float[] a, float[] b, int steps, boolean spherical) {
        check(a, b, 0.0);
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2 (both endpoints are included), got " + steps);
        }
        float[][] out = new float[steps][];
        for (int i = 0; i < steps; i++) {
            double t = (double) i / (steps - 1);
            out[i] = spherical ? slerp(a, b, t) : lerp(a, b, t);
        }
        return out;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }

    private static void check(float[] a, float[] b, double t) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("latent vectors must not be null, got a=" + (a == null ? "null" : "float[" + a.length + "]")
                    + ", b=" + (b == null ? "null" : "float[" + b.length + "]"));
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("latent vectors must have the same dimension, got " + a.length + " and " + b.length);
        }
        if (a.length == 0) throw new IllegalArgumentException("latent vectors must have at least 1 dimension, got 0");
        if (!Double.isFinite(t)) throw new IllegalArgumentException("t must be a finite number, got " + t);
    }
}
