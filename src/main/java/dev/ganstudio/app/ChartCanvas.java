package dev.ganstudio.app;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart, fast enough for 100k+ points per series: each series is decimated to its min/max per pixel column
 * before drawing. It is drawn with Java2D into an image in memory and shown as one {@link WritableImage}: drawn with a
 * JavaFX canvas, the same chart cost the render thread 17–30 ms per update under software rendering (measured with
 * the pulse logger, two charts 826×223), time that delayed the next pulse while training; copying ready pixels costs
 * the render thread well under a millisecond. The EMA-smoothed trace is drawn over a faint raw trace; the y axis can be
 * logarithmic; dragging selects an x range to zoom into, a double click zooms back out. Series of other runs
 * ({@link SeriesData#compared()}) are drawn as their smoothed line only, in their {@link LineStyle}, with one legend
 * entry per run on a second row.
 *
 * <p>Call {@link #markDirty()} after adding points and {@link #redrawIfDirty()} once per pulse (the studio's
 * AnimationTimer does), so many appends cost one redraw.
 */
public final class ChartCanvas extends Region {
    private static final double LEFT = 52, RIGHT = 10, BOTTOM = 20;
    /** Room above the plot: the title and legend row, and a second row naming compared runs when there are any. */
    private static final double TOP_PLAIN = 20, TOP_COMPARED = 33;
    private double top = TOP_PLAIN;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    private final ImageView view = new ImageView();
    private BufferedImage pixels = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
    private int[] pixelData = ((DataBufferInt) pixels.getRaster().getDataBuffer()).getData();
    private double pixelScale = 1;
    /** Shares {@link #pixelData}: the render thread copies the pixels as they are, int ARGB to int ARGB. */
    private PixelBuffer<IntBuffer> shared;
    private WritableImage shown;
    private double width = 1, height = 1;
    private final String title;
    private final List<SeriesData> series = new ArrayList<>();
    private boolean logY;
    private boolean wholeX;
    private double zoomMin = Double.NaN, zoomMax = Double.NaN;
    private double dragStart = Double.NaN, dragNow = Double.NaN;
    private boolean dirty = true;
    private long redraws;
    private long redrawNanos;
    private String note;

    public ChartCanvas(String title) {
        this.title = title;
        view.setManaged(false);
        getChildren().add(view);
        getStyleClass().add("chart-canvas");
        setMinSize(120, 80);
        setPrefSize(400, 200);
        setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1) dragStart = dragNow = e.getX();
        });
        setOnMouseDragged(e -> {
            if (!Double.isNaN(dragStart)) { dragNow = e.getX(); markDirty(); }
        });
        setOnMouseReleased(e -> {
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
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) resetZoom();
        });
    }

    public SeriesData addSeries(String name, Color color) {
        SeriesData s = new SeriesData(name, color);
        series.add(s);
        return s;
    }

    /** Adds a series of a compared run, with the chart's current smoothing. */
    public SeriesData addComparedSeries(String name, Color color, LineStyle style, String run) {
        SeriesData s = new SeriesData(name, color, style, run);
        series.stream().filter(o -> !o.compared()).findFirst().ifPresent(o -> s.setSmoothing(o.smoothing()));
        series.add(s);
        markDirty();
        return s;
    }

    /** Removes every series of compared run {@code run}. */
    public void removeRun(String run) {
        if (series.removeIf(s -> run.equals(s.run()))) markDirty();
    }

    /** The compared runs shown, in the order they were added. */
    public List<String> comparedRuns() {
        List<String> runs = new ArrayList<>();
        for (SeriesData s : series) if (s.compared() && !runs.contains(s.run())) runs.add(s.run());
        return runs;
    }

    public List<SeriesData> series() { return series; }

    public void setSmoothing(double w) {
        for (SeriesData s : series) s.setSmoothing(w);
        markDirty();
    }

    public void setLogY(boolean on) { logY = on; markDirty(); }

    /** Labels only whole numbers on the x axis (for x that counts something, like epochs). */
    public void setWholeX(boolean on) { wholeX = on; markDirty(); }

    public boolean logY() { return logY; }

    public void zoomTo(double min, double max) { zoomMin = min; zoomMax = max; markDirty(); }

    public void resetZoom() { zoomMin = zoomMax = Double.NaN; markDirty(); }

    public boolean zoomed() { return !Double.isNaN(zoomMin); }

    /** Clears the studio's own series; compared runs stay. */
    public void clear() {
        for (SeriesData s : series) if (!s.compared()) s.clear();
        resetZoom();
    }

    public void markDirty() { dirty = true; }

    public long redraws() { return redraws; }

    public long redrawNanos() { return redrawNanos; }

    /** The most points in one of the studio's own series. */
    public int points() { return series.stream().filter(s -> !s.compared()).mapToInt(SeriesData::size).max().orElse(0); }

    /** The chart as last drawn (a copy), for export. */
    public BufferedImage image() {
        BufferedImage copy = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(pixels, 0, 0, null);
        g.dispose();
        return copy;
    }

    /** Redraws when something changed since the last redraw. */
    public void redrawIfDirty() {
        if (dirty) redraw();
    }

    /** True when points were added (or the view changed) since the last redraw. */
    public boolean isDirty() { return dirty; }

    @Override protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (width != w || height != h) {
            width = w;
            height = h;
            redraw();
        }
    }

    private double plotWidth() { return Math.max(1, width - LEFT - RIGHT); }

    private double plotHeight() { return Math.max(1, height - top - BOTTOM); }

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
        double scale = outputScale();
        int iw = Math.max(1, (int) Math.ceil(width * scale)), ih = Math.max(1, (int) Math.ceil(height * scale));
        if (shown == null || pixels.getWidth() != iw || pixels.getHeight() != ih) {
            pixels = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB_PRE);
            pixelData = ((DataBufferInt) pixels.getRaster().getDataBuffer()).getData();
            shared = new PixelBuffer<>(iw, ih, IntBuffer.wrap(pixelData), PixelFormat.getIntArgbPreInstance());
            shown = new WritableImage(shared);
            view.setImage(shown);
        }
        pixelScale = scale;
        Graphics2D g = pixels.createGraphics();
        try {
            g.scale(scale, scale);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(g, width, height);
        } finally {
            g.dispose();
        }
        shared.updateBuffer(b -> null); // all of it changed
        view.setFitWidth(width);
        view.setFitHeight(height);
        view.resizeRelocate(0, 0, width, height);
        redraws++;
        redrawNanos = System.nanoTime() - t0;
    }

    private double outputScale() {
        var scene = getScene();
        var window = scene == null ? null : scene.getWindow();
        return window == null ? 1 : Math.max(1, window.getOutputScaleX());
    }

    private void draw(Graphics2D g, double w, double h) {
        g.setColor(java.awt.Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
        if (w < 20 || h < 20) return;
        List<String> runs = comparedRuns();
        top = runs.isEmpty() ? TOP_PLAIN : TOP_COMPARED;
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
        // the studio's own run first, then the compared runs over it: their dashes leave gaps that show it
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < series.size(); k++) {
                SeriesData s = series.get(k);
                if (s.compared() != (pass == 1)) continue;
                if (s.compared()) drawCompared(s, columns.get(k), xr, ylo, yhi, pw, ph);
                else drawOwn(s, columns.get(k), xr, ylo, yhi, pw, ph);
            }
        }
        if (!Double.isNaN(dragStart)) {
            g.setColor(new java.awt.Color(30, 110, 220, 38));
            g.fill(new java.awt.geom.Rectangle2D.Double(Math.min(dragStart, dragNow), top, Math.abs(dragNow - dragStart), ph));
        }
        drawLegend(g, w, runs);
    }

    /** A compared run's series: its line only (smoothed when smoothing is on), a little darker, in its dash pattern. */
    private void drawCompared(SeriesData s, Columns c, double[] xr, double ylo, double yhi, double pw, double ph) {
        boolean sm = s.smoothing() > 0;
        java.awt.Color line = awt(s.color().deriveColor(0, 1, 0.8, 0.9));
        if (!c.dense) {
            drawPoints(s, sm, xr, ylo, yhi, pw, ph, 2.0, line, s.style());
            return;
        }
        double ys = ph / (yhi - ylo), bottom = top + ph;
        drawColumnLine(c, sm, ylo, ys, bottom, 2.0, line, s.style());
    }

    /** The studio's own series: the line, over the raw values (faint when smoothing, solid without). */
    private void drawOwn(SeriesData s, Columns c, double[] xr, double ylo, double yhi, double pw, double ph) {
        boolean sm = s.smoothing() > 0;
        if (!c.dense) {
            if (sm) drawPoints(s, false, xr, ylo, yhi, pw, ph, 1.0, awt(s.color().deriveColor(0, 0.6, 1.15, 0.3)), LineStyle.SOLID);
            drawPoints(s, sm, xr, ylo, yhi, pw, ph, sm ? 1.6 : 1.2, awt(s.color()), LineStyle.SOLID);
            return;
        }
        double ys = ph / (yhi - ylo), bottom = top + ph;
        // the raw values as one min..max bar per pixel column
        java.awt.Color bars = awt(sm ? s.color().deriveColor(0, 0.6, 1.15, 0.25) : s.color().deriveColor(0, 1, 1, 0.55));
        for (int col = 0; col < c.has.length; col++) {
            if (!c.has[col] || !(c.rmax[col] >= c.rmin[col])) continue;
            double high = py(c.rmax[col], ylo, ys, bottom);
            double low = py(c.rmin[col], ylo, ys, bottom);
            if (!Double.isFinite(high)) continue;
            if (!Double.isFinite(low)) low = bottom;
            span(LEFT + col, high - 0.5, low + 0.5, bars);
        }
        drawColumnLine(c, sm, ylo, ys, bottom, sm ? 1.8 : 1.2, awt(s.color()), LineStyle.SOLID);
    }

    /**
     * The line through a dense series' columns, from the previous column with a value to this one: one vertical span
     * per pixel column, and columns without a point in between (fewer points than columns) bridged instead of left
     * blank. Columns {@code style} leaves out are skipped (dashes).
     */
    private void drawColumnLine(Columns c, boolean sm, double ylo, double ys, double bottom, double thick,
                                java.awt.Color line, LineStyle style) {
        double prev = Double.NaN;
        int prevCol = -1;
        for (int col = 0; col < c.has.length; col++) {
            if (!c.has[col]) continue;
            float v = sm ? c.slast[col] : (c.rmin[col] + c.rmax[col]) / 2;
            double p = py(v, ylo, ys, bottom);
            if (!Double.isFinite(p)) { prev = Double.NaN; continue; }
            if (Double.isFinite(prev)) segment(LEFT + prevCol, prev, LEFT + col, p, thick, line, style);
            else if (style.drawsColumn(col)) span(LEFT + col, p - thick / 2, p + thick / 2, line);
            prev = p;
            prevCol = col;
        }
    }

    /**
     * Blends {@code color} into the one-unit-wide column at {@code x} from {@code top} to {@code bottom} (chart units),
     * straight into the image's pixels, with partial coverage at both ends. Thousands of these per frame cost well under
     * a millisecond, where as many Java2D shape fills cost several.
     */
    private void span(double x, double top, double bottom, java.awt.Color color) {
        double scale = pixelScale;
        int w = pixels.getWidth(), h = pixels.getHeight();
        int x0 = (int) Math.floor(x * scale), x1 = Math.min(w, (int) Math.floor((x + 1) * scale));
        double t = top * scale, b = bottom * scale;
        if (x1 <= x0) x1 = x0 + 1;
        if (x0 < 0 || x0 >= w || !(b > t)) return;
        int[] px = pixelData;
        int y0 = Math.max(0, (int) Math.floor(t)), y1 = Math.min(h, (int) Math.ceil(b));
        int alpha = color.getAlpha();
        int full = premultiplied(color, alpha), fullKeep = 256 - (alpha + (alpha >> 7));
        for (int y = y0; y < y1; y++) {
            int src = full, keep = fullKeep;
            if (y < t || y + 1 > b) { // partly covered end pixel
                int a = (int) Math.round(alpha * (Math.min(b, y + 1) - Math.max(t, y)));
                if (a <= 0) continue;
                src = premultiplied(color, a);
                keep = 256 - (a + (a >> 7));
            }
            // source over destination, two channels per multiply, 0..256 weights
            for (int i = y * w + x0, end = y * w + x1; i < end; i++) {
                int d = px[i];
                int rb = ((d & 0x00ff00ff) * keep >>> 8) & 0x00ff00ff;
                int ag = ((d >>> 8) & 0x00ff00ff) * keep & 0xff00ff00;
                px[i] = src + (rb | ag);
            }
        }
    }

    private static int premultiplied(java.awt.Color c, int a) {
        return a << 24 | (c.getRed() * a / 255) << 16 | (c.getGreen() * a / 255) << 8 | (c.getBlue() * a / 255);
    }

    private static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    private double py(float v, double ylo, double ys, double bottom) {
        double t = ty(v);
        return Double.isFinite(t) ? clamp(bottom - (t - ylo) * ys, top, bottom) : Double.NaN;
    }

    /**
     * Every visible point as a polyline (few points), drawn column by column like the dense case: per pixel column one
     * vertical span covering the segment's extent there. Java2D's antialiased strokes took 5–15 ms per chart.
     */
    private void drawPoints(SeriesData s, boolean smoothed, double[] xr, double ylo, double yhi,
                            double pw, double ph, double thick, java.awt.Color color, LineStyle style) {
        if (s.size() == 0) return;
        int i0 = Math.max(0, s.lowerBound(xr[0]) - 1), i1 = Math.min(s.size(), s.lowerBound(xr[1]) + 1);
        double xs = pw / (xr[1] - xr[0]), ys = ph / (yhi - ylo);
        double bottom = top + ph;
        double px0 = Double.NaN, py0 = Double.NaN;
        for (int i = i0; i < i1; i++) {
            double v = ty(smoothed ? s.smoothed(i) : s.y(i));
            if (!Double.isFinite(v)) { px0 = Double.NaN; continue; }
            // on whole pixels: a segment covers the columns after its start up to its end, so an end inside a column
            // would leave the rest of that column's rise to neither segment (a gap in a steep line)
            double px = Math.rint(LEFT + (s.x(i) - xr[0]) * xs);
            if (px < LEFT - 1 || px > LEFT + pw + 1) continue;
            double py = clamp(bottom - (v - ylo) * ys, top, bottom);
            if (Double.isNaN(px0)) {
                if (style.drawsColumn((int) Math.floor(px))) span(Math.floor(px), py - thick / 2, py + thick / 2, color);
            } else {
                segment(px0, py0, px, py, thick, color, style);
            }
            px0 = px;
            py0 = py;
        }
    }

    /**
     * A line from (xa, ya) to (xb, yb), xa ≤ xb, as vertical spans per pixel column (the first column is left out, and
     * the columns {@code style} leaves out).
     */
    private void segment(double xa, double ya, double xb, double yb, double thick, java.awt.Color color, LineStyle style) {
        if (Math.floor(xb) == Math.floor(xa)) { // both ends in one column (two points at one x): the rise between them
            if (style.drawsColumn((int) Math.floor(xb))) span(Math.floor(xb), Math.min(ya, yb) - thick / 2, Math.max(ya, yb) + thick / 2, color);
            return;
        }
        double slope = xb > xa ? (yb - ya) / (xb - xa) : 0;
        for (double col = Math.floor(xa) + 1; col <= Math.floor(xb); col++) {
            if (!style.drawsColumn((int) col)) continue;
            double left = Math.max(xa, col - 1), right = Math.min(xb, col);
            double y1 = ya + (left - xa) * slope, y2 = ya + (right - xa) * slope;
            span(col, Math.min(y1, y2) - thick / 2, Math.max(y1, y2) + thick / 2, color);
        }
    }

    private static double clamp(double v, double lo, double hi) { return v < lo ? lo : Math.min(v, hi); }

    /** Text with its anchor: {@code h} −1 right-aligned, 0 centred, 1 left; {@code v} 0 centred, 1 top. */
    private static void text(Graphics2D g, String s, double x, double y, int h, int v) {
        FontMetrics fm = g.getFontMetrics();
        double tx = h < 0 ? x - fm.stringWidth(s) : h == 0 ? x - fm.stringWidth(s) / 2.0 : x;
        double ty = v == 0 ? y + (fm.getAscent() - fm.getDescent()) / 2.0 : y + fm.getAscent();
        g.drawString(s, (float) tx, (float) ty);
    }

    private void drawAxes(Graphics2D g, double[] xr, double ylo, double yhi, double pw, double ph) {
        java.awt.Color grid = new java.awt.Color(225, 225, 225), label = new java.awt.Color(90, 90, 90);
        g.setStroke(new BasicStroke(1f));
        int yTarget = Math.max(2, (int) (ph / 40));
        for (double t : logY ? logTicks(ylo, yhi, yTarget) : ticks(ylo, yhi, yTarget)) {
            double py = top + ph - (t - ylo) / (yhi - ylo) * ph;
            g.setColor(grid);
            g.draw(new Line2D.Double(LEFT, Math.round(py), LEFT + pw, Math.round(py)));
            g.setColor(label);
            text(g, logY ? format(Math.pow(10, t)) : format(t), LEFT - 4, py, -1, 0);
        }
        for (double t : ticks(xr[0], xr[1], Math.max(2, (int) (pw / 80)))) {
            if (wholeX && t != Math.rint(t)) continue; // no "epoch 0.5"
            double px = LEFT + (t - xr[0]) / (xr[1] - xr[0]) * pw;
            g.setColor(grid);
            g.draw(new Line2D.Double(Math.round(px), top, Math.round(px), top + ph));
            g.setColor(label);
            text(g, format(t), px, top + ph + 3, 0, 1);
        }
        g.setColor(new java.awt.Color(150, 150, 150));
        g.draw(new java.awt.geom.Rectangle2D.Double(LEFT, top, pw, ph));
    }

    private void drawLegend(Graphics2D g, double w, List<String> runs) {
        g.setColor(new java.awt.Color(40, 40, 40));
        g.setFont(TITLE_FONT);
        text(g, title + (logY ? " (log)" : "") + (zoomed() ? " — zoomed, double-click to reset" : ""), LEFT, 9, 1, 0);
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        double x = w - RIGHT;
        for (int i = series.size() - 1; i >= 0; i--) {
            SeriesData s = series.get(i);
            if (s.compared()) continue;
            String label = s.name() + (s.size() > 0 ? " " + format(last(s)) : "");
            double tw = fm.stringWidth(label) + 22;
            x -= tw;
            g.setColor(awt(s.color()));
            g.fill(new java.awt.geom.Rectangle2D.Double(x, 6, 12, 4));
            g.setColor(new java.awt.Color(60, 60, 60));
            text(g, label, x + 15, 9, 1, 0);
        }
        // second row: one entry per compared run, its dash pattern in gray
        x = w - RIGHT;
        for (int r = runs.size() - 1; r >= 0; r--) {
            String run = runs.get(r);
            LineStyle style = series.stream().filter(s -> run.equals(s.run())).findFirst().map(SeriesData::style).orElse(LineStyle.DASHED);
            double tw = fm.stringWidth(run) + 30;
            x -= tw;
            java.awt.Color gray = new java.awt.Color(90, 90, 90);
            for (int col = 0; col < 22; col++) {
                if (style.drawsColumn(col)) span(x + col, 21.2, 22.8, gray);
            }
            g.setColor(new java.awt.Color(60, 60, 60));
            text(g, run, x + 25, 22, 1, 0);
        }
        if (note != null) {
            g.setColor(new java.awt.Color(160, 60, 0));
            text(g, note, LEFT + 4, top + 10, 1, 0);
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

    /** Mantissas of log-axis ticks, sparse to dense: 1, 10, 100…; then 1, 2, 5, 10…; then 1, 2, 3, 5…; then every one. */
    private static final int[][] LOG_MANTISSAS = {{1}, {1, 2, 5}, {1, 2, 3, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};

    /**
     * Ticks of a log axis, as log10 positions in [lo, hi]: round numbers (1, 2, 5 times a power of ten) when the range
     * spans a few decades or less, so a curve from 0.02 to 0.2 gets 0.02, 0.05, 0.1, 0.2 rather than one label at
     * 0.1; whole decades (some skipped) over many; the linear ticks of the log values when even every mantissa gives
     * fewer than two.
     */
    static List<Double> logTicks(double lo, double hi, int target) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) return new ArrayList<>();
        List<Double> best = null;
        for (int[] mantissas : LOG_MANTISSAS) {
            List<Double> t = new ArrayList<>();
            for (int d = (int) Math.floor(lo); d <= Math.ceil(hi) && t.size() <= target + 1; d++) {
                for (int m : mantissas) {
                    double v = d + Math.log10(m);
                    if (v >= lo - 1e-9 && v <= hi + 1e-9) t.add(v);
                }
            }
            if (t.size() > target + 1) break;
            best = t;
            if (t.size() >= Math.max(2, target / 2 + 1)) break;
        }
        if (best == null) { // more decades than ticks wanted: every k-th decade from the lowest
            int step = (int) Math.ceil((hi - lo) / target);
            List<Double> decades = new ArrayList<>();
            for (double d = Math.ceil(lo - 1e-9); d <= hi + 1e-9; d += step) decades.add(d);
            return decades;
        }
        return best.size() >= 2 ? best : ticks(lo, hi, target);
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
