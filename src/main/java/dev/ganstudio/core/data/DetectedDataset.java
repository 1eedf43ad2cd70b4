package dev.ganstudio.core.data;

import java.nio.file.Path;
import java.util.List;

/** What {@link DatasetDetector} found at a dropped path, before anything is decoded. */
public sealed interface DetectedDataset {

    /** The path the user gave. */
    Path path();

    /** One line for the user, e.g. "IDX files: train, t10k (Fashion-MNIST class names)". */
    String describe();

    /**
     * IDX image/label pairs.
     *
     * @param folder     the folder holding them
     * @param pairs      the pairs to load, train first
     * @param classNames names by label value: Fashion-MNIST's when the folder looks like it, else "0".."9"
     */
    record IdxFiles(Path path, Path folder, List<IdxPair> pairs, List<String> classNames) implements DetectedDataset {
        public IdxFiles {
            pairs = List.copyOf(pairs);
            classNames = List.copyOf(classNames);
        }

        @Override public String describe() {
            String names = classNames.equals(StandardClassNames.FASHION_MNIST) ? "Fashion-MNIST" : "digit";
            return "IDX files: " + String.join(", ", pairs.stream().map(IdxPair::prefix).toList())
                    + " (" + names + " class names)";
        }
    }

    /**
     * CIFAR-10 binary batches.
     *
     * @param folder  the folder holding them (possibly the extracted cifar-10-batches-bin below the path)
     * @param batches batch files in load order
     */
    record CifarBinaries(Path path, Path folder, List<Path> batches) implements DetectedDataset {
        public CifarBinaries {
            batches = List.copyOf(batches);
        }

        @Override public String describe() {
            return "CIFAR-10 binary batches: " + String.join(", ",
                    batches.stream().map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * A folder of image files.
     *
     * @param classNames class folder names in order, or the folder's own name when it holds images directly
     */
    record ImageFolder(Path path, List<String> classNames) implements DetectedDataset {
        public ImageFolder {
            classNames = List.copyOf(classNames);
        }

        @Override public String describe() {
            return "image folder with " + classNames.size() + (classNames.size() == 1 ? " class: " : " classes: ")
                    + String.join(", ", classNames);
        }
    }

    /** Nothing loadable; {@code reason} says why. */
    record Unknown(Path path, String reason) implements DetectedDataset {
        @Override public String describe() {
            return reason;
        }
    }
}
