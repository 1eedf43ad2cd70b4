package dev.ganstudio.app;

import dev.ganstudio.core.config.DataSourceConfig;
import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.data.ImageDataset;
import dev.ganstudio.core.data.SkippedFile;
import javafx.scene.image.Image;

import java.util.ArrayList;
import java.util.List;

/**
 * The loaded real data as the dataset panel shows it: the source, all of its classes with their counts (before the
 * class filter), the preview, and what was skipped. Immutable; built off the FX thread.
 *
 * @param images  the whole image dataset (all classes), or null for 1-D data
 * @param preview a grid of real samples (images only)
 * @param real    real 1-D values for the histogram preview (1-D only)
 */
public record DatasetInfo(DataSourceConfig source, String title, ImageDataset images, Image preview, float[] real,
                          List<SkippedFile> skipped) {

    public boolean oneDimensional() { return source instanceof DistributionSource; }

    /** What the networks see with the source's class filter applied. */
    public DataSpec spec() {
        if (source instanceof DistributionSource d) return new DataSpec(new int[] {d.length()}, List.of());
        ImageSource s = (ImageSource) source;
        List<String> names = new ArrayList<>();
        for (String n : images.classNames()) if (s.classes().isEmpty() || s.classes().contains(n)) names.add(n);
        return new DataSpec(new int[] {images.channels(), images.height(), images.width()}, names);
    }

    public List<String> classNames() { return images == null ? List.of() : images.classNames(); }

    public int[] classCounts() { return images == null ? new int[0] : images.classCounts(); }

    /** Images kept by the class filter. */
    public int keptImages() {
        if (images == null) return 0;
        ImageSource s = (ImageSource) source;
        int[] counts = images.classCounts();
        int n = 0;
        for (int c = 0; c < counts.length; c++) if (s.classes().isEmpty() || s.classes().contains(images.classNames().get(c))) n += counts[c];
        return n;
    }

    public DatasetInfo withSource(DataSourceConfig newSource) {
        return new DatasetInfo(newSource, title, images, preview, real, skipped);
    }
}
