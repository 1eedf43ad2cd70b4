package dev.ganstudio.core.data;

import java.nio.file.Path;

/**
 * An IDX image file and the label file that goes with it, found by name.
 *
 * @param prefix what precedes "-images" / "-labels" in both names, e.g. "train" or "t10k"
 */
public record IdxPair(String prefix, Path images, Path labels) {}
