package dev.ganstudio.app;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn on a {@link Canvas}, fast enough for 100k+ points per series: each series is decimated to its
 * min/max per pixel column before drawing. The EMA-smoothed trace is drawn over a faint raw trace; the y axis can be
 * logarithmic; dragging selects an x range to zoom into, a double click zooms back out.
 *
 * <p>Call {@link #markDirty()} after adding points and {@link #redrawIfDirty()} once per pulse (the studio's
 * AnimationTimer does), so many appends cost one redraw.
 */
public final class ChartCanvas extends Region {
    private static final double LEFT = 52, RIGHT = 10, TOP = 20, BOTTOM = 20;
    private static final Font FONT = Font.font("System", 10);

    private final Canvas canvas = new Canvas();
    private final String title;
    private final List<SeriesData> series = new ArrayList<>();
    private boolean logY;
    private double zoomMin = Double.NaN, zoomMax = Double.NaN;
    private double dragStart = Double.NaN, dragNow = Double.NaN;
    private boolean dirty = true;
    private long redraws;
    private long redrawNanos;
    private String note;

    public ChartCanvas(String title) {
        this.title = title;
        getChildren().add(canvas);
        getStyleClass().add("chart-canvas");
        setMinSize(120, 80);
        setPrefSize(400, 200);
        canvas.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1) dragStart = dragNow = e.getX();
        });
        canvas.setOnMouseDragged(e -> {
            if (!Double.isNaN(dragStart)) { dragNow = e.getX(); markDirty(); }
        });
        canvas.setOnMouseReleased(e -> {
            if (!Double.isNaN(dragStart) && Math.abs(dragNow - dragStart) > 4) {
                double[] r = xRange();
                double w = plotWidth();
                double a = r[0] + (Math.min(dragStart, dragNow) - LEFT) / w * (r[1] - r[0]);
                double b = r[0] + (Math.max(dragStart, dragNow) - LEFT) / w * (r[1] - r[0]);
                if (b > a) { zoomMin = a; zoomMax = b; }
            }
            dragStart = dragNow = Double.NaN;
            markDirty();
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) resetZoom();
        });
    }

    public SeriesData addSeries(String name, Color color) {
        SeriesData s = new SeriesData(name, color);
        series.add(s);
        return s;
    }

    public List<SeriesData> series() { return series; }

    public void setSmoothing(double w) {
        for (SeriesData s : series) s.setSmoothing(w);
        markDirty();
    }

    public void setLogY(boolean on) { logY = on; markDirty(); }

    public boolean logY() { return logY; }

    public void zoomTo(double min, double max) { zoomMin = min; zoomMax = max; markDirty(); }

    public void resetZoom() { zoomMin = zoomMax = Double.NaN; markDirty(); }

    public boolean zoomed() { return !Double.isNaN(zoomMin); }

    public void clear() {
        for (SeriesData s : series) s.clear();
        resetZoom();
    }

    public void markDirty() { dirty = true; }

    public long redraws() { return redraws; }

    public long redrawNanos() { return redrawNanos; }

    public int points() { return series.stream().mapToInt(SeriesData::size).max().orElse(0); }

    public Canvas canvas() { return canvas; }

    /** Redraws when something changed since the last redraw. */
    public void redrawIfDirty() {
        if (dirty) redraw();
    }

    @Override protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private double plotWidth() { return Math.max(1, canvas.getWidth() - LEFT - RIGHT); }

    private double plotHeight() { return Math.max(1, canvas.getHeight() - TOP - BOTTOM); }

    private double[] xRange() {
        if (zoomed()) return new double[] {zoomMin, zoomMax};
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SeriesData s : series) {
            if (s.size() == 0) continue;
            lo = Math.min(lo, s.x(0));
            hi = Math.max(hi, s.x(s.size() - 1));
        }
        if (lo == Double.POSITIVE_INFINITY) return new double[] {0, 1};
        if (hi <= lo) hi = lo + 1;
        return new double[] {lo, hi};
    }

    private double ty(double v) { return logY ? (v > 0 ? Math.log10(v) : Double.NaN) : v; }

    /** Per pixel column: min/max of the raw values, min/max/first/last of the smoothed ones (NaN where empty). */
    private static final class Columns {
        float[] rmin = new float[0], rmax = new float[0], smin = new float[0], smax = new float[0], sfirst = new float[0], slast = new float[0];
        boolean[] has = new boolean[0];
        boolean dense;
        int i0, i1;

        void ensure(int n) {
            if (has.length < n) {
                rmin = new float[n]; rmax = new float[n]; smin = new float[n]; smax = new float[n];
                sfirst = new float[n]; slast = new float[n]; has = new boolean[n];
            }
            java.util.Arrays.fill(has, 0, n, false);
        }
    }

    private final List<Columns> columns = new ArrayList<>();

    /**
     * One pass over the visible points of {@code s}, using the series' 32-point min/max blocks wherever a whole block
     * falls in one pixel column, so 100k points cost a few thousand block reads.
     */
    private static void aggregate(SeriesData s, double[] xr, double pw, Columns c) {
        int n = (int) Math.ceil(pw) + 2;
        c.ensure(n);
        c.i0 = Math.max(0, s.lowerBound(xr[0]) - 1);
        c.i1 = Math.min(s.size(), s.lowerBound(xr[1]) + 1);
        c.dense = c.i1 - c.i0 > pw / 2;
        if (!c.dense) return;
        double xs = pw / (xr[1] - xr[0]);
        final int B = SeriesData.BLOCK;
        int i = c.i0;
        while (i < c.i1) {
            int col = (int) Math.floor((s.x(i) - xr[0]) * xs);
            if (col < 0) { i++; continue; }
            if (col >= n) break;
            int end = i + B - 1;
            if (i % B == 0 && end < c.i1 && (int) Math.floor((s.x(end) - xr[0]) * xs) == col) {
                int b = i / B;
                merge(c, col, s.blockMin(b, false), s.blockMax(b, false), s.blockMin(b, true), s.blockMax(b, true), s.smoothed(i), s.smoothed(end));
                i += B;
            } else {
                float v = s.y(i), m = s.smoothed(i);
                merge(c, col, v, v, m, m, m, m);
                i++;
            }
        }
    }

    private static void merge(Columns c, int col, float rmin, float rmax, float smin, float smax, float first, float last) {
        if (!c.has[col]) {
            c.has[col] = true;
            c.rmin[col] = Float.POSITIVE_INFINITY;
            c.rmax[col] = Float.NEGATIVE_INFINITY;
            c.smin[col] = Float.POSITIVE_INFINITY;
            c.smax[col] = Float.NEGATIVE_INFINITY;
            c.sfirst[col] = first;
        }
        if (rmin < c.rmin[col]) c.rmin[col] = rmin;
        if (rmax > c.rmax[col]) c.rmax[col] = rmax;
        if (smin < c.smin[col]) c.smin[col] = smin;
        if (smax > c.smax[col]) c.smax[col] = smax;
        if (Float.isFinite(last)) c.slast[col] = last;
        if (!Float.isFinite(c.sfirst[col])) c.sfirst[col] = first;
    }

    private void redraw() {
        long t0 = System.nanoTime();
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (w < 20 || h < 20) return;
        double pw = plotWidth(), ph = plotHeight();
        double[] xr = xRange();
        while (columns.size() < series.size()) columns.add(new Columns());
        // y range over what is visible: the smoothed values when smoothing, else the raw ones
        double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        boolean anyNonPositive = false;
        for (int k = 0; k < series.size(); k++) {
            SeriesData s = series.get(k);
            Columns c = columns.get(k);
            aggregate(s, xr, pw, c);
            boolean sm = s.smoothing() > 0;
            if (c.dense) {
                for (int col = 0; col < c.has.length; col++) {
                    if (!c.has[col]) continue;
                    float lo = sm ? c.smin[col] : c.rmin[col], hi = sm ? c.smax[col] : c.rmax[col];
                    if (logY && lo <= 0) { anyNonPositive = true; if (hi <= 0) continue; lo = hi; }
                    double a = ty(lo), b = ty(hi);
                    if (Double.isFinite(a)) { ylo = Math.min(ylo, a); yhi = Math.max(yhi, a); }
                    if (Double.isFinite(b)) { ylo = Math.min(ylo, b); yhi = Math.max(yhi, b); }
                }
            } else {
                for (int i = c.i0; i < c.i1; i++) {
                    float raw = sm ? s.smoothed(i) : s.y(i);
                    if (logY && raw <= 0) { anyNonPositive = true; continue; }
                    double v = ty(raw);
                    if (Double.isFinite(v)) { ylo = Math.min(ylo, v); yhi = Math.max(yhi, v); }
                }
            }
        }
        note = logY && anyNonPositive ? "values ≤ 0 not shown on log scale" : null;
        if (ylo == Double.POSITIVE_INFINITY) { ylo = 0; yhi = 1; }
        if (yhi - ylo < 1e-9) { ylo -= 0.5; yhi += 0.5; }
        double pad = (yhi - ylo) * 0.05;
        ylo -= pad;
        yhi += pad;

        g.setFont(FONT);
        drawAxes(g, xr, ylo, yhi, pw, ph);
        double ys = ph / (yhi - ylo), bottom = TOP + ph;
        for (int k = 0; k < series.size(); k++) {
            SeriesData s = series.get(k);
            Columns c = columns.get(k);
            boolean sm = s.smoothing() > 0;
            if (!c.dense) {
                if (sm) {
                    g.setStroke(s.color().deriveColor(0, 0.6, 1.15, 0.3));
                    g.setLineWidth(1);
                    drawPoints(g, s, false, xr, ylo, yhi, pw, ph);
                }
                g.setStroke(s.color());
                g.setLineWidth(sm ? 1.6 : 1.2);
                drawPoints(g, s, sm, xr, ylo, yhi, pw, ph);
                continue;
            }
            // the raw values as one min..max bar per pixel column: faint behind the smoothed line, solid without smoothing
            g.setFill(sm ? s.color().deriveColor(0, 0.6, 1.15, 0.25) : s.color().deriveColor(0, 1, 1, 0.55));
            for (int col = 0; col < c.has.length; col++) {
                if (!c.has[col] || !(c.rmax[col] >= c.rmin[col])) continue;
                double top = py(c.rmax[col], ylo, ys, bottom);
                double bot = py(c.rmin[col], ylo, ys, bottom);
                if (!Double.isFinite(top)) continue;
                if (!Double.isFinite(bot)) bot = bottom;
                g.fillRect(LEFT + col, top - 0.5, 1, bot - top + 1);
            }
            // The line, drawn as one vertical span per pixel column from the previous column's value to this one's:
            // stroking long polylines is the slow part of software rendering, axis-aligned rectangles are cheap.
            g.setFill(s.color());
            double thick = sm ? 1.8 : 1.2;
            double prev = Double.NaN;
            for (int col = 0; col < c.has.length; col++) {
                if (!c.has[col]) { prev = Double.NaN; continue; }
                float v = sm ? c.slast[col] : (c.rmin[col] + c.rmax[col]) / 2;
                double p = py(v, ylo, ys, bottom);
                if (!Double.isFinite(p)) { prev = Double.NaN; continue; }
                double from = Double.isFinite(prev) ? prev : p;
                double top = Math.min(from, p) - thick / 2;
                g.fillRect(LEFT + col, top, 1, Math.abs(p - from) + thick);
                prev = p;
            }
        }
        if (!Double.isNaN(dragStart)) {
            g.setFill(Color.rgb(30, 110, 220, 0.15));
            g.fillRect(Math.min(dragStart, dragNow), TOP, Math.abs(dragNow - dragStart), ph);
        }
        drawLegend(g, w);
        redraws++;
        redrawNanos = System.nanoTime() - t0;
    }

    private double py(float v, double ylo, double ys, double bottom) {
        double t = ty(v);
        return Double.isFinite(t) ? clamp(bottom - (t - ylo) * ys, TOP, bottom) : Double.NaN;
    }

    /** Every visible point as a polyline (few points). */
    private void drawPoints(GraphicsContext g, SeriesData s, boolean smoothed, double[] xr, double ylo, double yhi,
                            double pw, double ph) {
        if (s.size() == 0) return;
        int i0 = Math.max(0, s.lowerBound(xr[0]) - 1), i1 = Math.min(s.size(), s.lowerBound(xr[1]) + 1);
        double xs = pw / (xr[1] - xr[0]), ys = ph / (yhi - ylo);
        double bottom = TOP + ph;
        g.beginPath();
        boolean open = false;
        for (int i = i0; i < i1; i++) {
            double v = ty(smoothed ? s.smoothed(i) : s.y(i));
            if (!Double.isFinite(v)) { open = false; continue; }
            double px = LEFT + (s.x(i) - xr[0]) * xs;
            if (px < LEFT - 1 || px > LEFT + pw + 1) continue;
            double py = clamp(bottom - (v - ylo) * ys, TOP, bottom);
            if (open) g.lineTo(px, py); else { g.moveTo(px, py); open = true; }
        }
        g.stroke();
    }

    private static double clamp(double v, double lo, double hi) { return v < lo ? lo : Math.min(v, hi); }

    private void drawAxes(GraphicsContext g, double[] xr, double ylo, double yhi, double pw, double ph) {
        g.setStroke(Color.rgb(225, 225, 225));
        g.setLineWidth(1);
        g.setFill(Color.rgb(90, 90, 90));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t : ticks(ylo, yhi, Math.max(2, (int) (ph / 40)))) {
            double py = TOP + ph - (t - ylo) / (yhi - ylo) * ph;
            g.strokeLine(LEFT, Math.round(py) + 0.5, LEFT + pw, Math.round(py) + 0.5);
            g.fillText(logY ? format(Math.pow(10, t)) : format(t), LEFT - 4, py);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : ticks(xr[0], xr[1], Math.max(2, (int) (pw / 80)))) {
            double px = LEFT + (t - xr[0]) / (xr[1] - xr[0]) * pw;
            g.strokeLine(Math.round(px) + 0.5, TOP, Math.round(px) + 0.5, TOP + ph);
            g.fillText(format(t), px, TOP + ph + 3);
        }
        g.setStroke(Color.rgb(150, 150, 150));
        g.strokeRect(LEFT + 0.5, TOP + 0.5, pw, ph);
    }

    private void drawLegend(GraphicsContext g, double w) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.rgb(40, 40, 40));
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 11));
        g.fillText(title + (logY ? " (log)" : "") + (zoomed() ? " — zoomed, double-click to reset" : ""), LEFT, 9);
        g.setFont(FONT);
        double x = w - RIGHT;
        for (int i = series.size() - 1; i >= 0; i--) {
            SeriesData s = series.get(i);
            String label = s.name() + (s.size() > 0 ? " " + format(last(s)) : "");
            double tw = label.length() * 5.6 + 22;
            x -= tw;
            g.setFill(s.color());
            g.fillRect(x, 6, 12, 4);
            g.setFill(Color.rgb(60, 60, 60));
            g.fillText(label, x + 15, 9);
        }
        if (note != null) {
            g.setFill(Color.rgb(160, 60, 0));
            g.fillText(note, LEFT + 4, TOP + 10);
        }
    }

    private static double last(SeriesData s) {
        for (int i = s.size() - 1; i >= 0; i--) {
            float v = s.smoothing() > 0 ? s.smoothed(i) : s.y(i);
            if (Float.isFinite(v)) return v;
        }
        return Double.NaN;
    }

    static List<Double> ticks(double lo, double hi, int target) {
        List<Double> t = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) return t;
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        double step = r < 1.5 ? mag : r < 3 ? 2 * mag : r < 7 ? 5 * mag : 10 * mag;
        for (double x = Math.ceil(lo / step) * step; x <= hi + step * 1e-9 && t.size() < 50; x += step) {
            t.add(Math.abs(x) < step * 1e-9 ? 0 : x);
        }
        return t;
    }

    static String format(double v) {
        if (!Double.isFinite(v)) return "—";
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 1e5 || a < 1e-3) return String.format(Locale.ROOT, "%.1e", v);
        if (Math.abs(v - Math.rint(v)) < 1e-9 && a >= 1) return String.valueOf((long) Math.rint(v));
        if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
