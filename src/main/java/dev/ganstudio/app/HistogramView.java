package dev.ganstudio.app;

import dev.ganstudio.core.train.TransferMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Seed 002's 1-D view on a canvas: step histograms of several value sets on shared bins (as densities), each with its
 * mean and std in the legend, and optionally D(x) over the range on a 0..1 axis at the right. When G maps every noise
 * value alone, a second plot below, on the same value axis, shows that map: each noise value z (up) at the value G made
 * of it (across), over the best monotone map (see {@link dev.ganstudio.core.train.TransferMap}).
 */
public final class HistogramView extends Region {
    public static final Color REAL = Color.rgb(31, 119, 180);
    public static final Color GENERATED = Color.rgb(255, 127, 14);
    public static final Color NOISE = Color.rgb(127, 127, 127);
    public static final Color CRITIC = Color.rgb(44, 160, 44);
    private static final double LEFT = 44, RIGHT = 34, TOP = 22, BOTTOM = 20;

    public record Series(String label, float[] values, Color color) {}

    /** Room between the histogram and the map below it: the histogram's value labels and the map's title. */
    private static final double MAP_GAP = 36;
    /** The map's share of the plots' height. */
    private static final double MAP_SHARE = 0.36;
    /** One legend line's height, and the room kept between the legend and the tallest bar. */
    private static final double LEGEND_ROW = 13, LEGEND_GAP = 4;

    private final Canvas canvas = new Canvas();
    private List<Series> series = List.of();
    private double[] curveX, curveY;
    private TransferMap.Pairs transfer;
    private String title = "";
    private int bins = 50;
    private long updates;
    private double barTop = Double.NaN;

    public HistogramView() {
        getChildren().add(canvas);
        setMinSize(100, 80);
        setPrefSize(360, 240);
    }

    public void show(String title, List<Series> series, double[] curveX, double[] curveY) {
        show(title, series, curveX, curveY, null);
    }

    /** As {@link #show(String, List, double[], double[])}, with G's map from noise to values below (when not null). */
    public void show(String title, List<Series> series, double[] curveX, double[] curveY, TransferMap.Pairs transfer) {
        this.title = title;
        this.series = List.copyOf(series);
        this.curveX = curveX;
        this.curveY = curveY;
        this.transfer = transfer;
        updates++;
        draw();
    }

    /** Whether the map from noise to values is drawn below the histograms. */
    public boolean showsTransfer() { return transfer != null; }

    public long updates() { return updates; }

    public Canvas canvas() { return canvas; }

    @Override protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (w < 60 || h < 60 || series.isEmpty()) {
            g.setFill(Color.GRAY);
            g.fillText(series.isEmpty() ? "no data yet" : "", 10, 20);
            return;
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] r = robustRange(s.values());
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        if (curveX != null && curveX.length > 0) { lo = Math.min(lo, curveX[0]); hi = Math.max(hi, curveX[curveX.length - 1]); }
        if (!(hi > lo)) { lo -= 1; hi += 1; }
        double pad = (hi - lo) * 0.04;
        lo -= pad;
        hi += pad;
        double bw = (hi - lo) / bins;
        List<double[]> dens = new ArrayList<>();
        double maxD = 0;
        for (Series s : series) {
            double[] d = new double[bins];
            int n = 0;
            for (float v : s.values()) {
                if (!Float.isFinite(v)) continue;
                n++;
                int b = (int) Math.floor((v - lo) / bw);
                if (b >= 0 && b < bins) d[b]++;
            }
            for (int i = 0; i < bins; i++) { d[i] /= Math.max(1, n) * bw; maxD = Math.max(maxD, d[i]); }
            dens.add(d);
        }
        if (maxD <= 0) maxD = 1;
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        double mapHeight = 0;
        if (transfer != null && ph > 160) {
            mapHeight = (ph - MAP_GAP) * MAP_SHARE;
            ph -= mapHeight + MAP_GAP;
        }
        double tallest = maxD;
        maxD *= headroom(legendBottom() - TOP, ph);
        barTop = TOP + ph - ph * tallest / maxD;
        drawGrid(g, lo, hi, pw, 0, maxD, TOP, ph, 40);
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            double[] d = dens.get(si);
            g.setFill(s.color().deriveColor(0, 1, 1, 0.18));
            g.setStroke(s.color());
            g.setLineWidth(1.5);
            g.beginPath();
            g.moveTo(LEFT, TOP + ph);
            for (int b = 0; b < bins; b++) {
                double y = TOP + ph - d[b] / maxD * ph;
                g.lineTo(LEFT + b * pw / bins, y);
                g.lineTo(LEFT + (b + 1) * pw / bins, y);
            }
            g.lineTo(LEFT + pw, TOP + ph);
            g.closePath();
            g.fill();
            g.stroke();
        }
        if (curveX != null && curveY != null && curveX.length > 1) {
            double ylo = Math.min(0, Arrays.stream(curveY).min().orElse(0)), yhi = Math.max(1, Arrays.stream(curveY).max().orElse(1));
            g.setStroke(CRITIC);
            g.setLineWidth(2);
            g.beginPath();
            for (int i = 0; i < curveX.length; i++) {
                double px = LEFT + (curveX[i] - lo) / (hi - lo) * pw;
                double py = TOP + ph - (curveY[i] - ylo) / (yhi - ylo) * ph;
                if (i == 0) g.moveTo(px, py); else g.lineTo(px, py);
            }
            g.stroke();
            g.setFill(CRITIC);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(ChartCanvas.format(yhi), LEFT + pw + 3, TOP + 4);
            g.fillText(ChartCanvas.format(ylo), LEFT + pw + 3, TOP + ph - 4);
            g.fillText("D(x)", LEFT + pw + 3, TOP + ph / 2);
        }
        g.setStroke(Color.rgb(150, 150, 150));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, pw, ph);
        if (mapHeight > 0) drawTransfer(g, lo, hi, pw, TOP + ph + MAP_GAP, mapHeight);
        // title and legend
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.rgb(40, 40, 40));
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 11));
        g.fillText(title, LEFT, 10);
        g.setFont(Font.font("System", 10));
        double ly = TOP + 10;
        for (Series s : series) {
            double[] ms = OneDView.meanStd(s.values());
            String text = String.format(Locale.ROOT, "%s  mean %.2f  std %.2f", s.label(), ms[0], ms[1]);
            g.setFill(s.color());
            g.fillRect(LEFT + 6, ly - 3, 12, 6);
            g.setFill(Color.rgb(50, 50, 50));
            g.fillText(text, LEFT + 22, ly);
            ly += LEGEND_ROW;
        }
        if (curveX != null && curveX.length > 1) {
            g.setFill(CRITIC);
            g.fillRect(LEFT + 6, ly - 1, 12, 2);
            g.setFill(Color.rgb(50, 50, 50));
            g.fillText("D(x)", LEFT + 22, ly);
        }
    }

    /** Pixels the legend takes from the top of the histogram plot: {@code rows} lines of 13 px and a margin. */
    static double legendHeight(int rows) { return 4 + rows * LEGEND_ROW; }

    /**
     * How far the density axis must reach above the tallest bar so that no bar runs under the legend: the bars keep
     * out of the top {@code legendPx} of a plot {@code plotPx} high (at least 10 % room, as before). A plot too short
     * for that gets the 10 % only; the legend then covers the tallest bars, as it would at any scale.
     */
    static double headroom(double legendPx, double plotPx) {
        double free = plotPx - legendPx - LEGEND_GAP;
        if (free < plotPx * 0.4) return 1.1;
        return Math.max(1.1, plotPx / free);
    }

    /** Canvas y of the tallest bar's top in the last drawing (for tests); the legend ends at {@link #legendBottom}. */
    double barTop() { return barTop; }

    double legendBottom() { return TOP + legendHeight(series.size() + (curveX != null && curveX.length > 1 ? 1 : 0)); }

    /**
     * A plot's grid and labels: vertical lines at the value ticks (labelled below), and labels at the left for
     * {@code ylo..yhi}, about one per {@code yLabelSpacing} pixels.
     */
    private static void drawGrid(GraphicsContext g, double lo, double hi, double pw, double ylo, double yhi, double top, double ph,
                                 double yLabelSpacing) {
        g.setFont(Font.font("System", 10));
        g.setStroke(Color.rgb(225, 225, 225));
        g.setLineWidth(1);
        g.setFill(Color.rgb(90, 90, 90));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : ChartCanvas.ticks(lo, hi, Math.max(2, (int) (pw / 70)))) {
            double px = LEFT + (t - lo) / (hi - lo) * pw;
            g.strokeLine(px, top, px, top + ph);
            g.fillText(ChartCanvas.format(t), px, top + ph + 3);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : ChartCanvas.ticks(ylo, yhi, Math.max(2, (int) (ph / yLabelSpacing)))) {
            double py = top + ph - (t - ylo) / (yhi - ylo) * ph;
            g.fillText(ChartCanvas.format(t), LEFT - 4, py);
        }
    }

    /** G's map in the plot at {@code top}: noise value up, generated value across (on the histogram's value axis). */
    private void drawTransfer(GraphicsContext g, double lo, double hi, double pw, double top, double ph) {
        double[] z = transfer.noise(), x = transfer.generated(), ideal = transfer.ideal();
        int n = Math.min(z.length, Math.min(x.length, ideal.length));
        double[] zr = {z.length == 0 ? 0 : z[(int) Math.floor(0.001 * (z.length - 1))], z.length == 0 ? 1 : z[(int) Math.ceil(0.999 * (z.length - 1))]}; // sorted
        double zlo = zr[0], zhi = zr[1];
        if (!(zhi > zlo)) { zlo -= 0.5; zhi += 0.5; }
        double zpad = (zhi - zlo) * 0.04;
        zlo -= zpad;
        zhi += zpad;
        drawGrid(g, lo, hi, pw, zlo, zhi, top, ph, 30);
        g.save();
        g.beginPath();
        g.rect(LEFT, top, pw, ph);
        g.clip();
        // the ideal map as a line through the noise values in order (one point per pixel it moves to), then G's values
        // as dots over it (one per 2×2-pixel cell they fall in): a few hundred drawing calls, not one per value
        g.setStroke(REAL);
        g.setLineWidth(2);
        g.beginPath();
        boolean started = false;
        long lastPixel = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(ideal[i]) || !Double.isFinite(z[i])) continue;
            double px = LEFT + (ideal[i] - lo) / (hi - lo) * pw, py = top + ph - (z[i] - zlo) / (zhi - zlo) * ph;
            long pixel = Math.round(px) * 100_000L + Math.round(py);
            if (pixel == lastPixel) continue;
            lastPixel = pixel;
            if (!started) { g.moveTo(px, py); started = true; } else g.lineTo(px, py);
        }
        g.stroke();
        g.setFill(GENERATED.deriveColor(0, 1, 1, 0.7));
        java.util.BitSet covered = new java.util.BitSet();
        int cols = (int) Math.ceil(pw) + 2;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(z[i])) continue;
            double px = LEFT + (x[i] - lo) / (hi - lo) * pw, py = top + ph - (z[i] - zlo) / (zhi - zlo) * ph;
            int col = (int) Math.round((px - LEFT) / 2), row = (int) Math.round((py - top) / 2); // 2-pixel cells
            if (col < 0 || row < 0 || col > cols || row > ph) continue;
            int cell = row * (cols + 1) + col;
            if (covered.get(cell)) continue;
            covered.set(cell);
            g.fillRect(px - 1.25, py - 1.25, 2.5, 2.5);
        }
        g.restore();
        g.setStroke(Color.rgb(150, 150, 150));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, top + 0.5, pw, ph);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.rgb(40, 40, 40));
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 11));
        g.fillText("G: noise z → value", LEFT, top - 8);
        Font small = Font.font("System", 10);
        g.setFont(small);
        String mapLabel = String.format(Locale.ROOT, "best %s map to the real values · G off by %s on average",
                transfer.decreasing() ? "decreasing" : "increasing", ChartCanvas.format(transfer.meanDistance()));
        javafx.scene.text.Text measure = new javafx.scene.text.Text(mapLabel);
        measure.setFont(small);
        g.setFill(Color.rgb(255, 255, 255, 0.8)); // the legend stays readable where the dots run under it
        g.fillRect(LEFT + 2, top + 2, Math.min(pw - 4, measure.getLayoutBounds().getWidth() + 26), 28);
        double ly = top + 10;
        g.setFill(GENERATED);
        g.fillRect(LEFT + 6, ly - 2, 4, 4);
        g.setFill(Color.rgb(50, 50, 50));
        g.fillText("G(z) for each noise value", LEFT + 22, ly);
        ly += 13;
        g.setFill(REAL);
        g.fillRect(LEFT + 6, ly - 1, 12, 2);
        g.setFill(Color.rgb(50, 50, 50));
        g.fillText(mapLabel, LEFT + 22, ly);
    }

    private static double[] robustRange(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        while (n > 0 && !Float.isFinite(s[n - 1])) n--;
        if (n == 0) return new double[] {0, 1};
        return new double[] {s[(int) Math.floor(0.001 * (n - 1))], s[(int) Math.ceil(0.999 * (n - 1))]};
    }
}
