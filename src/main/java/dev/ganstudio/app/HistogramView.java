package dev.ganstudio.app;

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
 * mean and std in the legend, and optionally D(x) over the range on a 0..1 axis at the right.
 */
public final class HistogramView extends Region {
    public static final Color REAL = Color.rgb(31, 119, 180);
    public static final Color GENERATED = Color.rgb(255, 127, 14);
    public static final Color NOISE = Color.rgb(127, 127, 127);
    public static final Color CRITIC = Color.rgb(44, 160, 44);
    private static final double LEFT = 44, RIGHT = 34, TOP = 22, BOTTOM = 20;

    public record Series(String label, float[] values, Color color) {}

    private final Canvas canvas = new Canvas();
    private List<Series> series = List.of();
    private double[] curveX, curveY;
    private String title = "";
    private int bins = 50;
    private long updates;

    public HistogramView() {
        getChildren().add(canvas);
        setMinSize(100, 80);
        setPrefSize(360, 240);
    }

    public void show(String title, List<Series> series, double[] curveX, double[] curveY) {
        this.title = title;
        this.series = List.copyOf(series);
        this.curveX = curveX;
        this.curveY = curveY;
        updates++;
        draw();
    }

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
        maxD *= 1.1;
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        g.setFont(Font.font("System", 10));
        g.setStroke(Color.rgb(225, 225, 225));
        g.setLineWidth(1);
        g.setFill(Color.rgb(90, 90, 90));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : ChartCanvas.ticks(lo, hi, Math.max(2, (int) (pw / 70)))) {
            double px = LEFT + (t - lo) / (hi - lo) * pw;
            g.strokeLine(px, TOP, px, TOP + ph);
            g.fillText(ChartCanvas.format(t), px, TOP + ph + 3);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : ChartCanvas.ticks(0, maxD, Math.max(2, (int) (ph / 40)))) {
            double py = TOP + ph - t / maxD * ph;
            g.fillText(ChartCanvas.format(t), LEFT - 4, py);
        }
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
            ly += 13;
        }
        if (curveX != null && curveX.length > 1) {
            g.setFill(CRITIC);
            g.fillRect(LEFT + 6, ly - 1, 12, 2);
            g.setFill(Color.rgb(50, 50, 50));
            g.fillText("D(x)", LEFT + 22, ly);
        }
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
