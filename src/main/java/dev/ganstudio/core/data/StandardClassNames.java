package dev.ganstudio.core.data;

import java.util.List;

/** Class-name lists of well-known datasets, in label order. */
public final class StandardClassNames {

    /** MNIST and the bundled digits: "0" .. "9". */
    public static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Fashion-MNIST (Zalando Research). */
    public static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** CIFAR-10, as listed in its batches.meta.txt. */
    public static final List<String> CIFAR_10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private StandardClassNames() {}
}
