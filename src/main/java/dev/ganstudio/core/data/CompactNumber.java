package dev.ganstudio.core.data;

import java.math.BigDecimal;
import java.math.MathContext;

/** Short human-readable rendering of a double for distribution descriptions: 4.0 → "4", 0.30000000000000004 → "0.3". */
final class CompactNumber {

    private static final MathContext SIX_DIGITS = new MathContext(6);

    private CompactNumber() {
    }

    static String format(double value) {
        if (!Double.isFinite(value)) return Double.toString(value);
        if (value == 0.0) return "0";
        BigDecimal rounded = new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        return exponent < -6 || exponent > 9 ? rounded.toString() : rounded.toPlainString();
    }
}
