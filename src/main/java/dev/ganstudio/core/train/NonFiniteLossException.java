package dev.ganstudio.core.train;

/** Training produced NaN or infinity; the run stops and keeps its last good checkpoint. */
public class NonFiniteLossException extends RuntimeException {
    public NonFiniteLossException(String message) { super(message); }
}
