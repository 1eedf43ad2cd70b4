package dev.ganstudio.app;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.function.IntConsumer;

/**
 * Shows a sample grid scaled to fit (nearest-neighbour) and lets the user click a tile; the selected tile is outlined.
 * Knows the grid's geometry (columns, tile size, padding) to map clicks to sample indices.
 */
final class ImageGridView extends Region {
    private final ImageView view = new ImageView();
    private final Rectangle selection = new Rectangle();
    private int columns = 1, count, tileW = 1, tileH = 1, padding;
    private int selected = -1;
    private IntConsumer onSelect = i -> {};

    ImageGridView() {
        view.setPreserveRatio(true);
        view.setSmooth(false);
        selection.setFill(Color.TRANSPARENT);
        selection.setStroke(Color.rgb(255, 60, 60));
        selection.setStrokeWidth(2);
        selection.setVisible(false);
        selection.setMouseTransparent(true);
        getChildren().addAll(view, selection);
        setMinSize(80, 80);
        view.setOnMouseClicked(e -> {
            Image img = view.getImage();
            if (img == null || count == 0) return;
            double s = view.getBoundsInLocal().getWidth() / img.getWidth();
            int ix = (int) (e.getX() / s), iy = (int) (e.getY() / s);
            int c = (ix - padding) / (tileW + padding), r = (iy - padding) / (tileH + padding);
            if (ix < padding || iy < padding || c >= columns) return;
            int i = r * columns + c;
            if (i >= 0 && i < count) {
                select(i);
                onSelect.accept(i);
            }
        });
    }

    ImageView imageView() { return view; }

    void setOnSelect(IntConsumer c) { onSelect = c; }

    /** A grid image of {@code count} tiles of {@code tileW×tileH} in {@code columns} columns with {@code padding}. */
    void show(Image img, int columns, int count, int tileW, int tileH, int padding) {
        view.setImage(img);
        this.columns = Math.max(1, columns);
        this.count = count;
        this.tileW = tileW;
        this.tileH = tileH;
        this.padding = padding;
        if (selected >= count) selected = -1;
        requestLayout();
    }

    /** A picture that is not a grid (e.g. a 1-D chart from disk): no tile selection. */
    void showPicture(Image img) { show(img, 1, 0, 1, 1, 0); }

    void select(int i) {
        selected = i;
        requestLayout();
    }

    int selected() { return selected; }

    @Override protected void layoutChildren() {
        Image img = view.getImage();
        double w = getWidth(), h = getHeight();
        if (img == null || img.getWidth() == 0) { selection.setVisible(false); return; }
        double s = Math.min(w / img.getWidth(), h / img.getHeight());
        if (s >= 1) s = Math.floor(s); // whole magnifications keep pixels crisp (a grid drawn at the view's size shows 1:1)
        double dw = img.getWidth() * s, dh = img.getHeight() * s;
        view.setFitWidth(dw);
        view.setFitHeight(dh);
        double x0 = Math.floor((w - dw) / 2), y0 = Math.floor((h - dh) / 2);
        view.relocate(x0, y0);
        if (selected >= 0 && selected < count) {
            int c = selected % columns, r = selected / columns;
            selection.setX(x0 + (padding + c * (tileW + padding)) * s - 1);
            selection.setY(y0 + (padding + r * (tileH + padding)) * s - 1);
            selection.setWidth(tileW * s + 2);
            selection.setHeight(tileH * s + 2);
            selection.setVisible(true);
        } else {
            selection.setVisible(false);
        }
    }
}
