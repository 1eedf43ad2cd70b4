package dev.ganstudio.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Keeps only some classes of a loaded dataset, renumbering them 0.. in their original order. */
public final class ClassFilter {

    private ClassFilter() {}

    /**
     * The dataset restricted to the named classes; the same dataset when {@code keep} is empty.
     * A name that is not one of the dataset's classes is an error listing the classes there are.
     */
    public static ImageDataset apply(ImageDataset dataset, Set<String> keep) throws DatasetException {
        if (keep.isEmpty()) return dataset;
        Set<String> unknown = new TreeSet<>(keep);
        unknown.removeAll(dataset.classNames());
        if (!unknown.isEmpty()) {
            throw new DatasetException(dataset.name() + ": no class named " + quoted(unknown)
                    + "; the classes are " + quoted(dataset.classNames()));
        }
        List<String> names = new ArrayList<>();
        int[] newLabel = new int[dataset.numClasses()];
        for (int c = 0; c < dataset.numClasses(); c++) {
            String name = dataset.classNames().get(c);
            newLabel[c] = keep.contains(name) ? names.size() : -1;
            if (newLabel[c] >= 0) names.add(name);
        }
        int count = 0;
        for (int label : dataset.labels()) if (newLabel[label] >= 0) count++;
        int imageSize = dataset.imageSize();
        byte[] pixels = new byte[count * imageSize];
        int[] labels = new int[count];
        int next = 0;
        for (int i = 0; i < dataset.size(); i++) {
            int label = newLabel[dataset.labels()[i]];
            if (label < 0) continue;
            System.arraycopy(dataset.pixels(), i * imageSize, pixels, next * imageSize, imageSize);
            labels[next++] = label;
        }
        if (count == 0) {
            throw new DatasetException(dataset.name() + ": classes " + quoted(keep) + " hold no images");
        }
        return new ImageDataset(dataset.name(), pixels, labels, names, dataset.channels(), dataset.height(),
                dataset.width(), dataset.skipped());
    }

    private static String quoted(java.util.Collection<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
