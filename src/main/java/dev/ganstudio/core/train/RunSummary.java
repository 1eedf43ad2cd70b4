package dev.ganstudio.core.train;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** {@code summary.json}: how far the run got, how fast, and how good its samples are. */
public record RunSummary(String name, String status, String dataset, String device,
                         long steps, int epochs, double seconds,
                         @JsonProperty("images_per_second") double imagesPerSecond,
                         @JsonProperty("data_wait_fraction") double dataWaitFraction,
                         Map<String, Object> metrics,
                         @JsonProperty("skipped_files") List<String> skippedFiles) {}
