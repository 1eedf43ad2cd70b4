package dev.ganstudio.core.export;

import dev.ganstudio.core.train.TransferMap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 002's view of a 1-D GAN as a picture: step histograms of real, generated and input-noise values on shared
 * bins (as densities), each with its mean and std in the legend, and D(x) drawn over the range on a 0..1 axis.
 */
public final class HistogramChart {
    /** One histogram series. */
    public record Series(String label, double[] values, Color color) {}

    private static final Color REAL = new Color(31, 119, 180);
    private static final Color GENERATED = new Color(255, 127, 14);
    private static final Color NOISE = new Color(127, 127, 127);
    private static final Color CRITIC = new Color(44, 160, 44);

    private HistogramChart() {}

    public static List<Series> standardSeries(double[] real, double[] generated, double[] noise) {
        List<Series> s = new ArrayList<>();
        s.add(new Series("real", real, REAL));
        s.add(new Series("generated", generated, GENERATED));
        if (noise != null) s.add(new Series("input noise", noise, NOISE));
        return s;
    }

    /**
     * @param curveX x positions of D(x) (ascending), or null
     * @param curveY D(x) values in [0, 1], or null
     */
    public static BufferedImage render(String title, List<Series> series, int bins, double[] curveX, double[] curveY,
                                       int width, int height) {
        double[] range = valueRange(series);
        return render(title, series, bins, curveX, curveY, width, height, range[0], range[1]);
    }

    /** Height of the plot of G's map that {@link #render(String, List, int, double[], double[], int, int, TransferMap.Pairs)} adds. */
    public static final int MAP_HEIGHT = 230;

    /**
     * As {@link #render(String, List, int, double[], double[], int, int)}, with G's map from noise to values below the
     * histograms on the same value axis ({@link TransferMap}; the studio's 1-D view draws the same): the image is
     * {@link #MAP_HEIGHT} taller. A null {@code map} gives the plain chart.
     */
    public static BufferedImage render(String title, List<Series> series, int bins, double[] curveX, double[] curveY,
                                       int width, int height, TransferMap.Pairs map) {
        if (map == null) return render(title, series, bins, curveX, curveY, width, height);
        double[] range = valueRange(series);
        BufferedImage top = render(title, series, bins, curveX, curveY, width, height, range[0], range[1]);
        BufferedImage img = new BufferedImage(width, height + MAP_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height + MAP_HEIGHT);
        g.drawImage(top, 0, 0, null);
        drawMap(g, map, range[0], range[1], LEFT, height + 24, width - LEFT - right(curveX), MAP_HEIGHT - 24 - 30);
        g.dispose();
        return img;
    }

    private static final int LEFT = 56;

    private static int right(double[] curveX) { return curveX != null ? 48 : 16; }

    /** The values' range the histograms use: 0.1 % to 99.9 % quantiles of every series, with 5 % room. */
    private static double[] valueRange(List<Series> series) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] q = robustRange(s.values());
            lo = Math.min(lo, q[0]);
            hi = Math.max(hi, q[1]);
        }
        if (!(hi > lo)) { lo -= 1; hi += 1; }
        double pad = (hi - lo) * 0.05;
        return new double[] {lo - pad, hi + pad};
    }

    /** G's map in the plot at ({@code left}, {@code top}): noise value up, G's value across, over the ideal map. */
    private static void drawMap(Graphics2D g, TransferMap.Pairs map, double lo, double hi, int left, int top, int pw, int ph) {
        double[] z = map.noise(), x = map.generated(), ideal = map.ideal();
        int n = Math.min(z.length, Math.min(x.length, ideal.length));
        double zlo = n == 0 ? 0 : z[0], zhi = n == 0 ? 1 : z[n - 1]; // sorted by noise
        if (!(zhi > zlo)) { zlo -= 0.5; zhi += 0.5; }
        double zpad = (zhi - zlo) * 0.04;
        zlo -= zpad;
        zhi += zpad;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString("G: noise z → value", left, top - 8);
        List<Double> zTicks = ticks(zlo, zhi, 4);
        g.setColor(new Color(230, 230, 230));
        for (double t : zTicks) {
            int py = top + ph - (int) Math.round((t - zlo) / (zhi - zlo) * ph);
            g.drawLine(left, py, left + pw, py);
        }
        drawFrameAndValueAxis(g, lo, hi, left, top, pw, ph);
        for (double t : zTicks) {
            String label = format(t);
            int py = top + ph - (int) Math.round((t - zlo) / (zhi - zlo) * ph);
            g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), py + 4);
        }
        java.awt.Shape clip = g.getClip();
        g.clipRect(left, top, pw, ph);
        Path2D line = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(ideal[i])) continue;
            double px = left + (ideal[i] - lo) / (hi - lo) * pw, py = top + ph - (z[i] - zlo) / (zhi - zlo) * ph;
            if (started) line.lineTo(px, py); else line.moveTo(px, py);
            started = true;
        }
        g.setColor(REAL);
        g.setStroke(new BasicStroke(2f));
        g.draw(line);
        g.setColor(new Color(GENERATED.getRed(), GENERATED.getGreen(), GENERATED.getBlue(), 170));
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i])) continue;
            double px = left + (x[i] - lo) / (hi - lo) * pw, py = top + ph - (z[i] - zlo) / (zhi - zlo) * ph;
            g.fill(new java.awt.geom.Rectangle2D.Double(px - 1.25, py - 1.25, 2.5, 2.5));
        }
        g.setClip(clip);
        g.setStroke(new BasicStroke(2f));
        String label = String.format(Locale.ROOT, "best %s map to the real values · G off by %s on average",
                map.decreasing() ? "decreasing" : "increasing", String.format(Locale.ROOT, "%.3f", map.meanDistance()));
        drawLegend(g, left + 8, top + 16, GENERATED, "G(z) for each noise value", 410);
        drawLegend(g, left + 8, top + 32, REAL, label, 410);
    }

    /** A plot's frame and the value axis under it (ticks and labels); leaves the colour dark gray. */
    private static void drawFrameAndValueAxis(Graphics2D g, double lo, double hi, int left, int top, int pw, int ph) {
        g.setColor(Color.GRAY);
        g.drawRect(left, top, pw, ph);
        g.setColor(Color.DARK_GRAY);
        for (double t : ticks(lo, hi, 8)) {
            int x = left + (int) Math.round((t - lo) / (hi - lo) * pw);
            g.drawLine(x, top + ph, x, top + ph + 4);
            String label = format(t);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, top + ph + 18);
        }
    }

    private static BufferedImage render(String title, List<Series> series, int bins, double[] curveX, double[] curveY,
                                        int width, int height, double lo, double hi) {
        double binWidth = (hi - lo) / bins;
        List<double[]> densities = new ArrayList<>();
        double maxDensity = 0;
        for (Series s : series) {
            double[] d = new double[bins];
            for (double v : s.values()) {
                int b = (int) Math.floor((v - lo) / binWidth);
                if (b >= 0 && b < bins) d[b]++;
            }
            for (int b = 0; b < bins; b++) {
                d[b] /= s.values().length * binWidth;
                maxDensity = Math.max(maxDensity, d[b]);
            }
            densities.add(d);
        }
        int left = LEFT, right = right(curveX), top = 34, bottom = 40;
        int pw = width - left - right, ph = height - top - bottom;
        // the legend (top right, 16 px a line) covers the plot's top rows: the density axis reaches far enough above
        // the tallest bar that no bar runs under it
        int legendPx = 8 + 16 * (series.size() + (curveX != null ? 1 : 0));
        double headroom = ph - legendPx > ph * 0.4 ? Math.max(1.08, (double) ph / (ph - legendPx)) : 1.08;
        maxDensity = maxDensity == 0 ? 1 : maxDensity * headroom;

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(font);
        g.setColor(Color.DARK_GRAY);
        g.drawString(title, left, 20);
        // axes and ticks
        g.setColor(new Color(230, 230, 230));
        for (int i = 0; i <= 4; i++) {
            int y = top + ph - i * ph / 4;
            g.drawLine(left, y, left + pw, y);
        }
        drawFrameAndValueAxis(g, lo, hi, left, top, pw, ph);
        for (int i = 0; i <= 4; i++) {
            String label = String.format(Locale.ROOT, "%.2f", maxDensity * i / 4);
            int y = top + ph - i * ph / 4;
            g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.drawString("density", 4, top - 6);
        // histograms
        g.setStroke(new BasicStroke(2f));
        for (int k = 0; k < series.size(); k++) {
            double[] d = densities.get(k);
            Path2D path = new Path2D.Double();
            path.moveTo(left, top + ph);
            for (int b = 0; b < bins; b++) {
                double x0 = left + (double) b / bins * pw, x1 = left + (double) (b + 1) / bins * pw;
                double y = top + ph - d[b] / maxDensity * ph;
                path.lineTo(x0, y);
                path.lineTo(x1, y);
            }
            path.lineTo(left + pw, top + ph);
            g.setColor(series.get(k).color());
            g.draw(path);
        }
        // D(x)
        if (curveX != null && curveY != null && curveX.length > 1) {
            Path2D path = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < curveX.length; i++) {
                if (curveX[i] < lo || curveX[i] > hi) continue;
                double x = left + (curveX[i] - lo) / (hi - lo) * pw;
                double y = top + ph - Math.max(0, Math.min(1, curveY[i])) * ph;
                if (started) path.lineTo(x, y); else path.moveTo(x, y);
                started = true;
            }
            g.setColor(CRITIC);
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
            g.draw(path);
            g.setStroke(new BasicStroke(1f));
            for (int i = 0; i <= 4; i++) {
                String label = String.format(Locale.ROOT, "%.2f", i / 4.0);
                g.drawString(label, left + pw + 6, top + ph - i * ph / 4 + 4);
            }
            g.drawString("D(x)", left + pw + 6, top - 6);
        }
        // legend
        g.setStroke(new BasicStroke(2f));
        int ly = top + 16;
        for (Series s : series) {
            double[] ms = meanStd(s.values());
            String text = String.format(Locale.ROOT, "%s  mean %.3f  std %.3f", s.label(), ms[0], ms[1]);
            drawLegend(g, left + pw - 250, ly, s.color(), text);
            ly += 16;
        }
        if (curveX != null) drawLegend(g, left + pw - 250, ly, CRITIC, "D(x)");
        g.dispose();
        return img;
    }

    private static void drawLegend(Graphics2D g, int x, int y, Color c, String text) {
        drawLegend(g, x, y, c, text, 250);
    }

    private static void drawLegend(Graphics2D g, int x, int y, Color c, String text, int width) {
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x - 4, y - 11, width, 15);
        g.setColor(c);
        g.drawLine(x, y - 4, x + 18, y - 4);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x + 24, y);
    }

    /** The 0.1 % and 99.9 % quantiles, so a few outliers don't squash the plot. */
    private static double[] robustRange(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return new double[] {s[(int) Math.floor(0.001 * (n - 1))], s[(int) Math.ceil(0.999 * (n - 1))]};
    }

    public static double[] meanStd(double[] v) {
        double mean = 0;
        for (double x : v) mean += x;
        mean /= v.length;
        double var = 0;
        for (double x : v) var += (x - mean) * (x - mean);
        return new double[] {mean, Math.sqrt(var / v.length)};
    }

    private static List<Double> ticks(double lo, double hi, int target) {
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3 ? 2 * mag : raw / mag < 7 ? 5 * mag : 10 * mag;
        List<Double> t = new ArrayList<>();
        for (double x = Math.ceil(lo / step) * step; x <= hi; x += step) t.add(Math.abs(x) < step * 1e-9 ? 0 : x);
        return t;
    }

    private static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : String.format(Locale.ROOT, "%.1f", v);
    }
}
