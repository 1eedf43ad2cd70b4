package dev.ganstudio.core.export;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One 256-colour palette shared by every frame of a GIF, and the mapping of pixels onto it.
 *
 * <p>When all frames together hold at most 256 colours (any gray frames, a chart drawn without antialiasing, a small
 * sample grid) the palette is those colours and the GIF is lossless. Otherwise the colours are counted in
 * 5-bit-per-channel cells, and the box of cells whose pixels lie furthest from their mean colour (squared error) is cut
 * in two where that error drops most, until there are 256 boxes; each entry is the mean colour of its box's pixels, and each cell maps to the nearest
 * entry. A colour that appears in many frames therefore has one value in all of them (no flicker between frames), and
 * writing a frame is one table lookup per pixel — the JDK writer's own quantiser took ~0.3 s per 800×420 frame.
 */
final class GifPalette {

    static final int SIZE = 256;
    private static final int CELLS = 1 << 15;

    private final IndexColorModel model;
    private final ExactColours exact; // null when the frames hold more than SIZE colours
    private final byte[] cellIndex;   // 15-bit cell -> palette index, when exact is null

    private GifPalette(IndexColorModel model, ExactColours exact, byte[] cellIndex) {
        this.model = model;
        this.exact = exact;
        this.cellIndex = cellIndex;
    }

    /**
     * The palette for these frames, each given as 0xRRGGBB pixels. The frames are read once, one at a time, so they
     * can be produced lazily and need not all be in memory as pixel arrays.
     */
    static GifPalette of(Iterable<int[]> frames) {
        ExactColours exact = new ExactColours(SIZE);
        Cells cells = new Cells();
        for (int[] pixels : frames) {
            int last = -1;
            for (int p : pixels) {
                cells.add(p);
                if (exact != null && p != last && !exact.add(p)) exact = null;
                last = p;
            }
        }
        if (exact != null) return new GifPalette(exact.colourModel(), exact, null);

        int[] occupied = cells.occupied();
        List<Box> boxes = new ArrayList<>(List.of(new Box(0, occupied.length, occupied, cells)));
        while (boxes.size() < SIZE) {
            Box worst = null;
            for (Box box : boxes) if (box.to - box.from > 1 && (worst == null || box.error > worst.error)) worst = box;
            if (worst == null) break;
            boxes.remove(worst);
            boxes.addAll(worst.split(occupied, cells));
        }

        int[] palette = new int[SIZE];
        for (int i = 0; i < boxes.size(); i++) palette[i] = boxes.get(i).meanColour();
        byte[] cellIndex = new byte[CELLS];
        for (int c : occupied) {
            long n = cells.count[c];
            long r = cells.sum[0][c] / n, g = cells.sum[1][c] / n, b = cells.sum[2][c] / n;
            int best = 0;
            long bestDistance = Long.MAX_VALUE;
            for (int i = 0; i < boxes.size(); i++) {
                int q = palette[i];
                long dr = r - ((q >> 16) & 0xFF), dg = g - ((q >> 8) & 0xFF), db = b - (q & 0xFF);
                long d = dr * dr + dg * dg + db * db;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            cellIndex[c] = (byte) best;
        }
        return new GifPalette(colourModel(palette), null, cellIndex);
    }

    /** The palette as an 8-bit, 256-entry colour model. */
    IndexColorModel colourModel() {
        return model;
    }

    /** Writes the palette index of each of {@code pixels} (0xRRGGBB, among those the palette was built from) to {@code out}. */
    void index(int[] pixels, byte[] out) {
        if (exact != null) {
            for (int i = 0; i < pixels.length; i++) out[i] = (byte) exact.indexOf(pixels[i]);
        } else {
            for (int i = 0; i < pixels.length; i++) out[i] = cellIndex[cell(pixels[i])];
        }
    }

    /** True when every colour of the frames has its own entry. */
    boolean lossless() {
        return exact != null;
    }

    private static int cell(int rgb) {
        return (rgb >> 9 & 0x7C00) | (rgb >> 6 & 0x03E0) | (rgb >> 3 & 0x001F);
    }

    private static IndexColorModel colourModel(int[] palette) {
        byte[] r = new byte[SIZE], g = new byte[SIZE], b = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        return new IndexColorModel(8, SIZE, r, g, b);
    }

    /** Pixel count, per-channel sums and sum of squares of the pixels in each 5-bit-per-channel cell. */
    private static final class Cells {
        final long[] count = new long[CELLS];
        final long[][] sum = new long[3][CELLS];
        final long[] squares = new long[CELLS];

        void add(int rgb) {
            int c = cell(rgb), r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
            count[c]++;
            sum[0][c] += r;
            sum[1][c] += g;
            sum[2][c] += b;
            squares[c] += r * r + g * g + b * b;
        }

        int[] occupied() {
            int n = 0;
            for (long k : count) if (k > 0) n++;
            int[] cells = new int[n];
            for (int c = 0, i = 0; c < CELLS; c++) if (count[c] > 0) cells[i++] = c;
            return cells;
        }
    }

    /**
     * A run {@code occupied[from, to)} of cells, with the squared error of drawing all their pixels in their mean
     * colour. Split where that error drops most: over each channel's 32 levels, between any two levels.
     */
    private static final class Box {
        final int from, to;
        final long pixels;
        final long r, g, b;
        final double error;

        Box(int from, int to, int[] occupied, Cells cells) {
            this.from = from;
            this.to = to;
            long n = 0, sr = 0, sg = 0, sb = 0, sq = 0;
            for (int k = from; k < to; k++) {
                int c = occupied[k];
                n += cells.count[c];
                sr += cells.sum[0][c];
                sg += cells.sum[1][c];
                sb += cells.sum[2][c];
                sq += cells.squares[c];
            }
            pixels = n;
            r = sr;
            g = sg;
            b = sb;
            error = squaredError(n, sr, sg, sb, sq);
        }

        int meanColour() {
            return (int) ((r + pixels / 2) / pixels) << 16 | (int) ((g + pixels / 2) / pixels) << 8
                    | (int) ((b + pixels / 2) / pixels);
        }

        /** The two boxes of the cut that leaves the least squared error; both non-empty. */
        List<Box> split(int[] occupied, Cells cells) {
            int bestChannel = -1, bestLevel = 0;
            double bestError = Double.MAX_VALUE;
            for (int ch = 0; ch < 3; ch++) {
                long[] n = new long[32], sr = new long[32], sg = new long[32], sb = new long[32], sq = new long[32];
                for (int k = from; k < to; k++) {
                    int c = occupied[k], v = level(c, ch);
                    n[v] += cells.count[c];
                    sr[v] += cells.sum[0][c];
                    sg[v] += cells.sum[1][c];
                    sb[v] += cells.sum[2][c];
                    sq[v] += cells.squares[c];
                }
                long ln = 0, lr = 0, lg = 0, lb = 0, lq = 0;
                long tq = 0;
                for (long q : sq) tq += q;
                for (int v = 0; v < 31; v++) { // cut between level v and v + 1
                    ln += n[v];
                    lr += sr[v];
                    lg += sg[v];
                    lb += sb[v];
                    lq += sq[v];
                    if (ln == 0 || ln == pixels || n[v] == 0) continue;
                    double e = squaredError(ln, lr, lg, lb, lq) + squaredError(pixels - ln, r - lr, g - lg, b - lb, tq - lq);
                    if (e < bestError) {
                        bestError = e;
                        bestChannel = ch;
                        bestLevel = v;
                    }
                }
            }
            // cells are distinct, so a box of two or more differs on some channel and a cut exists
            int at = from;
            for (int k = from; k < to; k++) {
                if (level(occupied[k], bestChannel) <= bestLevel) {
                    int t = occupied[at];
                    occupied[at++] = occupied[k];
                    occupied[k] = t;
                }
            }
            return List.of(new Box(from, at, occupied, cells), new Box(at, to, occupied, cells));
        }

        private static double squaredError(long n, long r, long g, long b, long squares) {
            return squares - ((double) r * r + (double) g * g + (double) b * b) / n;
        }

        private static int level(int cell, int channel) {
            return (cell >> (10 - 5 * channel)) & 0x1F;
        }
    }

    /** Up to {@code limit} distinct colours, each with its palette index: an open-addressing table. */
    private static final class ExactColours {
        private final int[] keys;   // colour + 1, 0 for an empty slot
        private final byte[] values;
        private final int[] colours;
        private int size;

        ExactColours(int limit) {
            keys = new int[4 * Integer.highestOneBit(limit)];
            values = new byte[keys.length];
            colours = new int[limit];
        }

        /** Adds {@code rgb}; false when it is new and the table is full. */
        private boolean add(int rgb) {
            int slot = slot(rgb);
            if (keys[slot] != 0) return true;
            if (size == colours.length) return false;
            keys[slot] = rgb + 1;
            values[slot] = (byte) size;
            colours[size++] = rgb;
            return true;
        }

        int indexOf(int rgb) {
            return values[slot(rgb)] & 0xFF;
        }

        private int slot(int rgb) {
            int mask = keys.length - 1;
            int slot = (rgb * 0x9E3779B1 >>> 16) & mask;
            while (keys[slot] != 0 && keys[slot] != rgb + 1) slot = (slot + 1) & mask;
            return slot;
        }

        IndexColorModel colourModel() {
            return GifPalette.colourModel(Arrays.copyOf(colours, SIZE));
        }
    }
}
