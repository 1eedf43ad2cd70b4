package dev.ganstudio.app;

/**
 * How a chart series' line is drawn. The live run is solid; a run it is compared with is drawn in the same colours with
 * a dash pattern of its own, so colour still says which metric and the pattern says which run. Patterns are in
 * pixel columns, because the chart draws its lines one column at a time.
 */
public enum LineStyle {
    SOLID(new int[] {1}),
    DASHED(new int[] {7, 4}),
    DOTTED(new int[] {2, 3}),
    DASH_DOT(new int[] {8, 3, 2, 3});

    /** Alternating on/off run lengths, starting with "on". */
    private final int[] pattern;
    private final int period;

    LineStyle(int[] pattern) {
        this.pattern = pattern;
        int p = 0;
        for (int v : pattern) p += v;
        this.period = p;
    }

    /** True when the line is drawn in pixel column {@code column}. */
    public boolean drawsColumn(int column) {
        if (this == SOLID) return true;
        int at = Math.floorMod(column, period);
        for (int i = 0; i < pattern.length; i++) {
            if (at < pattern[i]) return i % 2 == 0;
            at -= pattern[i];
        }
        return false;
    }
}
