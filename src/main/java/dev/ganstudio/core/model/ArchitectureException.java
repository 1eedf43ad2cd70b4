package dev.ganstudio.core.model;

/** A network cannot be built for its input or does not produce what it must; the message names the layer. */
public class ArchitectureException extends Exception {
    public ArchitectureException(String message) { super(message); }
}
