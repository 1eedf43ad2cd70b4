package dev.ganstudio.core.data;

import java.nio.file.Path;
import java.util.List;

/** Loads one IDX image file and its IDX label file as a gray {@link ImageDataset}. */
public final class IdxDataset {

    private IdxDataset() {}

    /** Loads an image/label pair with class names "0" .. "9". */
    public static ImageDataset load(Path images, Path labels, String name) throws DatasetException {
        return load(images, labels, name, StandardClassNames.DIGITS);
    }

    /**
     * Loads an image/label pair.
     *
     * @param classNames names by label value; every label in the file must be below its size
     */
    public static ImageDataset load(Path images, Path labels, String name, List<String> classNames)
            throws DatasetException {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames must not be empty");
        }
        IdxImages idxImages = IdxReader.readImages(images);
        byte[] labelBytes = IdxReader.readLabels(labels);
        if (idxImages.count() != labelBytes.length) {
            throw new DatasetException(images.getFileName() + " holds " + idxImages.count() + " images but "
                    + labels.getFileName() + " holds " + labelBytes.length + " labels");
        }
        if (idxImages.count() == 0) {
            throw new DatasetException(images.getFileName() + ": header says 0 images, nothing to load");
        }
        int[] labelValues = new int[labelBytes.length];
        for (int i = 0; i < labelBytes.length; i++) {
            int label = labelBytes[i] & 0xff;
            if (label >= classNames.size()) {
                throw new DatasetException(labels.getFileName() + ": label " + label + " of record " + i
                        + " is outside 0.." + (classNames.size() - 1) + " (" + classNames.size() + " class names)");
            }
            labelValues[i] = label;
        }
        return new ImageDataset(name, idxImages.pixels(), labelValues, classNames, 1,
                idxImages.rows(), idxImages.columns(), List.of());
    }
}
