package dev.ganstudio.core.data;

/** A file (or record inside a file) that a loader could not use, and why. */
public record SkippedFile(String path, String reason) {
    @Override public String toString() { return path + ": " + reason; }
}
