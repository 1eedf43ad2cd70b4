package dev.ganstudio.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where the real data comes from: a 1-D distribution, or an image dataset. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = DistributionSource.class, name = "distribution"),
        @JsonSubTypes.Type(value = ImageSource.class, names = {"bundled-digits", "fashion-mnist", "idx", "image-folder", "cifar10", "auto"})
})
public sealed interface DataSourceConfig permits DistributionSource, ImageSource {
    /** The config name of this source ("distribution", "bundled-digits", ...). */
    String type();

    /** A short human description. */
    String describe();
}
