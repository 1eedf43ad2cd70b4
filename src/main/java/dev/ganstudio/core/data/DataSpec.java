package dev.ganstudio.core.data;

import java.util.Arrays;
import java.util.List;

/**
 * What one real sample looks like, as the networks see it.
 *
 * @param sampleShape per-sample shape: {@code [length]} for 1-D data, {@code [channels, height, width]} for images
 * @param classNames  class names by label (empty for unlabelled 1-D data)
 */
public record DataSpec(int[] sampleShape, List<String> classNames) {
    public DataSpec {
        sampleShape = sampleShape.clone();
        classNames = List.copyOf(classNames);
    }

    public int numClasses() { return classNames.size(); }

    public int sampleSize() {
        int n = 1;
        for (int s : sampleShape) n *= s;
        return n;
    }

    public boolean images() { return sampleShape.length == 3; }

    /** Equal when the shapes and class names are (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DataSpec d && Arrays.equals(sampleShape, d.sampleShape) && classNames.equals(d.classNames);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(sampleShape) + classNames.hashCode(); }

    @Override
    public String toString() { return "DataSpec[sampleShape=" + Arrays.toString(sampleShape) + ", classNames=" + classNames + "]"; }
}
